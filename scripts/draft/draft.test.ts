import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { findDatePhrases } from './dates.ts';
import { acceptDraft, draftToYaml } from './draft-yaml.ts';
import { draftArticle, type CuratedData } from './draft.ts';
import { compatibleTypes } from './merge.ts';
import { findUnknownNames, matchKnownNames } from './names.ts';
import { splitSentences } from './sentences.ts';
import { findClutter, findDateline } from './source.ts';
import { findModality, findTrigger } from './triggers.ts';

const ERDOGAN = {
  id: 'recep-tayyip-erdogan',
  name: 'Recep Tayyip Erdoğan',
  aliases: ['Erdogan', 'Erdoğan'],
  kind: 'person',
};
const PUTIN = { id: 'vladimir-putin', name: 'Vladimir Putin', aliases: ['Putin'], kind: 'person' };
const TURKEY = { id: 'turkey', name: 'Turkey', aliases: ['Turkey', 'Ankara'], kind: 'state' };
const SOCHI = { id: 'sochi', name: 'Sochi', aliases: ['Sochi'], kind: 'city' };

describe('splitSentences', () => {
  it('keeps every sentence a verbatim slice, and does not split at abbreviations', () => {
    const text = 'Headline here\nThe U.S. said on Monday it would act. Mr. Putin agreed! “We will meet,” he said.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Headline here',
      'The U.S. said on Monday it would act.',
      'Mr. Putin agreed!',
      '“We will meet,” he said.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences[1]!.line).toBe(2);
  });
});

describe('triggers and modality', () => {
  it.each([
    ['Erdogan and Putin held talks in Sochi.', 'meeting'],
    ['Erdogan will pay a working visit to Russia.', 'visit'],
    ['They agreed during a phone call initiated by Erdogan.', 'call'],
    ['Two soldiers were killed in an air strike.', 'attack'],
    ['Thousands took to the streets to protest.', 'protest'],
    ['Turkey has bought Russian S-400 air defenses.', 'arms_deal'],
    ['The US imposed sanctions on the industry.', 'sanction'],
    ['Russia brokered a ceasefire between them.', 'ceasefire'],
    ['The UN warns of a humanitarian catastrophe.', 'humanitarian_warning'],
    ['Akar said the deal must be honoured.', 'agreement'],
    ['Turkey, Russia and Iran met but failed to produce any agreement.', 'meeting'],
  ])('%s → %s', (sentence, type) => {
    expect(findTrigger(sentence)?.type).toBe(type);
  });
  it('reads planned, hypothetical and occurred', () => {
    expect(findModality('Erdogan will visit Russia.').modality).toBe('planned');
    expect(findModality('The leaders are expected to discuss Syria.').modality).toBe('planned');
    expect(findModality('He might hold talks.').modality).toBe('hypothetical');
    expect(findModality('They met in Sochi.').modality).toBe('occurred');
  });
});

describe('findDatePhrases', () => {
  it('finds the phrases and resolves them with the project resolver', () => {
    const phrases = findDatePhrases('Erdogan will visit tomorrow, Wednesday, after talks last week.', '2021-09-28');
    expect(phrases.map((p) => p.expression)).toEqual(['tomorrow, Wednesday', 'last week']);
    expect(phrases[0]!.readings[0]).toMatchObject({ earliest: '2021-09-29', latest: '2021-09-29', precision: 'day' });
  });
  it('reads wire-style "March 5, 2020" (quoting "March 5" if the resolver refuses the comma)', () => {
    const [p] = findDatePhrases('The leaders met on March 5, 2020 in Moscow.', '2020-03-06');
    expect(p!.readings[0]).toMatchObject({ earliest: '2020-03-05', latest: '2020-03-05', precision: 'day' });
    expect(p!.expression).toMatch(/^(on )?March 5(, 2020)?$/);
  });
  it('drops a preposition the resolver does not read', () => {
    const [p] = findDatePhrases('The deal was struck in March 2020.', '2021-09-18');
    expect(p).toMatchObject({ readings: [{ earliest: '2020-03-01', latest: '2020-03-31', precision: 'month' }] });
  });
});

