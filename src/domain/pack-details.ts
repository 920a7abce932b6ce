/**
 * The cold parts of the pack, decoded when they are needed: an event's details (summary, evidence offsets, date
 * provenance, disagreements) and article texts with the spans that cite them. A full event (the JSON contract's
 * NewsEvent) is assembled from its hot summary, its details row and the texts of its sources, every quote being
 * `text.slice(start, end)` — and every offset is checked to lie inside its text before it is sliced.
 */
import type { Table } from '@uwdata/flechette';
import {
  codeColumn,
  intListColumn,
  NO_DAY,
  nullableInt32Column,
  PackError,
  readerOf,
  rowListColumn,
  stringArray,
  stringColumn,
  type Csr,
} from './arrow-columns.ts';
import type { Disagreement, Evidence, NewsEvent } from './dataset-schema.ts';
import { ATTRIBUTE_COLUMN_PREFIX, type PackChunkEntry } from './event-pack.ts';
import type { EventSummary, LoadedPack } from './event-table.ts';
import { fromEpochDay } from './iso-day.ts';
import { DATE_RESOLUTIONS } from './taxonomy.ts';

/** A text column read on demand: a selection decodes one row's strings, not the whole chunk's. */
type TextAt = (i: number) => string | null;

/** One chunk of details, rows [first, first + size). */
export interface DetailsChunk {
  first: number;
  ids: TextAt;
  cameo: TextAt;
  classificationScheme: TextAt;
  classificationType: TextAt;
  classificationSubType: TextAt;
  /** Source row of the coded record (-1: none). */
  recordSource: Int32Array;
  recordId: TextAt;
  recordOutlets: TextAt;
  recordLocation: TextAt;
  /** The records' unmapped fields: name and column (the "attr.<name>" columns of the chunk). */
  attributes: { name: string; at: TextAt }[];
  summary: TextAt;
  resolution: Uint8Array;
  anchor: Int32Array;
  note: TextAt;
  edtf: TextAt;
  expressionSource: Int32Array;
  expressionStart: Int32Array;
  expressionEnd: Int32Array;
  evidenceSource: Csr;
  evidenceStart: Csr;
  evidenceEnd: Csr;
  sources: Csr;
  disagreements: TextAt;
  notes: TextAt;
}

export function decodeDetailsChunk(pack: LoadedPack, entry: PackChunkEntry, table: Table): DetailsChunk {
  const [first, end] = entry.rows;
  const reader = readerOf(entry.path, table, end - first);
  const sourceCount = pack.sources.length;
  const text = (name: string): TextAt => stringColumn(reader, name, true).atOrNull;
  const chunk: DetailsChunk = {
    first,
    ids: text('id'),
    cameo: text('cameo'),
    classificationScheme: text('classification_scheme'),
    classificationType: text('classification_type'),
    classificationSubType: text('classification_subtype'),
    recordSource: nullableInt32Column(reader, 'record_source'),
    recordId: text('record_id'),
    recordOutlets: text('record_outlets'),
    recordLocation: text('record_location'),
    attributes: table.names
      .filter((column) => column.startsWith(ATTRIBUTE_COLUMN_PREFIX))
      .map((column) => ({ name: column.slice(ATTRIBUTE_COLUMN_PREFIX.length), at: text(column) })),
    summary: text('summary'),
    resolution: codeColumn(reader, 'date_resolution', DATE_RESOLUTIONS),
    anchor: nullableInt32Column(reader, 'date_anchor', NO_DAY),
    note: text('date_note'),
    edtf: text('date_edtf'),
    expressionSource: nullableInt32Column(reader, 'date_expression_source'),
    expressionStart: nullableInt32Column(reader, 'date_expression_start'),
    expressionEnd: nullableInt32Column(reader, 'date_expression_end'),
    evidenceSource: rowListColumn(reader, 'evidence_source', sourceCount),
    evidenceStart: intListColumn(reader, 'evidence_start'),
    evidenceEnd: intListColumn(reader, 'evidence_end'),
    sources: rowListColumn(reader, 'sources', sourceCount),
    disagreements: text('disagreements'),
    notes: text('notes'),
  };
  // The details must be of the events they claim to be: a chunk of another build is refused (its ends here, each
  // row again when it is assembled).
  for (const i of reader.rows > 0 ? [0, reader.rows - 1] : []) checkRowIsEvent(pack, entry.path, chunk, first + i);
  return chunk;
}

