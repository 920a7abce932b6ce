import { describe, expect, it } from 'vitest';
import { clusterCardText, clusterCountText } from './place-content.ts';

describe('clusterCardText', () => {
  const top = [
    { name: 'Aleppo', count: 1200 },
    { name: 'Idlib', count: 80 },
    { name: 'Sarāqib', count: 1 },
  ];

  it('says how many places and events, that a click zooms in, and names the top places with their events', () => {
    const places = 12;
    const events = 1290;
    const text = clusterCardText(places, events, top);
    expect(text.name).toBe(`${places} places · ${events.toLocaleString('en')} events`);
    expect(text.kind).toMatch(/click to zoom in/);
    expect(text.places).toEqual(
      top.map((p) => `${p.name} · ${p.count.toLocaleString('en')} ${p.count === 1 ? 'event' : 'events'}`),
    );
    expect(text.more).toBe(`+${places - top.length} more places`);
  });

  it('says nothing more when every place is named, and counts one in the singular', () => {
    const two = top.slice(0, 2);
    expect(clusterCardText(two.length, 2, two).more).toBeNull();
    expect(clusterCardText(top.length + 1, 5, top).more).toBe('+1 more place');
  });
});

describe('clusterCountText', () => {
  it('is exact below ten thousand and compact above', () => {
    expect(clusterCountText(9999)).toBe('9999');
    expect(clusterCountText(12_345)).toBe('12.3K');
    expect(clusterCountText(1_250_000)).toBe('1.3M');
  });
});
