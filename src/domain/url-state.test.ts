import { describe, expect, it } from 'vitest';
import {
  EMPTY_VIEW,
  LIST_PARAMETERS,
  parseViewState,
  reconcileView,
  sameView,
  serializeViewState,
  URL_PARAMETERS,
  withDefaultDataset,
  type UrlParameter,
  type ViewState,
} from './url-state.ts';

/** A valid value of each parameter: a Record, so that a parameter added to the codec must be given one here. */
const SAMPLE: Record<UrlParameter, string> = {
  dataset: 'acled-syria',
  event: 'erdogan-putin-sochi-2021',
  actor: 'hulusi-akar',
  place: 'idlib-governorate',
  type: 'attack',
  from: '2021-01-01',
  to: '2021-12-31',
  q: 'sochi',
  read: 'some-source',
  window: '2021-09-01..2021-10-01',
  story: 'idlib-agreements',
  step: '3',
  embed: '1',
};

const query = (pairs: [string, string][]) => `?${new URLSearchParams(pairs).toString()}`;
/** A parameter that only means something beside another (`step` of a `story`) is tried beside it. */
const REQUIRES: Partial<Record<UrlParameter, UrlParameter>> = { step: 'story' };
const withCompanion = (name: UrlParameter, pairs: [string, string][]): [string, string][] => {
  const companion = REQUIRES[name];
  return companion ? [[companion, SAMPLE[companion]], ...pairs] : pairs;
};
const isList = (name: UrlParameter) => (LIST_PARAMETERS as readonly string[]).includes(name);

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
      story: 'idlib-agreements',
      step: 3,
      embed: true,
    };
    const search = serializeViewState(view);
    expect(search).toBe(
      '?dataset=acled-syria&event=erdogan-putin-sochi-2021&actor=hulusi-akar,vladimir-putin&place=idlib-governorate&type=attack,arms_deal&from=2021-01-01&to=2021-12-31&q=Sochi+talks&read=some-source&window=2021-09-01..2021-10-01&story=idlib-agreements&step=3&embed=1',
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
      storySteps: new Map<string, number>(),
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
      expect(problems).toEqual(['"dataset" appears 2 times; only "one" is used']);
    });

    it('makes two views differ, and is left alone by reconciliation (it names no id inside a dataset)', () => {
      expect(sameView({ ...EMPTY_VIEW, dataset: 'a' }, { ...EMPTY_VIEW, dataset: 'b' })).toBe(false);
      const none = {
        events: new Set<string>(),
        actors: new Set<string>(),
        places: new Set<string>(),
        types: new Set<string>(),
        sources: new Set<string>(),
        storySteps: new Map<string, number>(),
      };
      expect(reconcileView({ ...EMPTY_VIEW, dataset: 'a' }, none)).toEqual({
        view: { ...EMPTY_VIEW, dataset: 'a' },
        problems: [],
      });
    });
  });

  describe('every part of a link that is not used is named', () => {
    it('the codec writes its parameters in the order URL_PARAMETERS lists them', () => {
      const view = parseViewState(
        query(URL_PARAMETERS.map((name): [string, string] => [name, SAMPLE[name]]).reverse()),
      );
      expect(view.problems).toEqual([]);
      const written = [...new URLSearchParams(serializeViewState(view.view)).keys()];
      expect(written).toEqual([...URL_PARAMETERS]);
    });

    // Every known parameter, misspelt the ways links misspell it: the value is not used, and the key is named with
    // the parameter it was probably meant to be.
    const variants = (name: UrlParameter): [string, string][] => [
      ['upper case', name.toUpperCase()],
      ['capitalised', `${name[0]!.toUpperCase()}${name.slice(1)}`],
      ['array syntax', `${name}[]`],
      ['indexed array syntax', `${name}[0]`],
      ['padded', ` ${name}`],
      ['HTML-escaped &', `amp;${name}`],
    ];
    describe.each(URL_PARAMETERS)('"%s"', (name) => {
      it.each(variants(name))('%s ("%s") is not read and is named', (_how, key) => {
        const { view, problems } = parseViewState(query([[key, SAMPLE[name]]]));
        expect(view).toEqual(EMPTY_VIEW);
        expect(problems).toEqual([`unknown parameter "${key}" (did you mean "${name}"?) ignored`]);
      });

      it('beside an unknown key, is read as without it', () => {
        const alone = parseViewState(query(withCompanion(name, [[name, SAMPLE[name]]])));
        expect(alone.problems).toEqual([]);
        const withUnknown = parseViewState(
          query(
            withCompanion(name, [
              [name, SAMPLE[name]],
              ['foo', '1'],
            ]),
          ),
        );
        expect(withUnknown.view).toEqual(alone.view);
        expect(withUnknown.problems).toEqual(['unknown parameter "foo" ignored']);
      });

      it('empty, is named', () => {
        for (const value of ['', '   ']) {
          const { view, problems } = parseViewState(query([[name, value]]));
          expect(view).toEqual(EMPTY_VIEW);
          expect(problems).toEqual([`"${name}" is empty; ignored`]);
        }
      });

      it(isList(name) ? 'repeated, is read in full' : 'repeated, says which value is used', () => {
        const { view, problems } = parseViewState(
          query(
            withCompanion(name, [
              [name, SAMPLE[name]],
              [name, SAMPLE[name]],
            ]),
          ),
        );
        expect(view).toEqual(parseViewState(query(withCompanion(name, [[name, SAMPLE[name]]]))).view);
        expect(problems).toEqual(isList(name) ? [] : [`"${name}" appears 2 times; only "${SAMPLE[name]}" is used`]);
      });
    });

    it.each([
      ['?foo=', ['unknown parameter "foo" ignored']],
      ['?EVENT=x&foo=1', ['unknown parameters "EVENT" (did you mean "event"?) and "foo" ignored']],
      ['?q[]=sochi', ['unknown parameter "q[]" (did you mean "q"?) ignored']],
      ['?foo=1&foo=2&bar', ['unknown parameters "foo" and "bar" ignored']],
      ['?a=1&b=2&c=3', ['unknown parameters "a", "b" and "c" ignored']],
      ['?=orphan', ['unknown parameter "" ignored']],
      ['?event=&event=a', ['"event" appears 2 times; only "a" is used']],
      ['?type=attack&type=', ['"type" is empty; ignored']],
    ])('%s: %j', (search, expected) => {
      expect(parseViewState(search).problems).toEqual(expected);
    });

    it('names at most 20 unknown keys in one problem, and says how many others there were', () => {
      const keys = Array.from({ length: 23 }, (_, i) => `k${i}`);
      const { problems } = parseViewState(query(keys.map((key) => [key, '1'])));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toBe(
        `unknown parameters ${keys
          .slice(0, 20)
          .map((k) => `"${k}"`)
          .join(', ')} and 3 others ignored`,
      );
    });

    it('quotes untrusted keys as they are, cut short, with invisible characters spelt out', () => {
      expect(parseViewState('?%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1').problems).toEqual([
        'unknown parameter "<img src=x onerror=alert(1)>" ignored',
      ]);
      expect(parseViewState('?ev%E2%80%AEtneve=1&a%0Ab=2').problems).toEqual([
        'unknown parameters "evU+202Etneve" and "aU+000Ab" ignored',
      ]);
      const long = 'x'.repeat(100);
      expect(parseViewState(`?${long}=1`).problems).toEqual([`unknown parameter "${'x'.repeat(39)}…" ignored`]);
    });

    // The invariant behind the notice: each key of a link is either used (the view writes it back) or named.
    it.each([
      '?foo=&EVENT=x&q[]=a',
      '?event=a&event=b&Event=c&type=attack&type=&place=p&from=2021-01-01&FROM=2021-01-02',
      '?dataset=x&amp;event=a&utm_source=mail&fbclid=abc&window=2021-01-01..2021-02-01',
      `?${URL_PARAMETERS.map((name) => `${name}=&${name.toUpperCase()}=${SAMPLE[name]}`).join('&')}`,
    ])('every key of %s is used or named', (search) => {
      const { view, problems } = parseViewState(search);
      const written = new Set(new URLSearchParams(serializeViewState(view)).keys());
      const counts = new Map<string, number>();
      for (const key of new URLSearchParams(search).keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
      for (const [key, count] of counts) {
        const usedInFull = written.has(key) && (count === 1 || isList(key as UrlParameter));
        if (!usedInFull) expect(problems.join('\n'), `the key "${key}"`).toContain(`"${key}"`);
      }
    });
  });

  describe('story and step', () => {
    const known = {
      events: new Set<string>(),
      actors: new Set<string>(),
      places: new Set<string>(),
      types: new Set<string>(),
      sources: new Set<string>(),
      storySteps: new Map([['idlib-agreements', 10]]),
    };

    it('opens a story at step 1 when no step is given, and at the last step when the link names one beyond it', () => {
      expect(parseViewState('?story=idlib-agreements').view).toMatchObject({ story: 'idlib-agreements', step: 1 });
      const beyond = reconcileView(parseViewState('?story=idlib-agreements&step=12').view, known);
      expect(beyond.view.step).toBe(10);
      expect(beyond.problems).toEqual(['the story "idlib-agreements" has 10 steps, not 12; it opens at its last step']);
    });

    it('names a step that is not a number, a step without a story, and a story the dataset lacks', () => {
      expect(parseViewState('?story=s&step=two').problems).toEqual([
        '"step" must be a step number (1, 2, …), not "two"; the story opens at step 1',
      ]);
      expect(parseViewState('?step=0&story=s').view.step).toBe(1);
      expect(parseViewState('?step=3')).toEqual({
        view: EMPTY_VIEW,
        problems: ['"step" is given without "story"; ignored'],
      });
      const gone = reconcileView(parseViewState('?story=gone&step=2').view, known);
      expect(gone.view).toEqual(EMPTY_VIEW);
      expect(gone.problems).toEqual(['there is no story "gone" in this dataset']);
    });
  });

  describe('embed', () => {
    it('is read from "1" only, and written last, after the view it shows', () => {
      expect(parseViewState('?embed=1&story=idlib-agreements&step=3')).toEqual({
        view: { ...EMPTY_VIEW, story: 'idlib-agreements', step: 3, embed: true },
        problems: [],
      });
      expect(serializeViewState({ ...EMPTY_VIEW, event: 'a', embed: true })).toBe('?event=a&embed=1');
      expect(serializeViewState({ ...EMPTY_VIEW, embed: true })).toBe('?embed=1');
      expect(serializeViewState({ ...EMPTY_VIEW, event: 'a', embed: false })).toBe('?event=a');
    });

    it.each(['0', 'true', 'yes', '01', '1,1', '<b>1</b>'])(
      'refuses "%s", says so, shows the full explorer and keeps the rest of the link',
      (value) => {
        const { view, problems } = parseViewState(
          query([
            ['event', 'a'],
            ['embed', value],
          ]),
        );
        expect(view).toEqual({ ...EMPTY_VIEW, event: 'a' });
        expect(problems).toEqual([`"embed" must be 1, not "${value}"; the full explorer is shown`]);
      },
    );

    it('makes two views differ (a link with it is another page), and is left alone by reconciliation', () => {
      expect(sameView({ ...EMPTY_VIEW, event: 'a' }, { ...EMPTY_VIEW, event: 'a', embed: true })).toBe(false);
      const none = {
        events: new Set<string>(),
        actors: new Set<string>(),
        places: new Set<string>(),
        types: new Set<string>(),
        sources: new Set<string>(),
        storySteps: new Map<string, number>(),
      };
      expect(reconcileView({ ...EMPTY_VIEW, event: 'gone', embed: true }, none).view).toEqual({
        ...EMPTY_VIEW,
        embed: true,
      });
    });
  });
});