/** Refuses a details row that is not the event the hot columns have at that row (a chunk of another build). */
function checkRowIsEvent(pack: LoadedPack, file: string, chunk: DetailsChunk, row: number): void {
  const id = chunk.ids(row - chunk.first);
  if (id !== pack.columns.id.at(row))
    throw new PackError(`${file}: row ${row - chunk.first} is event "${id}", expected "${pack.columns.id.at(row)}"`);
}

/** A disagreement as the pack stores it: the contract's record, each version's source as a row, no quote. */
interface StoredDisagreement extends Omit<Disagreement, 'versions'> {
  versions: (Omit<Evidence, 'quote' | 'sourceId'> & { sourceRow: number; claim: string })[];
}

/** The disagreements of the event at chunk position `i`, parsed and their sources resolved to rows. */
function disagreementsAt(pack: LoadedPack, chunk: DetailsChunk, i: number): StoredDisagreement[] {
  const json = chunk.disagreements(i);
  if (!json) return [];
  const where = `details: event "${chunk.ids(i)}"`;
  let parsed: (Omit<Disagreement, 'versions'> & { versions: (Omit<Evidence, 'quote'> & { claim: string })[] })[];
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new PackError(`${where}: the disagreements are not valid JSON`);
  }
  return parsed.map((d) => ({
    ...d,
    versions: d.versions.map(({ sourceId, ...version }) => {
      const sourceRow = pack.sourceRowById.get(sourceId);
      if (sourceRow === undefined) throw new PackError(`${where}: a disagreement cites unknown source "${sourceId}"`);
      return { ...version, sourceRow };
    }),
  }));
}

/** The source rows whose texts an event's details need (evidence, date expression, disagreement versions). */
export function sourcesNeeded(pack: LoadedPack, chunk: DetailsChunk, row: number): number[] {
  const i = row - chunk.first;
  const needed = new Set<number>();
  for (const d of disagreementsAt(pack, chunk, i)) for (const v of d.versions) needed.add(v.sourceRow);
  for (let j = chunk.evidenceSource.offsets[i]!; j < chunk.evidenceSource.offsets[i + 1]!; j++)
    needed.add(chunk.evidenceSource.values[j]!);
  if (chunk.expressionSource[i]! >= 0) needed.add(chunk.expressionSource[i]!);
  return [...needed];
}

/** Article texts of one chunk, and the evidence spans citing each (event rows and offsets, as CSR). */
export interface TextChunk {
  first: number;
  ids: (string | null)[];
  texts: string[];
  spanEvent: Csr;
  spanStart: Csr;
  spanEnd: Csr;
}

export function decodeTextChunk(pack: LoadedPack, entry: PackChunkEntry, table: Table): TextChunk {
  const [first, end] = entry.rows;
  const reader = readerOf(entry.path, table, end - first);
  const ids = stringArray(reader, 'id');
  const texts = stringArray(reader, 'text').map((text, i) => {
    if (text === null) throw new PackError(`${entry.path}: row ${i}: missing text`);
    if (ids[i] !== pack.sources[first + i]?.id)
      throw new PackError(`${entry.path}: row ${i} is source "${ids[i]}", expected "${pack.sources[first + i]?.id}"`);
    return text;
  });
  const chunk: TextChunk = {
    first,
    ids,
    texts,
    spanEvent: rowListColumn(reader, 'span_event', pack.columns.size),
    spanStart: intListColumn(reader, 'span_start'),
    spanEnd: intListColumn(reader, 'span_end'),
  };
  for (let i = 0; i < texts.length; i++)
    for (let j = chunk.spanStart.offsets[i]!; j < chunk.spanStart.offsets[i + 1]!; j++)
      checkSpan(entry.path, `source "${ids[i]}"`, texts[i]!, chunk.spanStart.values[j]!, chunk.spanEnd.values[j]!);
  return chunk;
}

