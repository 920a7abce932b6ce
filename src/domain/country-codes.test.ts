import { describe, expect, it } from 'vitest';
import topology from 'world-atlas/countries-110m.json';
import { knownAlpha2Codes, numericCountryCode } from './country-codes.ts';

describe('numericCountryCode', () => {
  it.each([
    ['TR', '792'],
    ['RU', '643'],
    ['SY', '760'],
    ['IR', '364'],
    ['US', '840'],
    ['UA', '804'],
    ['PL', '616'],
    ['DE', '276'],
    ['AZ', '031'],
    ['AM', '051'],
    ['LY', '434'],
    ['AF', '004'],
    ['IQ', '368'],
    ['FR', '250'],
    ['GB', '826'],
    ['IL', '376'],
    ['PS', '275'],
    ['SS', '728'],
  ])('%s → %s', (alpha2, numeric) => {
    expect(numericCountryCode(alpha2)).toBe(numeric);
  });

  it('knows no code it should not', () => {
    expect(numericCountryCode('XK')).toBeNull();
    expect(numericCountryCode('ZZ')).toBeNull();
    expect(numericCountryCode('toString')).toBeNull();
  });

  it('is a one-to-one table of the 249 ISO 3166-1 codes', () => {
    const codes = knownAlpha2Codes();
    expect(codes).toHaveLength(249);
    expect(new Set(codes.map(numericCountryCode)).size).toBe(249);
  });

  it('covers every country outline in world-atlas that has an id', () => {
    const known = new Set(knownAlpha2Codes().map(numericCountryCode));
    const ids = topology.objects.countries.geometries.flatMap((g) => ('id' in g && g.id ? [g.id] : []));
    expect(ids.length).toBeGreaterThan(170);
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
  });
});
