/**
 * The cold parts of the pack, fetched when a view needs them and kept for the page's life: details chunks (an
 * event's summary, evidence offsets, date provenance) and text chunks (articles and the spans citing them). Each
 * chunk is fetched once however many views ask at the same time; a failed fetch is forgotten so Retry can work.
 * Chunks are read through the dataset's pack source (a served folder or files opened in the page), and their
 * queries are keyed by the dataset's id.
 */
import { queryOptions } from '@tanstack/react-query';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { NewsEvent } from '../domain/dataset-schema.ts';
import {
  assembleEvent,
  decodeDetailsChunk,
  decodeTextChunk,
  sourcesNeeded,
  type DetailsChunk,
  type TextChunk,
} from '../domain/pack-details.ts';
import type { Table } from '@uwdata/flechette';
import { PackError } from '../domain/arrow-columns.ts';
import type { PackChunkEntry } from '../domain/event-pack.ts';
import { decodeArrow, DatasetLoadError } from './dataset-query.ts';
import { packSourceOf } from './pack-source.ts';

interface ChunkCaches {
  details: Map<number, Promise<DetailsChunk>>;
  texts: Map<number, Promise<TextChunk>>;
}

const caches = new WeakMap<DatasetIndex, ChunkCaches>();

function cachesOf(index: DatasetIndex): ChunkCaches {
  let c = caches.get(index);
  if (!c) caches.set(index, (c = { details: new Map(), texts: new Map() }));
  return c;
}

function chunkIndexOf(entries: readonly { rows: [number, number] }[], row: number): number {
  const k = entries.findIndex((entry) => row >= entry.rows[0] && row < entry.rows[1]);
  if (k < 0) throw new DatasetLoadError(`No chunk of the dataset holds row ${row}.`);
  return k;
}

function cached<T>(cache: Map<number, Promise<T>>, k: number, load: () => Promise<T>): Promise<T> {
  let promise = cache.get(k);
  if (!promise) {
    promise = load();
    cache.set(k, promise);
    promise.catch(() => cache.delete(k));
  }
  return promise;
}

function explained<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof PackError)
      throw new DatasetLoadError('Part of the dataset is inconsistent and cannot be shown.', [error.message]);
    throw error;
  }
}

/** The chunk of `entries` that holds `row`, fetched, decoded and checked once, then kept. */
function chunkOf<T>(
  index: DatasetIndex,
  entries: readonly PackChunkEntry[],
  cache: Map<number, Promise<T>>,
  row: number,
  decode: (entry: PackChunkEntry, table: Table) => T,
): Promise<T> {
  const k = chunkIndexOf(entries, row);
  return cached(cache, k, async () => {
    const entry = entries[k]!;
    const table = decodeArrow(entry.path, await packSourceOf(index).read(entry));
    return explained(() => decode(entry, table));
  });
}

export function detailsChunkOf(index: DatasetIndex, row: number): Promise<DetailsChunk> {
  const { details } = index.pack.manifest.files;
  return chunkOf(index, details, cachesOf(index).details, row, (entry, table) =>
    decodeDetailsChunk(index.pack, entry, table),
  );
}

export function textChunkOf(index: DatasetIndex, sourceRow: number): Promise<TextChunk> {
  const { texts } = index.pack.manifest.files;
  return chunkOf(index, texts, cachesOf(index).texts, sourceRow, (entry, table) =>
    decodeTextChunk(index.pack, entry, table),
  );
}

/** An article's text and the evidence spans that cite it (event rows and offsets). */
export interface SourceText {
  text: string;
  spans: { eventRow: number; start: number; end: number }[];
}

export async function loadSourceText(index: DatasetIndex, sourceRow: number): Promise<SourceText> {
  const chunk = await textChunkOf(index, sourceRow);
  const i = sourceRow - chunk.first;
  const spans: SourceText['spans'] = [];
  for (let j = chunk.spanEvent.offsets[i]!; j < chunk.spanEvent.offsets[i + 1]!; j++)
    spans.push({
      eventRow: chunk.spanEvent.values[j]!,
      start: chunk.spanStart.values[j]!,
      end: chunk.spanEnd.values[j]!,
    });
  return { text: chunk.texts[i]!, spans };
}

/** The full event (the JSON contract's record): its details chunk and the texts of every source it quotes. */
export async function loadEvent(index: DatasetIndex, row: number): Promise<NewsEvent> {
  const chunk = await detailsChunkOf(index, row);
  const needed = sourcesNeeded(index.pack, chunk, row);
  const texts = new Map<number, string>();
  await Promise.all(
    needed.map(async (sourceRow) => {
      const textChunk = await textChunkOf(index, sourceRow);
      texts.set(sourceRow, textChunk.texts[sourceRow - textChunk.first]!);
    }),
  );
  return explained(() =>
    assembleEvent(index.pack, index.summary(row), chunk, (sourceRow) => {
      const text = texts.get(sourceRow);
      if (text === undefined) throw new PackError(`the text of source row ${sourceRow} was not loaded`);
      return text;
    }),
  );
}

/** Full events for many rows (export): chunk by chunk, in row order. */
export async function loadEvents(index: DatasetIndex, rows: Int32Array): Promise<NewsEvent[]> {
  return Promise.all(Array.from(rows, (row) => loadEvent(index, row)));
}

export const eventQueryOptions = (index: DatasetIndex, row: number) =>
  queryOptions({
    queryKey: ['event', packSourceOf(index).id, row],
    queryFn: () => loadEvent(index, row),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
  });

export const sourceTextQueryOptions = (index: DatasetIndex, sourceRow: number) =>
  queryOptions({
    queryKey: ['source-text', packSourceOf(index).id, sourceRow],
    queryFn: () => loadSourceText(index, sourceRow),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
  });
