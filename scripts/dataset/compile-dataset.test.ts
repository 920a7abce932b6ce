import { describe, expect, it } from 'vitest';
import { compileDataset, formatProblem, locateQuote, type DatasetInput } from './compile-dataset.ts';

const ARTICLE =
  'Turkish President Recep Tayyip Erdogan will pay a working visit to Russia tomorrow, Wednesday. ' +
  'Akar spoke on Monday. Akar spoke on Monday again. “Quoted words” here. He will return later this month.';

const SOURCES = `
- id: test-source
  file: article.txt
  title: A test article
  titleBasis: written
  publisher: unknown
  url: null
  language: en
  publishedAt: 2021-09-28
  publishedAtBasis: inferred
  publishedAtNote: a test anchor (a Tuesday)
`;

const PLACES = `
- id: russia
  name: Russia
  aliases: []
  kind: country
  countryCode: RU
  lat: 61.5
  lon: 90
- id: sochi
  name: Sochi
  kind: city
  countryCode: RU
  lat: 43.6
  lon: 39.73
  parentId: russia
`;

const ACTORS = `
- id: erdogan
  name: Recep Tayyip Erdoğan
  aliases: [Erdogan]
  kind: person
`;

const EVENT = `
- id: visit
  type: visit
  title: A visit
  summary: Erdoğan visits Russia.
  modality: planned
  date:
    resolution: relative
    sourceId: test-source
    expression: tomorrow, Wednesday
    earliest: 2021-09-29
    latest: 2021-09-29
    precision: day
    display: Wednesday 29 September 2021
  actors:
    - { actorId: erdogan, role: visitor }
  places:
    - { placeId: sochi, role: venue, precision: exact }
  evidence:
    - sourceId: test-source
      quote: will pay a working visit to Russia tomorrow, Wednesday
`;

function input(overrides: Partial<Record<'sources' | 'places' | 'actors' | 'events', string>> = {}): DatasetInput {
  return {
    meta: { path: 'data/dataset.yaml', content: 'title: Test\ndescription: A test dataset.\n' },
    sources: { path: 'data/sources/sources.yaml', content: overrides.sources ?? SOURCES },
    sourceTexts: new Map([['article.txt', ARTICLE]]),
    places: { path: 'data/places.yaml', content: overrides.places ?? PLACES },
    actors: { path: 'data/actors.yaml', content: overrides.actors ?? ACTORS },
    events: [{ path: 'data/events/test.yaml', content: overrides.events ?? EVENT }],
  };
}

/** Compiles and returns the formatted problems, failing the test if the input was accepted. */
function problemsOf(overrides: Parameters<typeof input>[0]): string[] {
  const result = compileDataset(input(overrides));
  if (result.ok) throw new Error('expected the input to be refused');
  return result.problems.map(formatProblem);
}

