/**
 * Opening the user's own files, without any server: an ACLED export, a spreadsheet of events or a GeoJSON file
 * is read into a dataset pack by the import worker (queries/import-worker.ts); a dataset pack folder (manifest.json,
 * the .arrow tables, search-index.json) is read as it is. Either way the pack is loaded by the same path as a
 * served one (queries/dataset-query.ts), becomes a local dataset (local-<n>) in the query cache and the switcher,
 * and is opened. Nothing is uploaded anywhere; nothing is kept after the page is closed.
 */
import type { QueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import { DatasetLoadError, datasetQueryKey, loadDatasetIndex } from '../queries/dataset-query.ts';
import { datasetCatalogQueryOptions } from '../queries/dataset-registry-query.ts';
import type { ImportOutcome, ImportRequestOptions, ImportSummary } from '../queries/import-file.ts';
import type { ImportWorkerRequest, ImportWorkerResponse } from '../queries/import-worker.ts';
import { localPackSource } from '../queries/pack-source.ts';
import { nextLocalDatasetId, useDatasetNav } from './dataset-nav.ts';

export type OpenFilePhase =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string; fraction: number }
  | { phase: 'problems'; fileName: string; summary: ImportSummary; skippedInvalid: boolean }
  | { phase: 'failed'; fileName: string; message: string; details: string[] };

export interface OpenFileState {
  status: OpenFilePhase;
  /** Opens what the user chose or dropped: one data file, or the files of a dataset pack. */
  openFiles: (files: readonly File[]) => void;
  /** After problems were listed: import the rows that have none. */
  importValidRows: () => void;
  /** Stops a running import, or closes the problems or the error. */
  cancel: () => void;
}

let queryClient: QueryClient | null = null;
/** The app's query client, where opened datasets are kept (set by FileOpener). */
export function bindQueryClient(client: QueryClient): void {
  queryClient = client;
}

/** The file being imported, for "Import the valid rows". */
let pendingFile: File | null = null;
/** The running import (a worker, or the in-page fallback), cancelled by bumping the generation. */
let generation = 0;
let worker: Worker | null = null;

const baseName = (file: File) => (file.webkitRelativePath || file.name).split('/').pop() ?? file.name;