function checkSpan(file: string, where: string, text: string, start: number, end: number): void {
  if (!(start >= 0 && start < end && end <= text.length))
    throw new PackError(
      `${file}: ${where}: the span [${start}, ${end}) is not inside its text (${text.length} characters)`,
    );
}

/** The full event of the JSON contract. `textOf(sourceRow)` must hold every text sourcesNeeded() named. */
export function assembleEvent(
  pack: LoadedPack,
  summary: EventSummary,
  chunk: DetailsChunk,
  textOf: (sourceRow: number) => string,
): NewsEvent {
  const i = summary.row - chunk.first;
  const where = `event "${summary.id}"`;
  checkRowIsEvent(pack, 'details', chunk, summary.row);
  const span = (sourceRow: number, start: number, end: number): Evidence => {
    const text = textOf(sourceRow);
    checkSpan('details', where, text, start, end);
    return { sourceId: pack.sources[sourceRow]!.id, quote: text.slice(start, end), start, end };
  };
  const evidence: Evidence[] = [];
  for (let j = chunk.evidenceSource.offsets[i]!; j < chunk.evidenceSource.offsets[i + 1]!; j++)
    evidence.push(span(chunk.evidenceSource.values[j]!, chunk.evidenceStart.values[j]!, chunk.evidenceEnd.values[j]!));
  const sourceIds: string[] = [];
  for (let j = chunk.sources.offsets[i]!; j < chunk.sources.offsets[i + 1]!; j++)
    sourceIds.push(pack.sources[chunk.sources.values[j]!]!.id);
  const expressionSource = chunk.expressionSource[i]!;
  const anchor = chunk.anchor[i]!;
  const scheme = chunk.classificationScheme(i);
  const recordSource = chunk.recordSource[i]!;
  if (recordSource >= pack.sources.length)
    throw new PackError(`details: ${where}: the record cites source row ${recordSource}, outside the table`);
  const disagreements: Disagreement[] = disagreementsAt(pack, chunk, i).map((d) => ({
    ...d,
    versions: d.versions.map((v) => ({ ...span(v.sourceRow, v.start, v.end), claim: v.claim })),
  }));
  return {
    id: summary.id,
    type: summary.type,
    cameo: chunk.cameo(i) ?? '',
    title: summary.title,
    summary: chunk.summary(i) ?? '',
    modality: summary.modality,
    date: {
      ...summary.date,
      resolution: DATE_RESOLUTIONS[chunk.resolution[i]! - 1]!,
      expression:
        expressionSource >= 0 ? span(expressionSource, chunk.expressionStart[i]!, chunk.expressionEnd[i]!) : null,
      anchor: anchor === NO_DAY ? null : fromEpochDay(anchor),
      note: chunk.note(i) ?? null,
      edtf: chunk.edtf(i) ?? '',
    },
    actors: summary.actors,
    places: summary.places,
    classification: scheme
      ? { scheme, type: chunk.classificationType(i) ?? '', subType: chunk.classificationSubType(i) ?? null }
      : null,
    evidence,
    record:
      recordSource >= 0
        ? {
            sourceId: pack.sources[recordSource]!.id,
            recordId: chunk.recordId(i) ?? '',
            outlets: chunk.recordOutlets(i) ?? null,
            location: chunk.recordLocation(i) ?? '',
          }
        : null,
    fatalities: summary.fatalities,
    attributes: attributesAt(chunk, i),
    sourceIds,
    disagreements,
    notes: chunk.notes(i) ?? null,
  };
}

/** The record's unmapped fields that this event has (own properties only: a field may be called "__proto__"). */
function attributesAt(chunk: DetailsChunk, i: number): Record<string, string> {
  const entries: [string, string][] = [];
  for (const { name, at } of chunk.attributes) {
    const value = at(i);
    if (value !== null) entries.push([name, value]);
  }
  return Object.fromEntries(entries);
}
