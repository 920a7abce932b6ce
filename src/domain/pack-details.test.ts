/**
 * The round trip the app depends on: every event of the real dataset, assembled from the pack's hot columns, its
 * details chunk and the texts of its sources, is exactly the event of the JSON contract — quotes included, though
 * the pack stores none of them.
 */
import { tableFromIPC } from '@uwdata/flechette';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PackError } from './arrow-columns.ts';
import { DatasetSchema, findDatasetInconsistencies, type Dataset } from './dataset-schema.ts';
import { readSummary } from './event-table.ts';
import { assembleEvent, decodeDetailsChunk, decodeTextChunk, sourcesNeeded } from './pack-details.ts';
import { packFromDataset } from './testing/index-from-dataset.ts';
import { makeDataset, makeEvent } from './testing/make-dataset.ts';

const dataset = DatasetSchema.parse(
  JSON.parse(await readFile(new URL('../../public/data/dataset.json', import.meta.url), 'utf8')),
);

/**
 * What an import writes and the curated data never has: a coded record set (no text, no publication day), an
 * excerpts source, events with no excerpt but a record, fatalities, the source's own type and unmapped fields.
 */
function importedStyleDataset(): Dataset {
  const base = makeDataset([]);
  const excerpt = 'Shelling hit the market, witnesses said.';
  const record = (recordId: string) => ({
    sourceId: 'acled',
    recordId,
    outlets: 'SOHR; Anadolu',
    location: 'x.csv, line 2',
  });
  const dated = { resolution: 'explicit' as const, anchor: null, expression: null };
  return {
    ...base,
    sources: [
      ...base.sources,
      {
        ...base.sources[0]!,
        id: 'acled',
        kind: 'coded-record',
        text: '',
        publishedAt: null,
        publishedAtBasis: 'unknown',
        file: '',
      },
      {
        ...base.sources[0]!,
        id: 'sheet-1',
        kind: 'excerpts',
        text: excerpt,
        url: 'https://news.example/1',
        publishedAt: null,
        publishedAtBasis: 'unknown',
      },
    ],
    events: [
      makeEvent({
        id: 'syr1',
        type: 'attack',
        classification: {
          scheme: 'ACLED',
          type: 'Explosions/Remote violence',
          subType: 'Shelling/artillery/missile attack',
        },
        evidence: [],
        sourceIds: ['acled'],
        record: record('SYR1'),
        fatalities: 3,
        // A field may be named like an Object.prototype member: it must stay an ordinary field.
        attributes: Object.fromEntries([
          ['interaction', '17'],
          ['tags', ''],
          ['__proto__', 'x'],
        ]),
        date: dated,
      }),
      makeEvent({
        id: 'syr2',
        type: 'other',
        cameo: '',
        classification: { scheme: 'ACLED', type: 'Strategic developments', subType: null },
        evidence: [{ sourceId: 'sheet-1', quote: excerpt, start: 0, end: excerpt.length }],
        sourceIds: ['acled', 'sheet-1'],
        record: record('SYR2'),
        fatalities: 0,
        date: { ...dated, earliest: '2020-03-01', latest: '2020-03-31', precision: 'month' },
      }),
    ],
  };
}

function roundTrip(dataset: Dataset) {
  const { pack, files } = packFromDataset(dataset);
  const { details, texts } = pack.manifest.files;
  const detailChunks = details.map((entry) => decodeDetailsChunk(pack, entry, tableFromIPC(files.get(entry.path)!)));
  const textChunks = texts.map((entry) => decodeTextChunk(pack, entry, tableFromIPC(files.get(entry.path)!)));
  const chunkAt = <T extends { first: number }>(chunks: T[], entries: typeof details, row: number) =>
    chunks[entries.findIndex((e) => row >= e.rows[0] && row < e.rows[1])]!;
  const textOf = (sourceRow: number) => {
    const chunk = chunkAt(textChunks, texts, sourceRow);
    return chunk.texts[sourceRow - chunk.first]!;
  };

  return { pack, details, texts, detailChunks, textChunks, chunkAt, textOf };
}

const { pack, details, texts, detailChunks, textChunks, chunkAt, textOf } = roundTrip(dataset);

describe('assembleEvent', () => {
  it('rebuilds an imported event exactly: coded record, fatalities, own type, unmapped fields, no day anchor', () => {
    const imported = importedStyleDataset();
    expect(DatasetSchema.safeParse(imported).error).toBeUndefined();
    expect(findDatasetInconsistencies(imported)).toEqual([]);
    const trip = roundTrip(imported);
    imported.events.forEach((event, row) => {
      const chunk = trip.chunkAt(trip.detailChunks, trip.details, row);
      expect(assembleEvent(trip.pack, readSummary(trip.pack, row), chunk, trip.textOf)).toEqual(event);
    });
    expect(trip.pack.sources.map((s) => [s.kind, s.publishedAt])).toEqual([
      ['article', '2021-09-28'],
      ['coded-record', null],
      ['excerpts', null],
    ]);
  });

  it('rebuilds every event of the dataset exactly, quotes sliced from the texts', () => {
    expect(dataset.events.length).toBeGreaterThan(0);
    dataset.events.forEach((event, row) => {
      const chunk = chunkAt(detailChunks, details, row);
      const needed = sourcesNeeded(pack, chunk, row);
      expect(new Set(needed.map((r) => pack.sources[r]!.id))).toEqual(
        new Set([
          ...event.evidence.map((e) => e.sourceId),
          ...(event.date.expression ? [event.date.expression.sourceId] : []),
          ...event.disagreements.flatMap((d) => d.versions.map((v) => v.sourceId)),
        ]),
      );
      expect(assembleEvent(pack, readSummary(pack, row), chunk, textOf)).toEqual(event);
    });
  });

  it('refuses an offset outside its article rather than showing a wrong quote', () => {
    const row = 0;
    const chunk = chunkAt(detailChunks, details, row);
    const shortText = () => 'too short';
    expect(() => assembleEvent(pack, readSummary(pack, row), chunk, shortText)).toThrow(PackError);
    expect(() => assembleEvent(pack, readSummary(pack, row), chunk, shortText)).toThrow(/is not inside its text/);
  });

  it('lists, for each article, the spans of every event that cites it', () => {
    dataset.sources.forEach((source, sourceRow) => {
      const chunk = chunkAt(textChunks, texts, sourceRow);
      const i = sourceRow - chunk.first;
      const spans = [];
      for (let j = chunk.spanEvent.offsets[i]!; j < chunk.spanEvent.offsets[i + 1]!; j++)
        spans.push([chunk.spanEvent.values[j], chunk.spanStart.values[j], chunk.spanEnd.values[j]]);
      const expected = dataset.events.flatMap((event, row) =>
        event.evidence.filter((e) => e.sourceId === source.id).map((e) => [row, e.start, e.end]),
      );
      expect(spans).toEqual(expected);
    });
  });
});
