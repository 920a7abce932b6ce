/**
 * The pack is only worth its name if other tools read it: every file is read back with apache-arrow, the Arrow
 * project's own JavaScript implementation (independent of the writer, flechette), and must hold what the manifest
 * declares and what the dataset says.
 */
import { tableFromIPC } from 'apache-arrow';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DatasetSchema } from './dataset-schema.ts';
import type { PackManifest } from './event-pack.ts';
import { toEpochDay } from './iso-day.ts';
import { encodePack } from './pack-encoder.ts';

const dataset = DatasetSchema.parse(
  JSON.parse(await readFile(new URL('../../public/data/dataset.json', import.meta.url), 'utf8')),
);
const files = new Map(encodePack(dataset).map((f) => [f.path, f.bytes]));
const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as PackManifest;
const read = (path: string) => tableFromIPC(files.get(path)!);

describe('the dataset pack, read by the reference Arrow implementation', () => {
  it('declares every file with its exact length, and the tables hold the declared rows', () => {
    const declared = [
      manifest.files.events,
      manifest.files.actors,
      manifest.files.places,
      manifest.files.sources,
      manifest.files.search,
      ...manifest.files.details,
      ...manifest.files.texts,
    ];
    expect(new Set(declared.map((f) => f.path))).toEqual(
      new Set([...files.keys()].filter((p) => p !== 'manifest.json')),
    );
    for (const entry of declared) expect(files.get(entry.path)!.byteLength).toBe(entry.bytes);
    expect(read('events.arrow').numRows).toBe(dataset.events.length);
    expect(read('actors.arrow').numRows).toBe(dataset.actors.length);
    expect(read('places.arrow').numRows).toBe(dataset.places.length);
    expect(read('sources.arrow').numRows).toBe(dataset.sources.length);
    const detailRows = manifest.files.details.reduce((sum, chunk) => sum + read(chunk.path).numRows, 0);
    expect(detailRows).toBe(dataset.events.length);
  });

  it('holds each event as the JSON contract does: days, links by row, evidence offsets that slice the quotes', () => {
    const events = read('events.arrow');
    const details = read(manifest.files.details[0]!.path);
    const textOf = (source: number) => {
      const chunk = manifest.files.texts.find((c) => source >= c.rows[0] && source < c.rows[1])!;
      return read(chunk.path)
        .get(source - chunk.rows[0])!
        .toJSON().text as string;
    };
    const actorRow = new Map(dataset.actors.map((a, row) => [a.id, row]));
    const sourceRow = new Map(dataset.sources.map((s, row) => [s.id, row]));
    dataset.events.slice(0, details.numRows).forEach((event, row) => {
      const hot = events.get(row)!.toJSON();
      expect(hot.id).toBe(event.id);
      expect(hot.type).toBe(event.type);
      // date32 reads back as UTC midnight in milliseconds.
      expect(hot.earliest).toBe(toEpochDay(event.date.earliest) * 86_400_000);
      expect(hot.latest).toBe(toEpochDay(event.date.latest) * 86_400_000);
      expect([...hot.actors]).toEqual(event.actors.map((a) => actorRow.get(a.actorId)));
      const cold = details.get(row)!.toJSON();
      const starts = [...cold.evidence_start];
      [...cold.evidence_source].forEach((source: number, i: number) => {
        const span = event.evidence[i]!;
        expect(source).toBe(sourceRow.get(span.sourceId));
        expect(textOf(source).slice(starts[i], cold.evidence_end.get(i))).toBe(span.quote);
      });
    });
  });
});