describe('names', () => {
  it('matches aliases, longest first; a demonym is the state unless a title follows it', () => {
    const m = matchKnownNames(
      'Turkish President Recep Tayyip Erdoğan met Putin in Sochi, Turkish officials said.',
      [ERDOGAN, PUTIN, TURKEY],
      [SOCHI],
    );
    expect(m.map((n) => `${n.text}:${n.id}`)).toEqual([
      'Recep Tayyip Erdoğan:recep-tayyip-erdogan',
      'Putin:vladimir-putin',
      'Sochi:sochi',
      'Turkish:turkey',
    ]);
  });
  it('reads a name of both a state and a place as the place only after a locative word', () => {
    const places = [{ id: 'ankara', name: 'Ankara', aliases: ['Ankara'], kind: 'city' }];
    const files = (s: string) => matchKnownNames(s, [TURKEY], places).map((n) => `${n.file}:${n.id}`);
    expect(files('Ankara wants a ceasefire.')).toEqual(['actors:turkey']);
    expect(files('Talks were held in Ankara.')).toEqual(['places:ankara']);
  });
  it('finds unknown names with compromise', () => {
    const sentence = 'Kremlin spokesman Dmitry Peskov spoke in Paris.';
    const unknown = findUnknownNames(sentence, []);
    expect(unknown).toContainEqual({ text: 'Dmitry Peskov', kind: 'person' });
    expect(unknown).toContainEqual({ text: 'Paris', kind: 'place' });
  });
});

describe('source', () => {
  it('reads a date line and lists clutter', () => {
    expect(findDateline(' date 2021-09-18 \n\nText.')).toMatchObject({ day: '2021-09-18', basis: 'dateline' });
    expect(findDateline('Published: March 5, 2020\nText.')?.day).toBe('2020-03-05');
    expect(findClutter('Skip to main content\nText.\nShare\nEnd.Follow us on Twitter: @x').map((c) => c.line)).toEqual([
      1, 3, 4,
    ]);
  });
});

const DATA: CuratedData = {
  sources: [],
  actors: [
    { ...ERDOGAN, kind: 'person' },
    { ...PUTIN, kind: 'person' },
  ],
  places: [{ id: 'sochi', name: 'Sochi', aliases: ['Sochi'], kind: 'city', countryCode: 'RU', lat: 43.6, lon: 39.73 }],
  events: [
    {
      file: 'sochi.yaml',
      record: {
        id: 'erdogan-putin-sochi-2021',
        type: 'visit',
        title: 'Erdoğan visits Putin in Sochi',
        summary: 'A visit.',
        modality: 'planned',
        date: {
          resolution: 'relative',
          sourceId: 'old',
          expression: 'later this month',
          earliest: '2021-09-18',
          latest: '2021-09-30',
          precision: 'days',
        },
        actors: [{ actorId: 'recep-tayyip-erdogan', role: 'visitor' }],
        places: [{ placeId: 'sochi', role: 'venue', precision: 'exact' }],
        evidence: [{ sourceId: 'old', quote: 'Erdogan will visit Russia later this month' }],
        disagreements: [],
      },
    },
  ],
};

const ARTICLE = ` date 2021-09-28 
Erdogan will visit Putin in Sochi tomorrow, Wednesday.
Thousands took to the streets in Kazan on Monday to protest against the prices.
`;

const SOCHI_FILE = `# A comment that must stay.
- id: erdogan-putin-sochi-2021
  date:
    resolution: relative
    sourceId: old
    expression: later this month
  evidence:
    - { sourceId: old, quote: q }   # and this one

- id: another
  evidence:
    - { sourceId: old, quote: r }
`;