describe('compileDataset: a valid input', () => {
  it('builds the dataset with offsets that point at the verbatim quote', () => {
    const result = compileDataset(input());
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const [event] = result.dataset.events;
    const [span] = event!.evidence;
    expect(ARTICLE.slice(span!.start, span!.end)).toBe(span!.quote);
    expect(event!.date).toMatchObject({ earliest: '2021-09-29', anchor: '2021-09-28', edtf: '2021-09-29' });
    expect(event!.date.expression).toMatchObject({ quote: 'tomorrow, Wednesday' });
    expect(event!.cameo).toBe('042');
    expect(event!.sourceIds).toEqual(['test-source']);
  });

  it('fills bounds, precision and display from the words when they are left out', () => {
    const events = EVENT.replace(/\n {4}earliest.*\n {4}latest.*\n {4}precision.*\n {4}display.*/, '');
    const result = compileDataset(input({ events }));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.dataset.events[0]!.date).toMatchObject({
      earliest: '2021-09-29',
      latest: '2021-09-29',
      precision: 'day',
      display: 'Wednesday 29 September 2021',
    });
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    const a = compileDataset(input());
    const b = compileDataset(input());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('compileDataset: bad input is refused with file, record, field and what was expected', () => {
  it('malformed YAML', () => {
    expect(problemsOf({ places: '- id: russia\n  name: [unclosed\n' })).toEqual([
      expect.stringMatching(/^data\/places\.yaml:\d+: malformed YAML/),
    ]);
  });

  it('a file that is not a list', () => {
    expect(problemsOf({ actors: 'id: erdogan\n' })[0]).toMatch(/data\/actors\.yaml:1: expected a YAML list of actor/);
  });

  it('a missing required field', () => {
    const [problem] = problemsOf({ events: EVENT.replace('  summary: Erdoğan visits Russia.\n', '') });
    expect(problem).toMatch(/^data\/events\/test\.yaml:2: event "visit", field summary: missing/);
  });

  it('an unknown field (a typo)', () => {
    const [problem] = problemsOf({ events: EVENT.replace('earliest:', 'earlist:') });
    expect(problem).toMatch(/event "visit", field date: unknown field\(s\) "earlist"/);
  });

  it('a duplicate id', () => {
    const [problem] = problemsOf({ events: EVENT + EVENT.replace('- id: visit', '- id: visit') });
    expect(problem).toMatch(
      /data\/events\/test\.yaml:\d+: event "visit", field id: duplicate id: already used at data\/events\/test\.yaml:2/,
    );
  });

  it('an unknown actor, place or source id', () => {
    const problems = problemsOf({
      events: EVENT.replace('actorId: erdogan', 'actorId: putin')
        .replace('placeId: sochi', 'placeId: moscow')
        .replace('    - sourceId: test-source', '    - sourceId: other-source'),
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /field actors\[0\]\.actorId: unknown actor id "putin": expected an id from data\/actors\.yaml/,
      ),
      expect.stringMatching(/field places\[0\]\.placeId: unknown place id "moscow"/),
      expect.stringMatching(/field evidence\[0\]\.sourceId: unknown source id "other-source"/),
    ]);
  });

  it('an unknown parent place', () => {
    const [problem] = problemsOf({ places: PLACES.replace('parentId: russia', 'parentId: rusia') });
    expect(problem).toMatch(/data\/places\.yaml:\d+: place "sochi", field parentId: unknown place id "rusia"/);
  });

  it('a quote not in its source, with a hint when only punctuation differs', () => {
    expect(problemsOf({ events: EVENT.replace('working visit', 'state visit') })[0]).toMatch(
      /field evidence\[0\]\.quote: quote not found in the source text/,
    );
    const straightQuotes = EVENT.replace(
      'quote: will pay a working visit to Russia tomorrow, Wednesday',
      `quote: '"Quoted words" here.'`,
    );
    expect(problemsOf({ events: straightQuotes })[0]).toMatch(/only after normalising quotation marks/);
  });

  it('a quote found twice without a disambiguating prefix', () => {
    const twice = EVENT.replace(
      'quote: will pay a working visit to Russia tomorrow, Wednesday',
      'quote: Akar spoke on Monday',
    );
    const [problem] = problemsOf({ events: twice });
    expect(problem).toMatch(/field evidence\[0\]\.quote: the quote occurs 2 times in the text: add a "prefix"/);
    // The contexts, and the prefix that picks each, are in the message.
    expect(problem).toContain(
      '(1) line 1: …ay a working visit to Russia tomorrow, Wednesday. [[Akar spoke on Monday]]. Akar',
    );
    expect(problem).toContain(
      '→ prefix: "Wednesday. "; (2) line 1: …Russia tomorrow, Wednesday. Akar spoke on Monday. [[Akar',
    );
    expect(problem).toContain('→ prefix: "Monday. "');
    const picked = compileDataset(
      input({
        events: twice.replace('quote: Akar spoke on Monday', 'quote: Akar spoke on Monday\n      prefix: "Monday. "'),
      }),
    );
    if (!picked.ok) throw new Error(picked.problems.map(formatProblem).join('\n'));
    expect(picked.dataset.events[0]!.evidence[0]!.start).toBe(ARTICLE.indexOf('Akar spoke on Monday again'));
  });

  it('earliest after latest', () => {
    const events = EVENT.replace('resolution: relative', 'resolution: inferred')
      .replace('    expression: tomorrow, Wednesday\n', '    expression: null\n    note: test\n')
      .replace('latest: 2021-09-29', 'latest: 2021-09-20');
    expect(problemsOf({ events })[0]).toMatch(
      /field date\.latest: expected latest \(2021-09-20\) on or after earliest \(2021-09-29\)/,
    );
  });

  it('an impossible date', () => {
    expect(problemsOf({ events: EVENT.replace('earliest: 2021-09-29', 'earliest: 2021-02-30') })[0]).toMatch(
      /field date\.earliest: expected a real calendar day written YYYY-MM-DD/,
    );
  });

  it('coordinates out of range', () => {
    expect(problemsOf({ places: PLACES.replace('lat: 43.6', 'lat: 143.6') })[0]).toMatch(
      /place "sochi", field lat: expected a latitude in \[-90, 90\]/,
    );
    expect(problemsOf({ places: PLACES.replace('lon: 39.73', 'lon: -190') })[0]).toMatch(
      /field lon: expected a longitude/,
    );
  });

  it('a point outside its country', () => {
    // A rectangle standing in for Russia's outline, holding both fixture places; then Sochi moved far west of it.
    const countryShapes = new Map([
      [
        'RU',
        [
          [
            [
              [30, 40],
              [100, 40],
              [100, 70],
              [30, 70],
              [30, 40],
            ] as [number, number][],
          ],
        ],
      ],
    ]);
    const result = compileDataset({ ...input(), countryShapes });
    expect(result.ok).toBe(true);
    const misplaced = compileDataset({
      ...input({ places: PLACES.replace('lon: 39.73', 'lon: 20.1') }),
      countryShapes,
    });
    expect(misplaced.ok ? [] : misplaced.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /data\/places\.yaml:\d+: place "sochi", field lat: the point \(43\.6, 20\.1\) lies \d+ km outside RU: expected coordinates inside the place's country/,
      ),
    ]);
  });

  it('an unknown type', () => {
    expect(problemsOf({ events: EVENT.replace('type: visit', 'type: party') })[0]).toMatch(
      /event "visit", field type: .*"meeting"/,
    );
  });

  it('a date more precise than its words', () => {
    const events = EVENT.replace('expression: tomorrow, Wednesday', 'expression: later this month')
      .replace('earliest: 2021-09-29', 'earliest: 2021-09-28')
      .replace('latest: 2021-09-29', 'latest: 2021-09-30')
      .replace(
        'quote: will pay a working visit to Russia tomorrow, Wednesday',
        'quote: He will return later this month.',
      );
    expect(problemsOf({ events })[0]).toMatch(
      /field date\.precision: "day" claims more precision than "later this month" supports \(days or coarser\)/,
    );
    expect(compileDataset(input({ events: events.replace('precision: day', 'precision: days') })).ok).toBe(true);
  });

  it('bounds that disagree with the words', () => {
    const [problem] = problemsOf({
      events: EVENT.replace('earliest: 2021-09-29', 'earliest: 2021-09-30').replace(
        'latest: 2021-09-29',
        'latest: 2021-09-30',
      ),
    });
    expect(problem).toMatch(
      /"tomorrow, Wednesday" read against the publication day 2021-09-28 gives 2021-09-29\.\.2021-09-29/,
    );
  });

  it('words that contradict themselves against the publication day', () => {
    const events = EVENT.replace('expression: tomorrow, Wednesday', 'expression: tomorrow, Wednesday').replace(
      'publishedAt: 2021-09-28',
      'publishedAt: 2021-09-28',
    );
    const [problem] = problemsOf({
      events,
      sources: SOURCES.replace('publishedAt: 2021-09-28', 'publishedAt: 2021-09-29'),
    });
    expect(problem).toMatch(
      /field date\.expression: the parts of "tomorrow, Wednesday" disagree: "tomorrow" reads as 2021-09-30 \(Thursday\), not a Wednesday as "Wednesday" says \(against the publication day 2021-09-29, a Wednesday\)/,
    );
  });

  it('an inferred date without a note', () => {
    const events = EVENT.replace('resolution: relative', 'resolution: inferred');
    expect(problemsOf({ events })[0]).toMatch(/field date\.note: missing: an inferred date must say/);
  });

  it('a source address that is not a web address', () => {
    expect(problemsOf({ sources: SOURCES.replace('url: null', 'url: "javascript:alert(1)"') })[0]).toMatch(
      /source "test-source", field url: expected an http\(s\) address/,
    );
  });

  it('a missing article file', () => {
    expect(problemsOf({ sources: SOURCES.replace('file: article.txt', 'file: missing.txt') })[0]).toMatch(
      /source "test-source", field file: no article file "data\/sources\/missing\.txt"/,
    );
  });

  it('a disagreement that shows neither version', () => {
    const events = `${EVENT}  disagreements:
    - aspect: date
      summary: two days
      versions:
        - { sourceId: test-source, claim: Monday, quote: "Akar spoke on Monday.", prefix: null }
        - { sourceId: test-source, claim: again, quote: "Akar spoke on Monday again" }
      shown: elsewhere
      why: because
`;
    const problems = problemsOf({ events });
    expect(problems).toContainEqual(
      expect.stringMatching(/field disagreements\[0\]\.shown: expected "combined" or the sourceId/),
    );
  });
});

