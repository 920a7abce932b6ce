import { describe, expect, it } from 'vitest';
import {
  EMPTY_VIEW,
  parseViewState,
  reconcileView,
  sameView,
  serializeViewState,
  withDefaultDataset,
  type ViewState,
} from './url-state.ts';

describe('URL view state', () => {
  it('round-trips every parameter in a stable order', () => {
    const view: ViewState = {
      dataset: 'acled-syria',
      event: 'erdogan-putin-sochi-2021',
      actor: ['hulusi-akar', 'vladimir-putin'],
      place: ['idlib-governorate'],
      type: ['attack', 'arms_deal'],
      from: '2021-01-01',
      to: '2021-12-31',
      q: 'Sochi talks',
      read: 'some-source',
      window: { start: '2021-09-01', end: '2021-10-01' },
    };
    const search = serializeViewState(view);
    expect(search).toBe(
      '?dataset=acled-syria&event=erdogan-putin-sochi-2021&actor=hulusi-akar,vladimir-putin&place=idlib-governorate&type=attack,arms_deal&from=2021-01-01&to=2021-12-31&q=Sochi+talks&read=some-source&window=2021-09-01..2021-10-01',
    );
    expect(parseViewState(search)).toEqual({ view, problems: [] });
  });

  it('writes nothing for the empty view', () => {
    expect(serializeViewState(EMPTY_VIEW)).toBe('');
    expect(parseViewState('')).toEqual({ view: EMPTY_VIEW, problems: [] });
  });

  it('accepts repeated and comma-separated ids alike, without duplicates', () => {
    expect(parseViewState('?type=attack&type=visit,attack').view.type).toEqual(['attack', 'visit']);
  });

  it('drops malformed values, says why, and keeps the rest', () => {
    const { view, problems } = parseViewState(
      '?event=<script>alert(1)</script>&from=2021-02-30&to=2021-05-01&window=yesterday&actor=ok-id,Bad%20Id',
    );
    expect(view).toEqual({ ...EMPTY_VIEW, to: '2021-05-01', actor: ['ok-id'] });
    expect(problems).toEqual([
      '"event" value "<script>alert(1)</script>" is not a valid event id',
      '"actor" value "Bad Id" is not a valid id',
      '"from" must be a date written YYYY-MM-DD, not "2021-02-30"',
      '"window" must be two dates "YYYY-MM-DD..YYYY-MM-DD", not "yesterday"',
    ]);
  });

  it('says when a window is reversed rather than malformed, and accepts a one-day window', () => {
    expect(parseViewState('?window=2030-01-01..2020-01-01').problems).toEqual([
      '"window" starts (2030-01-01) after its end (2020-01-01); the timeline shows all events',
    ]);
    expect(parseViewState('?window=2021-09-29..2021-09-29').view.window).toEqual({
      start: '2021-09-29',
      end: '2021-09-29',
    });
  });

  it('ignores a reversed date range rather than showing nothing', () => {
    const { view, problems } = parseViewState('?from=2021-05-01&to=2021-01-01');
    expect([view.from, view.to]).toEqual([null, null]);
    expect(problems[0]).toMatch(/after "to"/);
  });

  it('reconciles a view with the dataset: unknown ids are reported and dropped, known ones apply', () => {
    const known = {
      events: new Set(['a']),
      actors: new Set(['x']),
      places: new Set<string>(),
      types: new Set(['attack']),
      sources: new Set<string>(),
    };
    const { view, problems } = reconcileView(
      { ...EMPTY_VIEW, event: 'gone', actor: ['x', 'y'], type: ['attack', 'party'] },
      known,
    );
    expect(view).toEqual({ ...EMPTY_VIEW, actor: ['x'], type: ['attack'] });
    expect(problems).toEqual([
      'unknown actor "y" ignored',
      'unknown type "party" ignored',
      'there is no event "gone" in this dataset',
    ]);
  });

  describe('the dataset parameter', () => {
    it('is absent for the default dataset and first when present', () => {
      expect(serializeViewState({ ...EMPTY_VIEW, dataset: null, event: 'a' })).toBe('?event=a');
      expect(serializeViewState({ ...EMPTY_VIEW, dataset: 'e2e-acled', event: 'a' })).toBe(
        '?dataset=e2e-acled&event=a',
      );
      expect(parseViewState('?event=a&dataset=e2e-acled').view).toEqual({
        ...EMPTY_VIEW,
        dataset: 'e2e-acled',
        event: 'a',
      });
    });

    it('is never written for the default, even when a link names it', () => {
      const { view } = parseViewState('?dataset=bundled&event=a');
      expect(view.dataset).toBe('bundled');
      expect(serializeViewState(withDefaultDataset(view, 'bundled'))).toBe('?event=a');
      // Another dataset's id is kept as it is.
      expect(withDefaultDataset({ ...EMPTY_VIEW, dataset: 'other' }, 'bundled').dataset).toBe('other');
    });

    it('refuses an id that is not a slug, says so, and keeps the rest of the link', () => {
      const { view, problems } = parseViewState('?dataset=../secret&event=a');
      expect(view).toEqual({ ...EMPTY_VIEW, event: 'a' });
      expect(problems).toEqual(['"dataset" value "../secret" is not a valid dataset id']);
      expect(parseViewState(`?dataset=${'a'.repeat(65)}`).view.dataset).toBeNull();
    });

    it('uses the first of repeated values and reports it', () => {
      const { view, problems } = parseViewState('?dataset=one&dataset=two');
      expect(view.dataset).toBe('one');
      expect(problems).toEqual(['"dataset" appears 2 times; the first value is used']);
    });

    it('makes two views differ, and is left alone by reconciliation (it names no id inside a dataset)', () => {
      expect(sameView({ ...EMPTY_VIEW, dataset: 'a' }, { ...EMPTY_VIEW, dataset: 'b' })).toBe(false);
      const none = {
        events: new Set<string>(),
        actors: new Set<string>(),
        places: new Set<string>(),
        types: new Set<string>(),
        sources: new Set<string>(),
      };
      expect(reconcileView({ ...EMPTY_VIEW, dataset: 'a' }, none)).toEqual({
        view: { ...EMPTY_VIEW, dataset: 'a' },
        problems: [],
      });
    });
  });
});
