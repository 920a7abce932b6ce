/**
 * The import worker: reads a file the user opened (ACLED CSV, spreadsheet CSV, GeoJSON) into a dataset pack off the
 * main thread, reporting progress, and posts the pack's files back with their buffers transferred. One worker per
 * import; the page terminates it to cancel.
 */
/// <reference lib="webworker" />
import { importFile, type ImportOutcome, type ImportRequestOptions } from './import-file.ts';

export type ImportWorkerRequest = { type: 'import'; file: Blob; options: ImportRequestOptions };
export type ImportWorkerResponse =
  | { type: 'progress'; fraction: number }
  | { type: 'outcome'; outcome: ImportOutcome }
  | { type: 'failed'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (message: MessageEvent<ImportWorkerRequest>) => {
  const { file, options } = message.data;
  let last = -1;
  try {
    const outcome = await importFile(file, options, (fraction) => {
      // At most a hundred messages, however many rows.
      const percent = Math.floor(fraction * 100);
      if (percent === last) return;
      last = percent;
      scope.postMessage({ type: 'progress', fraction } satisfies ImportWorkerResponse);
    });
    const transfer =
      outcome.type === 'pack' ? [...new Set(outcome.files.map((f) => f.bytes.buffer as ArrayBuffer))] : [];
    scope.postMessage({ type: 'outcome', outcome } satisfies ImportWorkerResponse, transfer);
  } catch (error) {
    scope.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies ImportWorkerResponse);
  }
};
