/**
 * The round trip the app depends on: every event of the real dataset, assembled from the pack's hot columns, its
 * details chunk and the texts of its sources, is exactly the event of the JSON contract — quotes included, though
 * the pack stores none of them.
 */
import { tableFromIPC } from '@uwdata/flechette';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PackError } from './arrow-columns.ts';
import { DatasetSchema } from './dataset-schema.ts';
import { readSummary } from './event-table.ts';
import { assembleEvent, decodeDetailsChunk, decodeTextChunk, sourcesNeeded } from './pack-details.ts';
import { packFromDataset } from './testing/index-from-dataset.ts';

const dataset = DatasetSchema.parse(
  JSON.parse(await readFile(new URL('../../public/data/dataset.json', import.meta.url), 'utf8')),
);
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

describe('assembleEvent', () => {
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
