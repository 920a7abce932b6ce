import { describe, expect, it } from 'vitest';
import { placeLine } from './place-line.ts';

const names: Record<string, string> = { sochi: 'Sochi', turkey: 'Turkey', idlib: 'Idlib', russia: 'Russia' };
const nameOf = (id: string) => names[id];

describe('placeLine', () => {
  it('says a visit’s origin as such, after where it happened', () => {
    expect(
      placeLine(
        [
          { placeId: 'turkey', role: 'origin' },
          { placeId: 'sochi', role: 'venue' },
        ],
        nameOf,
      ),
    ).toBe('Sochi · from Turkey');
  });

  it('lists the other places in role order, once each, and skips unknown ones', () => {
    expect(
      placeLine(
        [
          { placeId: 'russia', role: 'mentioned' },
          { placeId: 'idlib', role: 'target' },
          { placeId: 'idlib', role: 'area' },
          { placeId: 'nowhere', role: 'venue' },
        ],
        nameOf,
      ),
    ).toBe('Idlib, Russia');
    expect(placeLine([], nameOf)).toBe('');
  });
});
