/**
 * The draft file (data/drafts/<source-id>.yaml) and accepting it: writing the reviewed proposals into the curated
 * files with the yaml Document API, so their comments and layout stay as they were.
 */
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { YAMLMap } from 'yaml';
import {
  ActorRecordSchema,
  EventRecordSchema,
  PlaceRecordSchema,
  SourceRecordSchema,
} from '../../src/domain/dataset-schema.ts';
import type { Draft } from './draft.ts';

const HEADER = `Draft written by \`npm run draft\`: review every item, then \`npm run draft -- accept <this file>\`.
Set reject: true on an item to drop it; edit any field (the summary should be in your words). Items under
"evidence" add quotes (and, where given, a narrower date) to existing events by id. Clutter lines marked
remove: true are deleted from the text before it is copied to data/sources/.`;

/** Maps whose keys are all short scalars (an actor or place reference) print on one line, like the curated files. */
function flowSmallMaps(node: unknown): void {
  if (isSeq(node)) {
    if (node.items.length > 0 && node.items.every((i) => isScalar(i))) node.flow = true;
    for (const item of node.items) flowSmallMaps(item);
  }
  if (isMap(node)) {
    const keys = node.items.map((p) => String((p.key as { value?: unknown }).value));
    const flat = keys.join(',');
    if (['actorId,role', 'placeId,role,precision', 'line,text,why,remove'].includes(flat)) node.flow = true;
    for (const p of node.items) flowSmallMaps(p.value);
  }
}

/** The draft as YAML, with the source path it was read from. */
export function draftToYaml(draft: Draft, articlePath: string): string {
  const doc = new Document({
    source: {
      why: draft.source.why,
      reject: draft.source.reject,
      from: articlePath,
      clutter: draft.source.clutter,
      ...draft.source.record,
    },
    events: draft.events.map((e) => ({ why: e.why, reject: e.reject, ...e.record })),
    evidence: draft.evidence.map((e) => ({
      why: e.why,
      reject: e.reject,
      event: e.event,
      file: e.file,
      evidence: e.evidence,
      ...(e.date ? { date: e.date } : {}),
    })),
    places: draft.places.map((p) => ({ why: p.why, reject: p.reject, ...p.record })),
    actors: draft.actors.map((a) => ({ why: a.why, reject: a.reject, ...a.record })),
  });
  doc.commentBefore = HEADER.split('\n')
    .map((l) => ` ${l}`)
    .join('\n');
  flowSmallMaps(doc.contents);
  return doc.toString(STRINGIFY);
}

const DRAFT_KEYS = ['why', 'reject', 'from', 'clutter'];

function strip(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !DRAFT_KEYS.includes(k)));
}

export interface CuratedFiles {
  sources: string;
  places: string;
  actors: string;
  /** data/events/<name> → content. */
  events: Map<string, string>;
}

export interface AcceptResult {
  files: CuratedFiles;
  /** The article to copy: where it is, the name to give it, the clutter lines to drop. */
  article: { from: string; file: string; removeLines: number[] } | null;
  report: string[];
  problems: string[];
}

const STRINGIFY = { lineWidth: 118, flowCollectionPadding: false } as const;

type Ranged = { range?: [number, number, number] | null };

/** Renders values as YAML the way the curated files write them (flow maps for references, blank lines between items). */
function render(value: unknown, spaced = true): string {
  const doc = new Document(value);
  flowSmallMaps(doc.contents);
  if (spaced && isSeq(doc.contents))
    for (const item of doc.contents.items.slice(1)) (item as YAMLMap).spaceBefore = true;
  return doc.toString(STRINGIFY).replace(/\n+$/, '');
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}

function lineStart(content: string, offset: number): number {
  return content.lastIndexOf('\n', offset - 1) + 1;
}

/** Where a node's text ends, without the line breaks and spaces the parser counts into it. */
function textEnd(content: string, end: number): number {
  while (end > 0 && /\s/.test(content[end - 1]!)) end--;
  return end;
}

/**
 * Appends items to the YAML list in `content`, splicing new text after the last one so that every existing byte
 * (comments, wrapping, quoting) stays as it was.
 */
export function appendItems(content: string, items: unknown[], header?: string): string {
  if (items.length === 0) return content;
  const rendered = render(items);
  if (!content.trim()) return `${header ? `#${header}\n\n` : ''}${rendered}\n`;
  const doc = parseDocument(content);
  const seq = doc.contents;
  if (!isSeq(seq)) throw new Error('expected the file to hold a YAML list');
  if (seq.flow || seq.items.length === 0) {
    const [start, end] = (seq as Ranged).range!;
    return `${content.slice(0, start)}${rendered}\n${content.slice(textEnd(content, end)).replace(/^\n*/, '')}`;
  }
  return `${content.slice(0, textEnd(content, content.length))}\n\n${rendered}\n`;
}