describe('draftArticle', () => {
  const geocode = (name: string) =>
    name === 'Kazan'
      ? { name: 'Kazan', lat: 55.79, lon: 49.12, countryCode: 'RU', geonamesId: 551487, population: 1104738 }
      : null;
  const draft = draftArticle(ARTICLE, DATA, { fileName: 'a.txt' }, geocode);

  it('proposes a merge with a narrower date for an existing event, never a duplicate', () => {
    expect(draft.evidence).toHaveLength(1);
    expect(draft.evidence[0]).toMatchObject({
      event: 'erdogan-putin-sochi-2021',
      date: { earliest: '2021-09-29', precision: 'day' },
    });
    expect(draft.evidence[0]!.date!.note).toContain('later this month');
  });
  it('proposes a new event with a new geocoded place', () => {
    expect(draft.events.map((e) => e.record.type)).toEqual(['protest']);
    expect(draft.events[0]!.record.date).toMatchObject({ expression: 'on Monday', earliest: '2021-09-27' });
    expect(draft.places[0]!.record).toMatchObject({ id: 'kazan', countryCode: 'RU', geonamesId: 551487 });
    expect(draft.source.record).toMatchObject({ publishedAt: '2021-09-28', publishedAtBasis: 'dateline' });
  });
  it('round-trips through the draft file into the curated files, dropping rejected items', () => {
    const reviewed = parseDocument(draftToYaml(draft, '/tmp/a.txt'));
    reviewed.setIn(['places', 0, 'reject'], true);
    const yaml = reviewed.toString();
    const result = acceptDraft(yaml, {
      sources: '# Sources.\n- id: old\n  file: old.txt\n',
      places: '# Places.\n[]\n',
      actors: '# Actors.\n[]\n',
      events: new Map([['sochi.yaml', SOCHI_FILE]]),
    });
    expect(result.problems).toEqual([]);
    const sochi = result.files.events.get('sochi.yaml')!;
    expect(sochi).toContain('# A comment that must stay.');
    expect(sochi.startsWith(SOCHI_FILE.slice(0, SOCHI_FILE.indexOf('  date:')))).toBe(true);
    expect(sochi).toContain('{ sourceId: old, quote: q }   # and this one\n    - sourceId: ');
    expect(sochi.endsWith(SOCHI_FILE.slice(SOCHI_FILE.indexOf('\n- id: another')))).toBe(true);
    expect(sochi).toContain('    - sourceId: 2021-09-28-');
    expect(sochi).toContain('Erdogan will visit Putin in Sochi tomorrow, Wednesday.');
    expect(sochi).toMatch(
      / {2}date:\n {4}resolution: relative\n {4}sourceId: 2021-09-28-[a-z0-9-]+\n {4}expression: tomorrow, Wednesday/,
    );
    expect(parseDocument(sochi).toJS()[0].evidence).toHaveLength(2);
    expect(result.files.sources).toContain('# Sources.');
    expect(result.files.places).not.toContain('kazan');
    const created = [...result.files.events.keys()].find((k) => k !== 'sochi.yaml')!;
    expect(result.files.events.get(created)).not.toContain('placeId: kazan');
  });
});

describe('one happening, one proposal', () => {
  it('folds the sentences of an article that report one happening into one proposal', () => {
    const text = `Published: March 6, 2020
Erdogan held talks with Putin in Sochi on Thursday.
The meeting between Erdogan and Putin lasted six hours, officials said.
`;
    const draft = draftArticle(text, { ...DATA, events: [] }, { fileName: 'b.txt' }, () => null);
    const meetings = draft.events.filter((e) => e.record.type === 'meeting');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.record.evidence).toHaveLength(2);
    expect(meetings[0]!.record.date).toMatchObject({ expression: 'on Thursday', earliest: '2020-03-05' });
  });
  it('refuses to guess a publication day', () => {
    expect(() => draftArticle('No date here. Erdogan met Putin.', DATA, { fileName: 'c.txt' }, () => null)).toThrow(
      /--published/,
    );
  });
});

describe('compatibleTypes', () => {
  it('relates the types that may name one happening', () => {
    expect(compatibleTypes('meeting', 'visit')).toBe(true);
    expect(compatibleTypes('attack', 'offensive')).toBe(true);
    expect(compatibleTypes('statement', 'meeting')).toBe(false);
  });
});
