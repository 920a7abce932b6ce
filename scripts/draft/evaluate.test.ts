import { describe, expect, it } from 'vitest';
import { matches, pairUp, parseGold, sameName, type ProposalView } from './evaluate.ts';

const gold = parseGold(
  [
    '# published 2020-03-06',
    'ceasefire|agreement ; 2020-03-05..2020-03-05 ; recep-tayyip-erdogan,moscow ; - ; the Moscow deal ; cease-?fire',
    '?statement ; 2020-03-05..2020-03-05 ; Sergei Lavrov ; - ; Lavrov comments ; Lavrov',
    'attack ; 2020-02-27..2020-02-27 ; Balyun ; merge:idlib-offensive-2019-2020 ; the strike ; Balyun',
  ].join('\n'),
  'x.gold',
);

const proposal = (over: Partial<ProposalView>): ProposalView => ({
  kind: 'new',
  type: 'ceasefire',
  earliest: '2020-03-05',
  latest: '2020-03-05',
  names: ['moscow'],
  mergeInto: null,
  quote: '',
  ...over,
});

describe('evaluate', () => {
  it('reads a gold file and says where a line is wrong', () => {
    expect(gold.published).toBe('2020-03-06');
    expect(gold.events.map((g) => [g.optional, g.types, g.merge])).toEqual([
      [false, ['ceasefire', 'agreement'], []],
      [true, ['statement'], []],
      [false, ['attack'], ['idlib-offensive-2019-2020']],
    ]);
    expect(() => parseGold('meeting ; 2020-03-05 ; a ; - ; d ; r', 'y.gold')).toThrow(/y\.gold:1: the window/);
    expect(() => parseGold('talks ; 2020-03-05..2020-03-05 ; a ; - ; d ; r', 'y.gold')).toThrow(/unknown type "talks"/);
    expect(() => parseGold('meeting ; 2020-03-05..2020-03-05', 'y.gold')).toThrow(/expected 6 fields/);
  });

  it('takes a surname for the full name, not a short word for a longer one', () => {
    expect(sameName('Lavrov', 'Sergei Lavrov')).toBe(true);
    expect(sameName('al-Assad', 'Bashar al-Assad')).toBe(true);
    expect(sameName('al', 'Bashar al-Assad')).toBe(false);
    expect(sameName('Idlib', 'Idlib province')).toBe(true);
    expect(sameName('Russia', 'Turkey')).toBe(false);
  });

  it('needs type, date and a name for a new event, and the target for a merge', () => {
    const [deal, , strike] = gold.events;
    expect(matches(proposal({}), deal!, false)).toBe(true);
    expect(matches(proposal({ earliest: '2020-03-06', latest: '2020-03-07' }), deal!, false)).toBe(false);
    expect(matches(proposal({ names: ['ankara'] }), deal!, false)).toBe(false);
    expect(matches(proposal({ type: 'meeting' }), deal!, true)).toBe(false);
    // A new event for what the data has is a duplicate; the merge into it is right.
    expect(
      matches(
        proposal({ type: 'attack', earliest: '2020-02-27', latest: '2020-02-27', names: ['balyun'] }),
        strike!,
        true,
      ),
    ).toBe(false);
    expect(matches(proposal({ kind: 'merge', mergeInto: 'idlib-offensive-2019-2020' }), strike!, true)).toBe(true);
  });

  it('pairs one proposal with one happening: the second proposal for it finds nothing', () => {
    const pairs = pairUp([proposal({}), proposal({})], gold.events, true);
    expect(pairs.size).toBe(1);
  });

  it('gives a required happening the proposal an optional one would also take', () => {
    const both = proposal({ type: 'statement', names: ['Lavrov', 'moscow'] });
    const g = parseGold(
      '?statement ; 2020-03-05..2020-03-05 ; Lavrov ; - ; a ; a\nstatement ; 2020-03-05..2020-03-05 ; moscow ; - ; b ; b',
      'z.gold',
    );
    expect([...pairUp([both], g.events, false).values()]).toEqual([1]);
  });
});