/** Adds quotes to an event's evidence (and replaces its date when one is given), splicing text as above. */
export function addEvidence(content: string, eventId: string, quotes: unknown[], date: unknown): string | null {
  const doc = parseDocument(content);
  const seq = doc.contents;
  const found = isSeq(seq) ? seq.items.find((n) => isMap(n) && String(n.get('id')) === eventId) : undefined;
  if (!found || !isMap(found)) return null;
  const event = found;
  const evidence = event.get('evidence', true);
  if (!isSeq(evidence) || evidence.flow || evidence.items.length === 0) return null;
  const edits: { start: number; end: number; text: string }[] = [];
  const first = (evidence.items[0] as Ranged).range![0];
  const column = first - lineStart(content, first) - 2;
  // After the last quote and any comment on its line.
  const lastEnd = textEnd(content, (evidence.items.at(-1) as Ranged).range![1]);
  const lineEnd = content.indexOf('\n', lastEnd);
  const at = lineEnd === -1 ? content.length : lineEnd;
  edits.push({ start: at, end: at, text: `\n${indent(render(quotes, false), column)}` });
  if (date) {
    const pair = event.items.find((p) => String((p.key as { value?: unknown }).value) === 'date');
    const key = pair?.key as Ranged | undefined;
    const value = pair?.value as Ranged | undefined;
    if (!key?.range || !value?.range) return null;
    const keyStart = lineStart(content, key.range[0]);
    const keyColumn = key.range[0] - keyStart;
    edits.push({ start: keyStart, end: textEnd(content, value.range[1]), text: indent(render({ date }), keyColumn) });
  }
  let out = content;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Applies the reviewed draft to the curated files' contents (pure: the caller reads and writes the files). */
export function acceptDraft(draftYaml: string, files: CuratedFiles): AcceptResult {
  const draft = parseDocument(draftYaml).toJS() as Record<string, Record<string, unknown>[] | Record<string, unknown>>;
  const report: string[] = [];
  const problems: string[] = [];
  const keep = (items: unknown) =>
    (Array.isArray(items) ? (items as Record<string, unknown>[]) : []).filter((i) => i && i.reject !== true);
  const rejected = (items: unknown) =>
    (Array.isArray(items) ? (items as Record<string, unknown>[]) : []).filter((i) => i && i.reject === true);

  const source = draft.source as Record<string, unknown> | undefined;
  const out: CuratedFiles = { ...files, events: new Map(files.events) };
  let article: AcceptResult['article'] = null;
  if (source && source.reject !== true) {
    const known = (parseDocument(files.sources).toJS() as { id?: string }[] | null) ?? [];
    if (known.some((k) => k.id === source.id))
      problems.push(
        `source ${String(source.id)} is already in data/sources/sources.yaml: this draft was accepted before`,
      );
    const record = SourceRecordSchema.safeParse(strip(source));
    if (!record.success)
      problems.push(`source: ${record.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    else {
      out.sources = appendItems(out.sources, [strip(source)]);
      const clutter = Array.isArray(source.clutter) ? (source.clutter as { line: number; remove?: boolean }[]) : [];
      article = {
        from: String(source.from ?? ''),
        file: record.data.file,
        removeLines: clutter.filter((c) => c.remove).map((c) => c.line),
      };
      report.push(`source ${record.data.id} → data/sources/sources.yaml (text → data/sources/${record.data.file})`);
    }
  }
  const sourceId = source ? String(source.id) : 'draft';

  const droppedRefs = new Set([...rejected(draft.places), ...rejected(draft.actors)].map((r) => String(r.id)));
  for (const [section, schema, key] of [
    ['places', PlaceRecordSchema, 'places'],
    ['actors', ActorRecordSchema, 'actors'],
  ] as const) {
    const items = keep(draft[section]).map(strip);
    for (const item of items) {
      const r = schema.safeParse(item);
      if (!r.success)
        problems.push(
          `${section} ${String(item.id)}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
    }
    if (items.length) {
      out[key] = appendItems(out[key], items);
      report.push(`${items.length} new ${section} → data/${section}.yaml`);
    }
  }

  const newEvents = keep(draft.events).map((e) => {
    const record = strip(e);
    record.actors = ((record.actors as { actorId: string }[] | undefined) ?? []).filter(
      (a) => !droppedRefs.has(a.actorId),
    );
    record.places = ((record.places as { placeId: string }[] | undefined) ?? []).filter(
      (p) => !droppedRefs.has(p.placeId),
    );
    if (Array.isArray(record.disagreements) && record.disagreements.length === 0) delete record.disagreements;
    return record;
  });
  for (const e of newEvents) {
    const r = EventRecordSchema.safeParse(e);
    if (!r.success)
      problems.push(
        `event ${String(e.id)}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
  }
  if (newEvents.length) {
    const name = `${sourceId}.yaml`;
    out.events.set(
      name,
      appendItems(out.events.get(name) ?? '', newEvents, ` Events drafted from ${sourceId} and reviewed.`),
    );
    report.push(`${newEvents.length} new events → data/events/${name}`);
  }

  for (const m of keep(draft.evidence)) {
    const file = String(m.file);
    const content = out.events.get(file);
    if (content === undefined) {
      problems.push(`evidence for ${String(m.event)}: data/events/${file} does not exist`);
      continue;
    }
    const quotes = (m.evidence as Record<string, unknown>[]) ?? [];
    const updated = addEvidence(content, String(m.event), quotes, m.date ?? null);
    if (updated === null) {
      problems.push(
        `evidence for ${String(m.event)}: no event with that id and a block evidence list in data/events/${file}`,
      );
      continue;
    }
    out.events.set(file, updated);
    report.push(
      `${quotes.length} quote(s)${m.date ? ' and a narrower date' : ''} → ${String(m.event)} in data/events/${file}`,
    );
  }
  const dropped = ['events', 'evidence', 'places', 'actors'].reduce((n, s) => n + rejected(draft[s]).length, 0);
  if (dropped) report.push(`${dropped} rejected item(s) dropped`);
  return { files: out, article, report, problems };
}
