import { describe, expect, it } from 'vitest';
import { SlugAllocator, slugify } from './slugs.ts';

describe('slugify', () => {
  it('folds accents and Turkish letters, drops apostrophes', () => {
    expect(slugify("Ma'arrat al-Nu'man")).toBe('maarrat-al-numan');
    expect(slugify('Şanlıurfa')).toBe('sanliurfa');
    expect(slugify('Military Forces of Syria (2000-)')).toBe('military-forces-of-syria-2000');
    expect(slugify('حلب')).toBe('');
  });

  it('keeps ids short', () => {
    expect(slugify('a very long name '.repeat(10)).length).toBeLessThanOrEqual(60);
  });
});

describe('SlugAllocator', () => {
  it('hands out the first free candidate, then numbered ones, and a fallback for names without Latin letters', () => {
    const ids = new SlugAllocator('actor');
    expect(ids.claim('Ariha')).toBe('ariha');
    expect(ids.claim('Ariha', 'Ariha Idleb')).toBe('ariha-idleb');
    expect(ids.claim('Ariha', 'Ariha Idleb')).toBe('ariha-2');
    expect(ids.claim('حلب')).toBe('actor-2');
    expect(ids.claim('حلب')).toBe('actor-3');
  });
});