describe('compileDataset: warnings that do not stop the build', () => {
  it('an article no event cites', () => {
    const sources = `${SOURCES}${SOURCES.replace('id: test-source', 'id: unused-source')}`;
    const result = compileDataset(input({ sources }));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.report.warnings).toEqual([
      'data/sources/sources.yaml: source "unused-source" is cited by no event: add its quotes to the events it reports (or remove it)',
    ]);
    expect(compileDataset(input()).ok && compileDataset(input())).toMatchObject({ report: { warnings: [] } });
  });
});

describe('compileDataset: dates as agency copy writes them', () => {
  it('"March 5, 2020" and "Thursday, March 5" resolve, fill the bounds and keep the expression whole', () => {
    const article = 'Russia and Turkey agreed a ceasefire in Idlib on Thursday, March 5, 2020, in Moscow.';
    for (const expression of ['March 5, 2020', 'Thursday, March 5, 2020', 'Thursday, March 5']) {
      const events = EVENT.replace('type: visit', 'type: ceasefire')
        .replace('modality: planned', 'modality: occurred')
        .replace('expression: tomorrow, Wednesday', `expression: "${expression}"`)
        .replace(/\n {4}earliest.*\n {4}latest.*\n {4}precision.*\n {4}display.*/, '')
        .replace('quote: will pay a working visit to Russia tomorrow, Wednesday', `quote: "${article}"`);
      const result = compileDataset({
        ...input({ events, sources: SOURCES.replace('publishedAt: 2021-09-28', 'publishedAt: 2020-03-06') }),
        sourceTexts: new Map([['article.txt', article]]),
      });
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
      expect(result.dataset.events[0]!.date, expression).toMatchObject({
        earliest: '2020-03-05',
        latest: '2020-03-05',
        precision: 'day',
        expression: { quote: expression, start: article.indexOf(expression) },
      });
    }
  });
});

describe('locateQuote', () => {
  it('uses the prefix to pick one of several occurrences', () => {
    expect(locateQuote('x b y b', 'b', 'y ')).toBe(6);
    expect(locateQuote('x b y b', 'b')).toMatch(/occurs 2 times/);
    expect(locateQuote('a b a b', 'b', 'a ')).toMatch(/occurs 2 times after the prefix "a "/);
  });
});
