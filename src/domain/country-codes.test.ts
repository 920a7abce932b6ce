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

  it('holds only codes the platform’s own ICU data knows as regions, each with a name world-atlas agrees on', () => {
    // Independent of our table: ICU (Intl.DisplayNames) names a real region; an unknown code comes back as itself.
    const icu = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    const unknown = knownAlpha2Codes().filter((code) => icu.of(code) === code);
    expect(unknown).toEqual([]);
    // And where world-atlas outlines a country, its name and ICU's for our alpha-2 share a word.
    const words = (name: string) =>
      new Set(
        name
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()
          .split(/[^a-z]+/)
          .filter((w) => w.length > 3 && !['republic', 'islands', 'island', 'state', 'states'].includes(w)),
      );
    const byNumeric = new Map(
      topology.objects.countries.geometries.flatMap((g) =>
        'id' in g && g.id ? [[g.id, (g.properties as { name: string }).name] as const] : [],
      ),
    );
    const disagreeing = knownAlpha2Codes().filter((code) => {
      const atlas = byNumeric.get(numericCountryCode(code)!);
      if (!atlas) return false;
      const a = words(atlas);
      const b = words(icu.of(code)!);
      return a.size > 0 && b.size > 0 && ![...a].some((w) => b.has(w));
    });
    // The only disagreements are names, not codes: "Palestine" / "Palestinian Territories", "Fr. S. Antarctic
    // Lands" / "French Southern Territories", "Turkey" / "Türkiye" (3 with Node 20's ICU; one more is allowed for
    // another Node's renaming). A swapped pair of codes would add two more.
    expect(disagreeing.length).toBeLessThanOrEqual(4);
  });

  it('covers every country outline in world-atlas that has an id', () => {
    const known = new Set(knownAlpha2Codes().map(numericCountryCode));
    const ids = topology.objects.countries.geometries.flatMap((g) => ('id' in g && g.id ? [g.id] : []));
    expect(ids.length).toBeGreaterThan(170);
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
  });
});
