/**
 * A synthetic dataset of any size, grown from the real one, for benchmarks: events are copies of real events
 * (so every evidence span stays valid) moved to random dates between 2011 and 2021 and to random places among
 * `placeCount` synthetic places scattered around the real ones. Deterministic for a given size.
 */
import type { Dataset, NewsEvent, Place } from '../../src/domain/dataset-schema.ts';
import { addDays, toEpochDay, fromEpochDay } from '../../src/domain/iso-day.ts';
import { toEdtf } from '../../src/domain/temporal.ts';
import { describeInterval } from '../../src/domain/date-display.ts';

/** mulberry32: a small, fast, seedable PRNG, so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticDataset(
  base: Dataset,
  eventCount: number,
  placeCount = Math.min(5000, eventCount / 20),
): Dataset {
  const rand = random(eventCount);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const cities = base.places.filter((p) => p.kind === 'city' || p.kind === 'site');
  const places: Place[] = [...base.places];
  for (let i = 0; i < placeCount; i++) {
    const near = pick(cities);
    places.push({
      ...near,
      id: `synthetic-place-${i}`,
      name: `${near.name} area ${i}`,
      aliases: [],
      lat: Math.max(-85, Math.min(85, near.lat + (rand() - 0.5) * 16)),
      lon: Math.max(-179, Math.min(179, near.lon + (rand() - 0.5) * 24)),
      parentId: near.parentId,
    });
  }
  const start = toEpochDay('2011-01-01');
  const span = toEpochDay('2021-12-31') - start;
  const events: NewsEvent[] = [];
  for (let i = 0; i < eventCount; i++) {
    const template = base.events[i % base.events.length]!;
    const earliest = fromEpochDay(start + Math.floor(rand() * span));
    const isRange = rand() < 0.3;
    const latest = isRange ? addDays(earliest, 1 + Math.floor(rand() * 60)) : earliest;
    const precision = isRange ? ('days' as const) : ('day' as const);
    const interval = { earliest, latest, precision, qualifier: null };
    events.push({
      ...template,
      id: `synthetic-${i}`,
      title: `${template.title} (${i})`,
      date: { ...template.date, ...interval, display: describeInterval(interval), edtf: toEdtf(interval) },
      places: template.places.map((link, j) => ({
        ...link,
        placeId: j === 0 ? pick(places).id : link.placeId,
      })),
      disagreements: [],
    });
  }
  events.sort((a, b) => (a.date.earliest < b.date.earliest ? -1 : a.date.earliest > b.date.earliest ? 1 : 0));
  return { ...base, title: `${base.title} (synthetic, ${eventCount} events)`, places, events };
}
