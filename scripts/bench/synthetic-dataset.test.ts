/** The benchmark data must be as sound as the real data, or the figures measure error paths. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DatasetSchema, findDatasetInconsistencies, type Dataset } from '../../src/domain/dataset-schema.ts';
import { describeInterval } from '../../src/domain/date-display.ts';
import { endOfMonth, weekdayOf } from '../../src/domain/iso-day.ts';
import { toEdtf } from '../../src/domain/temporal.ts';
import { compileDataset, formatProblem } from '../dataset/compile-dataset.ts';
import { loadCountryShapes } from '../dataset/country-shapes.ts';
import { readDataDir } from '../dataset/read-data-dir.ts';
import { syntheticDataset } from './synthetic-dataset.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EVENTS = 2000;

let base: Dataset;
let dataset: Dataset;

beforeAll(async () => {
  const result = compileDataset({
    ...(await readDataDir(path.join(root, 'data'), root)),
    countryShapes: await loadCountryShapes(),
  });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  base = result.dataset;
  dataset = syntheticDataset(base, EVENTS);
});

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('syntheticDataset', () => {
  it('passes the schema the app loads data with, and every cross-record invariant', () => {
    const parsed = DatasetSchema.safeParse(dataset);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
    expect(findDatasetInconsistencies(dataset)).toEqual([]);
    expect(dataset.events).toHaveLength(EVENTS);
  });

  it('is deterministic for a given size', () => {
    expect(syntheticDataset(base, EVENTS)).toEqual(dataset);
  });

  it('gives every event 1–4 places, 1–4 actors, 1–5 evidence spans, and its distinct sources', () => {
    for (const event of dataset.events) {
      expect(event.places.length).toBeGreaterThanOrEqual(1);
      expect(event.places.length).toBeLessThanOrEqual(4);
      expect(event.actors.length).toBeGreaterThanOrEqual(1);
      expect(event.actors.length).toBeLessThanOrEqual(4);
      expect(event.evidence.length).toBeGreaterThanOrEqual(1);
      expect(event.evidence.length).toBeLessThanOrEqual(5);
      expect(event.sourceIds).toEqual([...new Set(event.evidence.map((e) => e.sourceId))]);
      expect(new Set(event.places.map((p) => p.placeId)).size).toBe(event.places.length);
      expect(new Set(event.actors.map((a) => a.actorId)).size).toBe(event.actors.length);
    }
    // Some events are corroborated by a second article.
    expect(dataset.events.filter((e) => e.sourceIds.length > 1).length).toBeGreaterThan(EVENTS / 10);
  });

  it('keeps the order of the dataset: earliest, latest, then id', () => {
    const key = (e: Dataset['events'][number]) => `${e.date.earliest} ${e.date.latest} ${e.id}`;
    const keys = dataset.events.map(key);
    expect(keys).toEqual([...keys].sort());
  });

  it('gives dates whose bounds match their precision, labels and anchor', () => {
    const sources = new Map(dataset.sources.map((s) => [s.id, s]));
    for (const { date } of dataset.events) {
      expect(date.display).toBe(describeInterval(date));
      expect(date.edtf).toBe(toEdtf(date));
      if (date.precision === 'day') expect(date.latest).toBe(date.earliest);
      if (date.precision === 'week') expect(weekdayOf(date.earliest)).toBe('monday');
      if (date.precision === 'month') {
        expect(date.earliest.endsWith('-01')).toBe(true);
        expect(date.latest).toBe(endOfMonth(date.earliest));
      }
      if (date.precision === 'year') expect([date.earliest.slice(5), date.latest.slice(5)]).toEqual(['01-01', '12-31']);
      if (date.expression === null) expect(date.resolution).toBe('inferred');
      else expect(date.anchor).toBe(sources.get(date.expression.sourceId)!.publishedAt);
    }
    const precisions = countBy(dataset.events, (e) => e.date.precision);
    expect([...precisions.keys()].sort()).toEqual([
      'day',
      'days',
      'month',
      'months',
      'season',
      'week',
      'year',
      'years',
    ]);
  });

  it('has distinct titles and article texts, about one article per twenty events', () => {
    expect(new Set(dataset.events.map((e) => e.title)).size).toBe(EVENTS);
    expect(new Set(dataset.sources.map((s) => s.text)).size).toBe(dataset.sources.length);
    expect(dataset.sources.length).toBeGreaterThan(EVENTS / 30);
    expect(dataset.sources.length).toBeLessThan(EVENTS / 10);
    for (const source of dataset.sources) expect(source.text.length).toBeLessThan(16_000);
  });

  it('draws a long tail of actors and places, with a heavy head', () => {
    expect(dataset.actors.length).toBe(base.actors.length + EVENTS / 5);
    expect(dataset.places.length).toBe(base.places.length + EVENTS / 5);
    const actorUses = [
      ...countBy(
        dataset.events.flatMap((e) => e.actors),
        (a) => a.actorId,
      ).values(),
    ].sort((a, b) => b - a);
    expect(actorUses[0]!).toBeGreaterThan(EVENTS / 20);
    expect(actorUses[Math.floor(actorUses.length / 2)]!).toBeLessThan(actorUses[0]! / 20);
  });

  it('places synthetic places near real ones, inside a real country or region', () => {
    const basePlaces = new Map(base.places.map((p) => [p.id, p]));
    const countries = new Set(base.places.filter((p) => p.kind === 'country').map((p) => p.countryCode));
    for (const place of dataset.places.slice(base.places.length)) {
      const parent = basePlaces.get(place.parentId ?? '');
      // Only a place whose country the dataset does not have may be without a parent.
      if (!parent) expect(countries.has(place.countryCode)).toBe(false);
      else {
        expect(parent.kind).toMatch(/^(country|admin1|region)$/);
        expect(place.countryCode).toBe(parent.countryCode);
      }
    }
  });

  it('bunches events in time: the busiest month holds several times the average', () => {
    const months = countBy(dataset.events, (e) => e.date.earliest.slice(0, 7));
    const busiest = Math.max(...months.values());
    expect(busiest).toBeGreaterThan((3 * EVENTS) / (11 * 12));
  });
});
