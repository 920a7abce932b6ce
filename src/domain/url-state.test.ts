import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW, parseViewState, reconcileView, serializeViewState, type ViewState } from './url-state.ts';

describe('URL view state', () => {
  it('round-trips every parameter in a stable order', () => {
    const view: ViewState = {
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
      '?event=erdogan-putin-sochi-2021&actor=hulusi-akar,vladimir-putin&place=idlib-governorate&type=attack,arms_deal&from=2021-01-01&to=2021-12-31&q=Sochi+talks&read=some-source&window=2021-09-01..2021-10-01',
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
});