export const useOpenFile = create<OpenFileState>()((set, get) => {
  const stop = () => {
    generation++;
    worker?.terminate();
    worker = null;
  };
  const fail = (fileName: string, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const details = error instanceof DatasetLoadError ? error.details : [];
    set({ status: { phase: 'failed', fileName, message, details } });
  };

  /** Keeps the loaded dataset for the page's life, lists it in the switcher and opens it. */
  const openLoaded = (index: DatasetIndex, id: string, notices: string[]) => {
    if (!queryClient) throw new Error('the file opener is not mounted');
    queryClient.setQueryData(datasetQueryKey(id), index);
    const nav = useDatasetNav.getState();
    nav.addLocal({
      id,
      title: index.title,
      description: index.description,
      events: index.size,
      extent: index.extent,
      local: true,
      packUrl: null,
      notices,
    });
    const defaultId = queryClient.getQueryData(datasetCatalogQueryOptions.queryKey)?.defaultId ?? '';
    set({ status: { phase: 'idle' } });
    nav.switchTo(id, defaultId);
  };

  const openPack = async (files: readonly File[]) => {
    const run = ++generation;
    const label = 'the dataset pack';
    set({ status: { phase: 'reading', fileName: label, fraction: 0 } });
    try {
      const bytes = new Map<string, Uint8Array>();
      let done = 0;
      for (const file of files) {
        bytes.set(baseName(file), new Uint8Array(await file.arrayBuffer()));
        if (run !== generation) return;
        set({ status: { phase: 'reading', fileName: label, fraction: ++done / files.length } });
      }
      const id = nextLocalDatasetId();
      const index = await loadDatasetIndex(localPackSource(id, label, bytes));
      if (run !== generation) return;
      openLoaded(index, id, []);
    } catch (error) {
      if (run === generation) fail(label, error);
    }
  };

  const runImport = (file: File, skipInvalid: boolean) => {
    stop();
    const run = generation;
    pendingFile = file;
    const fileName = file.name;
    const id = nextLocalDatasetId();
    const options: ImportRequestOptions = { fileName, datasetId: id, skipInvalid };
    set({ status: { phase: 'reading', fileName, fraction: 0 } });
    const progress = (fraction: number) => {
      if (run === generation) set({ status: { phase: 'reading', fileName, fraction } });
    };
    const finish = async (outcome: ImportOutcome) => {
      if (run !== generation) return;
      worker?.terminate();
      worker = null;
      const { summary } = outcome;
      if (outcome.type === 'refused')
        return set({ status: { phase: 'problems', fileName, summary, skippedInvalid: skipInvalid } });
      const index = await loadDatasetIndex(
        localPackSource(id, fileName, new Map(outcome.files.map((f) => [f.path, f.bytes]))),
      );
      if (run !== generation) return;
      pendingFile = null;
      const notices = [...summary.warnings];
      if (summary.skipped > 0)
        notices.unshift(
          `${summary.skipped.toLocaleString('en')} ${summary.skipped === 1 ? 'row' : 'rows'} of ${fileName} with problems ${summary.skipped === 1 ? 'was' : 'were'} left out; ${summary.eventsImported.toLocaleString('en')} events were imported.`,
        );
      openLoaded(index, id, notices);
    };
    const onError = (error: unknown) => {
      if (run !== generation) return;
      worker?.terminate();
      worker = null;
      fail(fileName, error);
    };
    const inPage = () =>
      import('../queries/import-file.ts')
        .then(({ importFile }) => importFile(file, options, progress))
        .then(finish)
        .catch(onError);
    try {
      worker = new Worker(new URL('../queries/import-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      void inPage();
      return;
    }
    worker.onmessage = (message: MessageEvent<ImportWorkerResponse>) => {
      const response = message.data;
      if (response.type === 'progress') progress(response.fraction);
      else if (response.type === 'outcome') finish(response.outcome).catch(onError);
      else onError(new Error(response.message));
    };
    // A worker that cannot start (its module blocked or failing to load): do the same work on the page.
    worker.onerror = (event) => {
      event.preventDefault();
      if (run !== generation) return;
      worker?.terminate();
      worker = null;
      void inPage();
    };
    worker.postMessage({ type: 'import', file, options } satisfies ImportWorkerRequest);
  };

  return {
    status: { phase: 'idle' },
    openFiles: (files) => {
      if (files.length === 0) return;
      stop();
      const isPack = files.some((f) => baseName(f) === 'manifest.json' || /\.arrow$/i.test(f.name));
      if (isPack) return void openPack(files);
      if (files.length > 1)
        return set({
          status: {
            phase: 'failed',
            fileName: `${files.length} files`,
            message:
              'Open one file at a time, or the whole folder of a dataset pack (manifest.json, the .arrow files and search-index.json).',
            details: [],
          },
        });
      runImport(files[0]!, false);
    },
    importValidRows: () => {
      if (get().status.phase === 'problems' && pendingFile) runImport(pendingFile, true);
    },
    cancel: () => {
      stop();
      pendingFile = null;
      set({ status: { phase: 'idle' } });
    },
  };
});

/**
 * The files of a drop: a dropped folder (a dataset pack) is read entry by entry; plain files are taken as they are.
 */
export async function filesOfDrop(transfer: DataTransfer): Promise<File[]> {
  const entries = Array.from(transfer.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (!entries.some((entry) => entry?.isDirectory)) return Array.from(transfer.files);
  const files: File[] = [];
  const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));
  const childrenOf = (entry: FileSystemDirectoryEntry) =>
    new Promise<FileSystemEntry[]>((resolve, reject) => {
      const reader = entry.createReader();
      const all: FileSystemEntry[] = [];
      const next = () =>
        reader.readEntries((batch) => {
          if (batch.length === 0) return resolve(all);
          all.push(...batch);
          next();
        }, reject);
      next();
    });
  for (const entry of entries) {
    if (!entry) continue;
    if (entry.isFile) files.push(await fileOf(entry as FileSystemFileEntry));
    else if (entry.isDirectory)
      for (const child of await childrenOf(entry as FileSystemDirectoryEntry))
        if (child.isFile) files.push(await fileOf(child as FileSystemFileEntry));
  }
  return files;
}
