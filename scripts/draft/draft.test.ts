import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { findDatePhrases } from './dates.ts';
import { acceptDraft, draftToYaml } from './draft-yaml.ts';
import { draftArticle, eventTitle, type CuratedData } from './draft.ts';
import { compatibleTypes } from './merge.ts';
import { findUnknownNames, foldDiacritics, knownSpellings, matchKnownNames } from './names.ts';
import { splitSentences } from './sentences.ts';
import { findClutter, findDateline, findTitleLine } from './source.ts';
import { findCandidates, framedSpeaker } from './candidates.ts';
import { findMatch, groupCandidates } from './merge.ts';
import { triggerRole } from './syntax.ts';
import { findModality, findModalityAt, findTrigger, findTriggers } from './triggers.ts';

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
  it('reads "from March 15" as the day, and stretches such as "in recent weeks"', () => {
    expect(findDatePhrases('Patrols start from March 15, the deal says.', '2020-03-05')[0]).toMatchObject({
      expression: 'March 15',
    });
    expect(findDatePhrases('The past few weeks have seen clashes.', '2020-03-05')[0]!.readings[0]).toMatchObject({
      earliest: '2020-02-06',
      latest: '2020-03-05',
    });
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
    // Below a page's menus, as outlets print them.
    const body =
      'The two leaders met in the Black Sea resort on Tuesday and agreed to work together on the conflict in Syria.';
    const page = (dateLine: string) =>
      [
        'Skip to main content',
        'Home Video World US & Canada UK Business Tech Science Stories',
        'Europe',
        '',
        'Erdogan and Putin open a new page in ties',
        '',
        'By A Reporter',
        dateLine,
        '',
        body,
      ].join('\n');
    expect(findDateline(page('Published 09.08.2016 21:36'))?.day).toBe('2016-08-09');
    expect(findDateline(page('July 17, 2019 7:49 PM UTC'))?.day).toBe('2019-07-17');
    expect(findDateline(page('Published On 4 Feb 2020'))?.day).toBe('2020-02-04');
    expect(findDateline(page('20 December 2016'))?.day).toBe('2016-12-20');
    expect(findDateline(page('Published date: 15 October 2018 17:20 BST'))?.day).toBe('2018-10-15');
    expect(findDateline(page('Elnur Mammadli   |30.01.2021'))?.day).toBe('2021-01-30');
    expect(findDateline(page('31.02.2016'))).toBeNull();
    // The headline, not the menu line of capitalised words above it.
    expect(findTitleLine(page('20 December 2016'), findClutter(page('')))).toEqual({
      text: 'Erdogan and Putin open a new page in ties',
      line: 5,
    });
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
  places: [
    { id: 'sochi', name: 'Sochi', aliases: ['Sochi'], kind: 'city', countryCode: 'RU', lat: 43.6, lon: 39.73 },
    {
      id: 'russian-federation',
      name: 'Russian Federation',
      aliases: [],
      kind: 'country',
      countryCode: 'RU',
      lat: 61,
      lon: 99,
    },
  ],
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
    // Inside its country's place, so that a filter on the country includes it.
    expect(draft.places[0]!.record).toMatchObject({
      id: 'kazan',
      countryCode: 'RU',
      geonamesId: 551487,
      parentId: 'russian-federation',
    });
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

describe('rules that tell the news from words that mention a happening', () => {
  const AKAR = { id: 'hulusi-akar', name: 'Hulusi Akar', aliases: ['Akar'], kind: 'person' };
  const RUSSIA = { id: 'russia', name: 'Russia', aliases: ['Russia', 'Moscow'], kind: 'state' };
  const OFFICIALS = {
    id: 'turkish-officials-anonymous',
    name: 'Turkish officials',
    aliases: ['Turkish official', 'officials', 'official'],
    kind: 'group',
  };
  const IDLIB = { id: 'idlib', name: 'Idlib', aliases: ['Idlib'], kind: 'admin1' };
  const actors = [ERDOGAN, PUTIN, TURKEY, AKAR, RUSSIA, OFFICIALS];
  const places = [SOCHI, IDLIB];
  /** The candidates of one-sentence articles, published on `anchor`. */
  const candidates = (text: string, anchor = '2021-09-18') =>
    findCandidates(splitSentences(text), anchor, actors, places);

  it('reads the modality of each trigger from the cue before it, not from anywhere in the sentence', () => {
    const s = 'Turkey has bought S-400 air defenses and is in talks with Russia to possibly buy a second batch.';
    expect(findModalityAt(s, s.indexOf('bought'), true).modality).toBe('occurred');
    const t = 'The meeting, which is due to start at noon, will focus on Idlib.';
    expect(findModalityAt(t, t.indexOf('meeting'), false).modality).toBe('planned');
  });

  it('leaves a date phrase that stands past another happening, or past a "since" clause, to that one', () => {
    // Monday 8 August 2016: the meeting is Monday's; last November is the downing's.
    const met = candidates(
      'Erdogan and Putin on Monday pledged closer ties at their first meeting since Ankara shot down a Russian jet last November.',
      '2016-08-10',
    );
    expect(met.find((c) => c.type === 'meeting')?.date.earliest).toBe('2016-08-08');
    expect(met.find((c) => c.type === 'attack')?.date.earliest).toBe('2015-11-01');
    // The Tuesday is the shooting's, not the sanctions'.
    const sanctions = candidates(
      'Russia imposed sanctions on Turkey, angry that a Turkish F-16 shot down a Russian warplane on Tuesday.',
      '2015-11-28',
    ).find((c) => c.type === 'sanction');
    expect(sanctions?.date.earliest).not.toBe('2015-11-24');
    // "Since the failed coup last month": last month is the coup's, not the visit's.
    const visit = candidates(
      "Erdogan's visit to Sochi is his first trip abroad since the failed coup against him last month.",
      '2016-08-09',
    ).find((c) => c.type === 'visit');
    expect(visit?.date.earliest).toBe('2016-08-09');
    // "Since March 2020" next to the happening is its own start.
    const posts = candidates('Turkey has deployed troops at observation posts in Idlib since March 2020.').find(
      (c) => c.type === 'deployment',
    );
    expect(posts?.date.earliest).toBe('2020-03-01');
  });

  it("reads a noun's modality from its own predicate past its modifiers", () => {
    const s = 'A next meeting of the guarantors in the capital of Kazakhstan will be held in mid-July.';
    expect(findModalityAt(s, s.indexOf('meeting'), false).modality).toBe('planned');
    const t = 'The talks on the Syrian settlement in the capital of Kazakhstan will be held in mid-July, Putin said.';
    expect(findModalityAt(t, t.indexOf('talks'), false).modality).toBe('planned');
    // A relative clause or a dash opens another clause: its "will" is not the noun's.
    const u = 'Sanctions on Turkish defence industries – and Ankara will answer them – were imposed.';
    expect(findModalityAt(u, u.indexOf('Sanctions'), false).modality).toBe('occurred');
  });

  it('gives a saying framed by a pronoun or a title to the one last heard, not to a name in the quotation', () => {
    const lead = 'Putin said on Friday that the talks in Sochi went well. ';
    const quoted = candidates(`${lead}"Turkey is our partner in Idlib," he said.`, '2021-09-18').filter(
      (c) => c.type === 'statement',
    );
    expect(quoted.at(-1)?.speaker).toBe('vladimir-putin');
    expect(quoted.at(-1)?.actors.map((a) => a.id)).toContain('vladimir-putin');
    const titled = candidates(`${lead}The Russian president said Turkey must leave Idlib.`, '2021-09-18').filter(
      (c) => c.type === 'statement',
    );
    expect(titled.at(-1)?.speaker).toBe('vladimir-putin');
    // "Putin said he would…": the pronoun after the verb is the subject of what was said, not a frame.
    expect(framedSpeaker('Putin said he would meet Erdogan in Sochi.', null, null, [])).toEqual([]);
  });

  it('reads a month without its year as the coming one when the happening is to come', () => {
    const next = candidates('A next meeting of Erdogan and Putin in Sochi will be held in mid-July.', '2017-05-04');
    expect(next.find((c) => c.type === 'meeting')?.date).toMatchObject({
      earliest: '2017-07-11',
      latest: '2017-07-20',
    });
    // Told as past, it is the last one passed.
    const held = candidates('Erdogan met Putin in Sochi in mid-July.', '2017-05-04');
    expect(held.find((c) => c.type === 'meeting')?.date.earliest).toBe('2016-07-11');
  });

  it('ends a negator at a preposition that opens a phrase of its own', () => {
    const types = (text: string) => findTriggers(text).map((t) => t.type);
    // The shooting is the cause of the sanctions, not what they oppose.
    expect(types('Moscow imposed sanctions against Ankara over the shooting down of a Russian jet.')).toContain(
      'attack',
    );
    // Within the negator's own phrase it still negates.
    expect(types('Ankara warned against any attack on its posts.')).not.toContain('attack');
    // "Fighting jet" is an aircraft, not fighting.
    expect(types('Russia announces sanctions against Turkey over fighting jet downing')).not.toContain('clash');
  });

  it('tells a deal signed by a definite subject within a meeting frame as a happening of its own', () => {
    const both = candidates(
      'During a meeting of Erdogan and Putin in Sochi on May 4, the two leaders signed a deal on Idlib.',
      '2017-06-30',
    );
    const deal = both.find((c) => c.type === 'agreement');
    expect(both.find((c) => c.type === 'meeting')).toBeDefined();
    expect(deal?.date.earliest).toBe('2017-05-04');
    // The month May is no modal.
    expect(deal?.modality).toBe('occurred');
    const s = 'Putin said the deal may be signed in Sochi.';
    expect(findModalityAt(s, s.indexOf('signed'), true).modality).toBe('hypothetical');
  });

  it('takes a happening others guarantee or are party to for a reference, even in the lead', () => {
    const truce = candidates(
      'Turkey, Russia and Iran, the guarantor countries of a ceasefire agreement in Idlib, will meet in Sochi next week.',
    ).find((c) => c.type === 'ceasefire' || c.type === 'agreement');
    expect(truce).toMatchObject({ reference: true, news: false });
    expect(triggerRole('The parties to the ceasefire met.', 15, 'ceasefire')).toBe('reference');
  });

  it('does not take a thing that arrives for a visit', () => {
    const types = (text: string) => findTriggers(text).map((t) => t.type);
    expect(types('Third aircraft with air defence system parts arrives in Turkey')).not.toContain('visit');
    expect(types('Erdogan arrives in Sochi for talks with Putin')).toContain('visit');
  });

  it('dates an undated happening told in the present perfect to the years before publication', () => {
    const lead = 'Erdogan met Putin in Sochi on Friday. Putin said on Friday that relations were good.\n';
    const c = candidates(`${lead}NATO member Turkey has purchased Russian S-400 air defenses from Moscow.`).find(
      (x) => x.type === 'arms_deal',
    );
    expect(c).toMatchObject({ type: 'arms_deal', modality: 'occurred' });
    expect(c!.date).toMatchObject({ resolution: 'inferred', earliest: '2016-09-18', latest: '2021-09-18' });
    expect(c!.date.precision).toBe('years');
    // The simple present, or a dated sentence, keeps its own reading.
    expect(candidates('Russian troops are deployed across Idlib.')[0]!.date.earliest).toBe('2021-09-18');
    // In the lead, the present perfect is the news of the day of writing.
    const [news] = candidates('Erdogan and Putin have reached an agreement on Idlib.');
    expect(news).toMatchObject({ type: 'agreement', news: true });
    expect(news!.date).toMatchObject({ resolution: 'inferred', earliest: '2021-09-18', latest: '2021-09-18' });
  });

  it('gives a pronoun subject the people of the sentence before, and "he" the last speaker', () => {
    const [, announced] = candidates(
      'Erdogan and Putin met in Sochi on Friday.\nAfter talks in Sochi on Friday, they announced a ceasefire in Idlib.',
    );
    expect(announced!.actors.map((a) => a.id)).toEqual(['recep-tayyip-erdogan', 'vladimir-putin']);
    const added = candidates(
      'Akar said on Friday that Erdogan would meet Putin.\nHe added that talks would go on in Sochi.',
    ).at(-1)!;
    expect(added.actors[0]!.id).toBe('hulusi-akar');
    // A sentence that names someone itself inherits no one for what it tells.
    const named = candidates(
      'Akar said on Friday that troops stay.\nHe said Putin would meet Erdogan in Sochi, where troops were deployed.',
    ).filter((c) => c.sentences[0]!.text.startsWith('He said'));
    expect(named.find((c) => c.type === 'deployment')?.actors.map((a) => a.id)).not.toContain('hulusi-akar');
  });

  it('dates a statement by a date phrase that opens the sentence', () => {
    const said = candidates('On September 16, the spokesman of the Kremlin Putin said that a visit is prepared.').find(
      (c) => c.type === 'statement',
    );
    expect(said).toMatchObject({ type: 'statement' });
    expect(said!.date).toMatchObject({ expression: 'On September 16', earliest: '2021-09-16' });
  });

  it('dates "the summit … started on Monday" by its own verb of taking place', () => {
    const [summit] = candidates('The latest summit hosted by Erdogan in Sochi started on Monday.', '2021-09-21');
    expect(summit).toMatchObject({ type: 'summit' });
    expect(summit!.date).toMatchObject({ expression: 'on Monday', earliest: '2021-09-20' });
  });

  it('does not date a happening by the day of its announcement', () => {
    const c = candidates('The announcement of the visit on Friday came as Erdogan spoke to Putin.').find(
      (x) => x.type === 'visit',
    );
    expect(c?.date.resolution).toBe('inferred');
  });

  it('folds the headline into the lead that tells the same news', () => {
    const text = 'Erdogan and Putin hold talks in Sochi\nErdogan met Putin in Sochi on Friday for three hours.\n';
    const groups = groupCandidates(candidates(text), new Set([ERDOGAN.id, PUTIN.id]));
    const meetings = groups.filter((g) => g.type === 'meeting');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.sentences).toHaveLength(2);
    expect(meetings[0]!.date.earliest).toBe('2021-09-17');
  });

  it('folds one state’s happening told twice on the same day into one', () => {
    const text =
      'Turkey received on Friday the first batch of S-400 components.\n"Turkey received the first batch of S-400 components," the ministry said on Friday.';
    const groups = groupCandidates(candidates(text), new Set());
    expect(groups.filter((g) => g.type === 'arms_deal')).toHaveLength(1);
  });

  it('keeps what happened apart from what was planned', () => {
    const text =
      'Erdogan and Putin have held phone talks on Idlib.\nAccording to officials, the two leaders agreed to a meeting in Sochi.';
    const groups = groupCandidates(candidates(text), new Set([ERDOGAN.id, PUTIN.id]));
    expect(groups.map((g) => [g.type, g.modality])).toEqual([
      ['call', 'occurred'],
      ['meeting', 'planned'],
    ]);
  });

  it('reads a bare weekday in the past perfect as last week’s when the paper is of that weekday', () => {
    const sat = '2021-09-18'; // a Saturday
    const [had] = candidates(
      'Ankara said two Turkish soldiers had been killed in an attack on Saturday in Idlib.',
      sat,
    );
    expect(had!.date).toMatchObject({ expression: 'on Saturday', earliest: '2021-09-11' });
    // The simple past follows the resolver, whose first reading is the publication day itself.
    const [past] = candidates('Two Turkish soldiers were killed in an attack on Saturday in Idlib.', sat);
    expect(past!.date.earliest).toBe(sat);
  });

  it('proposes a statement beside the news only when a speaker that is not a state is the verb’s subject', () => {
    const types = (text: string) => candidates(text).map((c) => c.type);
    expect(types('Ankara said two Turkish soldiers had been killed in an attack in Idlib.')).toEqual(['attack']);
    expect(types('Akar, speaking to journalists, said Russia carried out attacks on Idlib.')).toEqual([
      'attack',
      'statement',
    ]);
    expect(candidates('Akar, speaking to journalists, said Russia attacked Idlib.')[1]!.speaker).toBe('hulusi-akar');
    // A name further off, across lower-case words, is not the speaker.
    expect(types('Erdogan will visit Sochi next week, officials said.')).toEqual(['visit', 'statement']);
    expect(types('Erdogan will visit Sochi next week for talks with Putin on Idlib, officials said.')).toContain(
      'statement',
    );
    expect(types('Putin will visit Idlib next week to see the front lines in Sochi, reports said.')).toEqual(['visit']);
  });

  it('folds undated words of one speaker into the statement the article dates', () => {
    const text = `Erdogan will visit Sochi later this month, two officials said on Friday.
“The main item on the agenda is Syria,” a senior Turkish official said.`;
    const statements = groupCandidates(candidates(text), new Set([ERDOGAN.id])).filter((c) => c.type === 'statement');
    expect(statements).toHaveLength(1);
    expect(statements[0]!.sentences).toHaveLength(2);
    expect(statements[0]!.date.earliest).toBe('2021-09-17');
  });

  it('dates a definite reference by its own phrase unless a verb stands between them', () => {
    const [war] = candidates(
      'Ankara and Moscow were rivals in the fighting between Azeri and Armenian forces last year.',
    );
    expect(war).toMatchObject({ type: 'clash', reference: true });
    expect(war!.date).toMatchObject({ expression: 'last year', earliest: '2020-01-01' });
    const [deal] = candidates('Russia must uphold the Idlib deal, Akar said Tuesday.', '2021-09-28');
    expect(deal).toMatchObject({ type: 'agreement', reference: true });
    expect(deal!.date.resolution).toBe('inferred');
    // A participle right after the noun describes it: "a truce agreed 18 months ago" is dated by the phrase.
    const [truce] = candidates('Both sides complained of violations of a truce agreed to 18 months ago in Idlib.');
    expect(truce).toMatchObject({ type: 'ceasefire', reference: true });
    expect(truce!.date).toMatchObject({ expression: '18 months ago', earliest: '2020-03-01' });
  });

  it('gives the day of the saying to the statement, not to a happening it mentions as a noun', () => {
    const [meeting] = candidates('On Sunday, Erdogan said that he expected his meeting with Putin to go well.');
    expect(meeting).toMatchObject({ type: 'meeting' });
    expect(meeting!.date.resolution).toBe('inferred');
    // A noun with a verb of its own ("an air strike killed") keeps the date.
    const [strike] = candidates('Officials said on Friday that an air strike killed ten people in Idlib.');
    expect(strike).toMatchObject({ type: 'attack' });
    expect(strike!.date.earliest).toBe('2021-09-17');
  });

  it('tells topics, references and intended happenings from happenings by the words around a noun', () => {
    const role = (s: string, w: string) => triggerRole(s, s.indexOf(w), w);
    expect(role('The official said drone sales would be discussed in Sochi.', 'sales')).toBe('topic');
    expect(role('They will discuss the sanctions on Turkey.', 'sanctions')).toBe('topic');
    expect(role('Russia must abide by the ceasefire agreement.', 'ceasefire')).toBe('reference');
    expect(role('The presidents have agreed to have a meeting.', 'meeting')).toBe('intended');
    expect(role('Russian jets launched attacks on Idlib.', 'attacks')).toBeNull();
    // A verb is never a topic.
    expect(role('Erdogan and Putin discussed the attacks.', 'discussed')).toBeNull();
    expect(
      candidates('The official said drone sales to Ukraine would be discussed in Sochi.').map((c) => c.type),
    ).not.toContain('arms_deal');
    const [planned] = candidates('On Friday, Erdogan and Putin agreed to have a meeting in Sochi.');
    expect(planned).toMatchObject({ type: 'meeting', modality: 'planned' });
    expect(planned!.date.resolution).toBe('inferred');
  });

  it('drops a second trigger that only mentions a happening beside the news', () => {
    const types = (text: string) => candidates(text).map((c) => c.type);
    // A consequence nobody is reported to warn of.
    expect(types('Russia bombed schools in Idlib, causing the displacement of half the population.')).toEqual([
      'attack',
    ]);
    expect(types('Russia bombed schools in Idlib, causing the displacement of thousands, the UN said.')).toContain(
      'humanitarian_warning',
    );
    // A definite reference with no date after it.
    expect(types('Putin hopes the meeting with Erdogan brings peace as at the start of the memorandum.')).toEqual([
      'meeting',
    ]);
  });

  it('folds an undated plan that names no one into the article’s one planned meeting', () => {
    const text = `Erdogan will visit Putin in Sochi later this month.
The official said energy projects will be discussed.`;
    const groups = groupCandidates(candidates(text), new Set([ERDOGAN.id, PUTIN.id]));
    expect(groups.filter((g) => g.type !== 'statement')).toHaveLength(1);
    expect(groups[0]!.sentences).toHaveLength(2);
  });

  it('matches a statement to an existing one only when the speaker is the event’s speaker', () => {
    const [said] = candidates('Putin said on Friday the presence of foreign forces in Idlib is illegal.');
    expect(said).toMatchObject({ type: 'statement', speaker: 'vladimir-putin' });
    const event = {
      id: 'department-statement',
      type: 'statement' as const,
      file: 'x.yaml',
      earliest: '2021-09-17',
      latest: '2021-09-17',
      precision: 'day' as const,
      actorIds: ['turkish-officials-anonymous', 'vladimir-putin'],
      speakerIds: ['turkish-officials-anonymous'],
      placeIds: ['idlib'],
      title: 'A statement about Putin',
    };
    expect(findMatch(said!, [event], new Set([PUTIN.id]))).toBeNull();
    expect(findMatch(said!, [{ ...event, speakerIds: ['vladimir-putin'] }], new Set([PUTIN.id]))?.event.id).toBe(
      'department-statement',
    );
  });

  it('matches a meeting only with its participants, and not through one state a person stands for', () => {
    const [met] = candidates('Putin and Erdogan met in Sochi on Friday.');
    const event = {
      id: 'putin-assad',
      type: 'meeting' as const,
      file: 'x.yaml',
      earliest: '2021-09-17',
      latest: '2021-09-17',
      precision: 'day' as const,
      actorIds: ['vladimir-putin', 'bashar-al-assad'],
      placeIds: ['sochi'],
      title: 'Putin meets Assad',
    };
    const people = new Set([PUTIN.id, ERDOGAN.id, 'bashar-al-assad']);
    expect(findMatch(met!, [event], people)).toBeNull();
    expect(
      findMatch(met!, [{ ...event, actorIds: ['vladimir-putin', 'recep-tayyip-erdogan'] }], people),
    ).not.toBeNull();
    const [russian] = candidates('Putin held talks on Friday.');
    const talks = { ...event, id: 'state-talks', actorIds: ['russia', 'turkey'], placeIds: [] };
    expect(findMatch(russian!, [talks], people, new Map([[PUTIN.id, ['russia']]]))).toBeNull();
  });

  it('never dates a happening reported as held by a deadline after the paper, and makes a later date a plan', () => {
    const talks = candidates(
      'Putin, speaking after talks with Erdogan in Sochi, said heavy weapons must be withdrawn by October 10.',
    ).find((c) => c.type === 'meeting');
    expect(talks!.date.earliest).not.toBe('2021-10-10');
    const [visit] = candidates('Erdogan has visits to Sochi towards the end of the month.');
    expect(visit).toMatchObject({ type: 'visit', modality: 'planned' });
    // What was said was said, whatever it says will happen.
    const said = candidates('The zone will come into force by October 15, Putin told reporters.').find(
      (c) => c.type === 'statement',
    );
    expect(said).toMatchObject({ modality: 'occurred' });
    expect(said!.date.earliest).toBe('2021-09-18');
  });

  it('reads "said on Monday that they had agreed" as Monday’s saying, not a Monday before', () => {
    const monday = '2018-09-17';
    const [agreed] = candidates('Erdogan and Putin said on Monday they had agreed to create a zone in Idlib.', monday);
    expect(agreed).toMatchObject({ type: 'agreement' });
    expect(agreed!.date.earliest).toBe(monday);
  });

  it('dates what was said and who met, without a phrase of their own, to the day the lead reports', () => {
    const found = candidates(
      'Erdogan met Putin in Sochi on Wednesday.\nAs they sat down for talks, Putin said relations were good.',
      '2021-09-30',
    );
    expect(found[0]!.date.earliest).toBe('2021-09-29');
    const said = found.find((c) => c.type === 'statement');
    expect(said!.date).toMatchObject({ resolution: 'inferred', earliest: '2021-09-29' });
  });

  it('does not merge one side’s violence into an offensive the other side waged', () => {
    const [campaign] = candidates('Turkey has launched a military campaign in Idlib on Friday against the regime.');
    const offensive = {
      id: 'regime-offensive',
      type: 'offensive' as const,
      file: 'x.yaml',
      earliest: '2021-09-01',
      latest: '2021-09-30',
      precision: 'month' as const,
      actorIds: ['syrian-government-forces', 'russia'],
      attackerIds: ['syrian-government-forces', 'russia'],
      placeIds: ['idlib'],
      title: 'The regime offensive',
    };
    expect(campaign).toMatchObject({ type: 'offensive' });
    expect(findMatch(campaign!, [offensive], new Set())).toBeNull();
    expect(
      findMatch(campaign!, [{ ...offensive, actorIds: ['turkey'], attackerIds: ['turkey'] }], new Set()),
    ).not.toBeNull();
  });

  it('reads wire words for calls, sanctions and meetings', () => {
    expect(findTrigger('Erdogan and Putin have held phone talks.')?.type).toBe('call');
    expect(findTrigger('The United States imposed restrictions on the directorate.')?.type).toBe('sanction');
    expect(findTrigger('Aid is needed to meet their basic needs.')?.type).not.toBe('meeting');
    expect(findTrigger("Equipment procured to meet Turkey's air and missile defense need arrived.")?.type).not.toBe(
      'meeting',
    );
    expect(findTrigger('Turkey received the first batch of S-400 components.')?.type).toBe('arms_deal');
    expect(findTrigger('Russia and Turkey have agreed to create a buffer zone.')?.type).toBe('agreement');
    expect(findTrigger('They agreed to meet in Sochi.')?.type).toBe('meeting');
    expect(findTrigger('Ankara has sent reinforcements to its troops.')?.type).toBe('deployment');
    expect(findTrigger('Troops from Russia and Turkey will patrol the zone.')?.type).toBe('deployment');
    expect(findTrigger('Turkey emphasized the system would not be integrated.')?.type).toBe('statement');
  });

  it('reads the monitoring of a ceasefire as a deployment', () => {
    expect(findTrigger('Russia is working with Ankara to monitor it.')?.type).toBe('deployment');
  });

  it('reads the wire words for shooting down, retaliating, patrolling, memoranda and ceremonies', () => {
    expect(findTrigger('Two fighter jets shot down a drone over the sea.')?.type).toBe('attack');
    expect(findTrigger('The army said it retaliated within the hour.')?.type).toBe('attack');
    expect(findTrigger('Soldiers of both armies carried out a combined patrolling of the road.')?.type).toBe(
      'deployment',
    );
    expect(findTrigger('Armoured convoys moved into the province overnight.')?.type).toBe('deployment');
    expect(findTrigger('The two ministries signed a memorandum on the centre.')?.type).toBe('agreement');
    expect(findTrigger('Both sides agree new rules for the border')?.type).toBe('agreement');
    expect(findTrigger('The ministers held videoconference talks.')?.type).toBe('call');
    expect(findTrigger('The two presidents inaugurated the bridge on Friday.')?.type).toBe('meeting');
    expect(findTrigger('The ministry summoned the ambassador.')?.type).toBe('statement');
  });

  it('reads a demand, a proposal or a diplomatic protest as no happening of their own', () => {
    expect(findTrigger('Ankara proposed a truce, but the others refused.')?.type).not.toBe('ceasefire');
    expect(findTrigger('The capital summoned the envoy to protest the shelling.')?.type).not.toBe('protest');
    expect(findTrigger('Hundreds gathered to protest in the square.')?.type).not.toBe('protest');
    expect(findTrigger('Thousands protested in the square.')?.type).toBe('protest');
  });

  it('reads what is to be discussed, a meeting someone announced and a ceasefire qualifying a noun as topics', () => {
    const s = 'They meet to discuss the likely new government offensive.';
    expect(triggerRole(s, s.indexOf('offensive'), 'offensive')).toBe('topic');
    const t = 'The minister, who announced the meeting on a trip abroad, stressed the need for calm.';
    expect(triggerRole(t, t.indexOf('meeting'), 'meeting')).toBe('topic');
    const u = 'Both armies will staff a ceasefire monitoring centre.';
    expect(triggerRole(u, u.indexOf('ceasefire'), 'ceasefire')).toBe('topic');
  });

  it('reads a headline infinitive with a day as planned, that day being the next one', () => {
    const [c] = candidates('Erdogan and Putin to meet on Monday in Sochi\n\nThe weather was fine in the city today.');
    expect(c).toMatchObject({ type: 'meeting', modality: 'planned', headline: true });
    expect(c!.date.earliest).toBe('2021-09-20');
  });

  it('finds a speaker across a relative clause, and a pronoun subject beside a state named in the object', () => {
    const [visit, said] = candidates(
      'Akar, who announced the talks during a visit to Moscow, stressed that Turkey wants calm.',
    );
    expect(visit).toMatchObject({ type: 'visit' });
    expect(said).toMatchObject({ type: 'statement', speaker: 'hulusi-akar' });
    const cs = candidates(
      'Akar said on Friday the talks went well.\nHe added that Turkey has called on Russia to act.',
    );
    expect(cs.at(-1)).toMatchObject({ type: 'statement', speaker: 'hulusi-akar' });
  });

  it('takes a speaker the dataset does not know for the speaker of a statement', () => {
    const cs = candidates(
      'The Defense Ministry of Narnia said two soldiers had been killed in an attack in Idlib on Friday.',
    );
    const st = cs.find((c) => c.type === 'statement');
    expect(st?.speaker).toMatch(/^new:.*Ministry/);
  });

  it('keeps a strike back apart from the strike it answers, and folds "the attack" into the one just told', () => {
    const groups = groupCandidates(
      candidates(
        'Two Turkish soldiers were killed in an attack in Idlib on Friday.\nThe attack, blamed on rebels, also wounded five.\nTurkey said its retaliatory fire killed ten rebels in Idlib.',
      ),
      new Set(['hulusi-akar']),
    ).filter((g) => g.type === 'attack');
    expect(groups).toHaveLength(2);
    expect(groups[0]!.sentences).toHaveLength(2);
    expect(groups[1]).toMatchObject({ retaliation: true });
  });
});

describe('names without diacritics, armed forces by demonym', () => {
  const TURKS = { id: 'turkey', name: 'Turkey', aliases: ['Turkey'], kind: 'state', countryCode: 'TR' };
  const ARMY = {
    id: 'turkish-armed-forces',
    name: 'Turkish Armed Forces',
    aliases: [],
    kind: 'armed-forces',
    countryCode: 'TR',
  };
  const CAV = { id: 'cavusoglu', name: 'Mevlüt Çavuşoğlu', aliases: ['Cavusoglu'], kind: 'person' };
  it('folds diacritics letter for letter', () => {
    expect(foldDiacritics('Çavuşoğlu, Erdoğan, İzmir, ılık')).toBe('Cavusoglu, Erdogan, Izmir, ilik');
  });
  it('finds "Çavuşoğlu" by the alias "Cavusoglu", quoted as the text spells it', () => {
    expect(matchKnownNames('Çavuşoğlu spoke.', [CAV], [])).toMatchObject([
      { id: 'cavusoglu', text: 'Çavuşoğlu', index: 0 },
    ]);
  });
  it('reads a demonym before a word for armed men as the armed forces, when the dataset has them', () => {
    const ids = (s: string) => matchKnownNames(s, [TURKS, ARMY], []).map((n) => n.id);
    expect(ids('Turkish fighter jets flew over the sea.')).toEqual(['turkish-armed-forces']);
    expect(ids('Turkish and allied troops entered the town.')).toEqual(['turkey']);
    expect(ids('Turkish special forces entered the town.')).toEqual(['turkish-armed-forces']);
    expect(ids('Turkish officials spoke.')).toEqual(['turkey']);
    expect(matchKnownNames('Turkish troops left.', [TURKS], []).map((n) => n.id)).toEqual(['turkey']);
  });
  it('never proposes a known name as new, and drops a title before an unknown one', () => {
    const spelled = knownSpellings([TURKS]);
    const s = "Minister Ivan Petrovsky said Turkey's airspace was violated.";
    const unknown = findUnknownNames(s, [], spelled);
    expect(unknown.map((u) => u.text)).not.toContain('Turkey');
    expect(unknown.map((u) => u.text)).toContain('Ivan Petrovsky');
  });
});

describe('titles, voices named before, hopes in quotes, references to a dated happening', () => {
  const RUSSIA = { id: 'russia', name: 'Russia', aliases: ['Russia', 'Moscow'], kind: 'state' };
  const RU_ARMY = { id: 'russian-armed-forces', name: 'Russian Armed Forces', aliases: [], kind: 'armed-forces' };
  const IDLIB = { id: 'idlib', name: 'Idlib', aliases: ['Idlib'], kind: 'admin1' };
  const actors = [ERDOGAN, PUTIN, TURKEY, RUSSIA, RU_ARMY];
  const candidates = (text: string, anchor = '2020-03-20') =>
    findCandidates(splitSentences(text), anchor, actors, [SOCHI, IDLIB]);

  it('titles a proposal as a headline: who, what, where, and "to" for a plan', () => {
    const c = { type: 'meeting' as const, modality: 'planned' as const, speaker: null, actors: [] };
    expect(eventTitle(c, ['Erdoğan', 'Putin'], 'Sochi', 'x')).toBe('Erdoğan and Putin to meet in Sochi');
    expect(eventTitle({ ...c, modality: 'occurred' }, ['Erdoğan', 'Putin'], 'Sochi', 'x')).toBe(
      'Erdoğan and Putin meet in Sochi',
    );
    expect(eventTitle({ ...c, type: 'statement', modality: 'occurred' }, ['Putin'], null, 'x')).toBe(
      'Putin makes a statement',
    );
  });

  it('gives "the ministry said" to the body heard speaking before', () => {
    const cs = candidates(
      'Two soldiers were wounded in Idlib on Thursday, the Defense Ministry of Narnia said.\nThe ministry said the wounded were taken to hospital.',
    );
    const second = cs.filter((c) => c.type === 'statement').at(-1)!;
    expect(second.sentences[0]!.text).toMatch(/^The ministry said/);
    expect(second.speaker).toMatch(/^new:.*Ministry/);
  });

  it('reads what a quotation promises as the speaker’s words, not as a planned happening', () => {
    const cs = candidates('“Our troops will be deployed to keep the calm in Idlib,” Putin said on Friday.');
    expect(cs.map((c) => c.type)).not.toContain('deployment');
    // Outside quotation marks the plan is reported.
    expect(candidates('Putin said on Friday troops will be deployed in Idlib.').map((c) => c.type)).toContain(
      'deployment',
    );
  });

  it('folds an undated reference into the dated happening of that type among the same actors', () => {
    const groups = groupCandidates(
      candidates(
        'Erdogan met Putin on Friday.\nPutin said talks went well.\nThe patrol was part of the earlier agreement between Turkey and Russia.\nTurkey and Russia signed an agreement on March 5.',
      ),
      new Set(['recep-tayyip-erdogan', 'vladimir-putin']),
    ).filter((g) => g.type === 'agreement');
    expect(groups).toHaveLength(1);
    expect(groups[0]!.sentences).toHaveLength(2);
  });

  it('lets a state stand for its armed forces in an undated strike, not in a dated one', () => {
    const existing = [
      {
        id: 'russian-strikes',
        type: 'attack' as const,
        file: 'x.yaml',
        earliest: '2015-09-01',
        latest: '2021-09-28',
        precision: 'years' as const,
        actorIds: ['russian-armed-forces'],
        placeIds: ['idlib'],
        title: 'Russian air strikes',
      },
    ];
    const forcesOf = new Map([['russia', ['russian-armed-forces']]]);
    const [undated] = candidates(
      'Erdogan met Putin on Friday.\nPutin said on Friday that talks went well.\nErdogan said on Friday he agreed.\nRussia has repeatedly carried out air strikes in Idlib.',
    ).filter((c) => c.type === 'attack');
    expect(findMatch(undated!, existing, new Set(), new Map(), forcesOf)?.event.id).toBe('russian-strikes');
    const [dated] = candidates('Russia carried out air strikes in Idlib on March 18.').filter(
      (c) => c.type === 'attack',
    );
    expect(findMatch(dated!, existing, new Set(), new Map(), forcesOf)).toBeNull();
  });
});

describe('wire words for arms, figures of speech, watched truces, roles as subjects', () => {
  const RUSSIA = { id: 'russia', name: 'Russia', aliases: ['Russia', 'Moscow'], kind: 'state' };
  const IDLIB = { id: 'idlib', name: 'Idlib', aliases: ['Idlib'], kind: 'admin1' };
  const actors = [ERDOGAN, PUTIN, TURKEY, RUSSIA];
  const candidates = (text: string, anchor = '2020-03-20') =>
    findCandidates(splitSentences(text), anchor, actors, [SOCHI, IDLIB]);

  it.each([
    ['Moscow will finish delivering the missiles to Ankara next month.', 'arms_deal'],
    ['A neighbour supplied the rockets and missiles.', 'arms_deal'],
    ['The pipeline is a clear demonstration of friendship, he said.', 'statement'],
    ['The three-month air and ground campaign left the valley in ruins.', 'offensive'],
    ['The two armies opened a joint centre in the town.', 'deployment'],
  ])('%s → %s', (sentence, type) => {
    expect(findTrigger(sentence)?.type).toBe(type);
  });

  it('reads a ceasefire watched over as the watch’s object, and a ceasefire agreed as a ceasefire', () => {
    const watched = candidates('Turkey and Russia opened a joint centre on Friday to monitor the ceasefire in Idlib.');
    expect(watched.map((c) => c.type)).toEqual(['deployment']);
    const [signed] = candidates('Turkey and Russia signed a ceasefire agreement on March 5.');
    expect(signed).toMatchObject({ type: 'ceasefire', modality: 'occurred' });
    const [agreed] = candidates('Turkey and Russia agreed to a truce in Idlib on Friday.');
    expect(agreed).toMatchObject({ type: 'ceasefire', modality: 'occurred' });
  });

  it('dates a saying to the day it is reported, not to the future it speaks of', () => {
    const st = candidates(
      'Erdogan met Putin in Sochi on Friday.\nPutin said on Friday talks were good.\nThe plant will open in 2025, he added.',
    ).at(-1)!;
    expect(st).toMatchObject({ type: 'statement' });
    expect(st.date).toMatchObject({ earliest: '2020-03-20', latest: '2020-03-20' });
  });

  it('gives a sentence whose subject is a role the actors last named', () => {
    const cs = candidates(
      'Two soldiers of Turkey were wounded in Idlib on Friday.\nA third was hurt in the blast.\nThe ministry said the troops hit back with a counterattack.',
    );
    const back = cs.find((c) => c.sentences[0]!.text.startsWith('The ministry') && c.type === 'attack');
    expect(back?.actors.map((a) => a.id)).toEqual(['turkey']);
  });

  it('folds a delivery of a day into the purchase of years it is a step of', () => {
    const deal = {
      id: 'missile-purchase',
      type: 'arms_deal' as const,
      file: 'x.yaml',
      earliest: '2017-01-01',
      latest: '2019-12-31',
      precision: 'years' as const,
      actorIds: ['turkey', 'russia'],
      placeIds: [],
      title: 'Turkey buys missiles',
    };
    const [c] = candidates('Russia delivered the missiles to Turkey on July 12, 2019.', '2019-07-20');
    expect(c).toMatchObject({ type: 'arms_deal' });
    expect(findMatch(c!, [deal], new Set())?.event.id).toBe('missile-purchase');
  });
});

describe('modal cues after a noun that are not its own', () => {
  it('reads a noun as occurred when the modal after it is across a verb of saying or in a clause of its effect', () => {
    const s = 'After hours of talks in the capital, he said the truce will hold.';
    expect(findModalityAt(s, s.indexOf('talks'), false).modality).toBe('occurred');
    const t = 'They reached agreements that could end the fighting.';
    expect(findModalityAt(t, t.indexOf('agreements'), false).modality).toBe('occurred');
    // The noun's own clause still says it is to come.
    const u = 'The meeting, which is due to start at noon, will focus on trade.';
    expect(findModalityAt(u, u.indexOf('meeting'), false).modality).toBe('planned');
  });
  it('reads a ceasefire sought as the aim of a meeting, not a ceasefire', () => {
    const IDLIB = { id: 'idlib', name: 'Idlib', aliases: ['Idlib'], kind: 'admin1' };
    const cs = findCandidates(
      splitSentences('The leaders met in Sochi on Friday to find a lasting ceasefire in Idlib.'),
      '2020-03-20',
      [ERDOGAN, PUTIN],
      [SOCHI, IDLIB],
    );
    expect(cs.map((c) => c.type)).not.toContain('ceasefire');
  });
});

describe('a span after a happening dates the earlier one', () => {
  const RUSSIA = { id: 'russia', name: 'Russia', aliases: ['Russia'], kind: 'state' };
  const candidates = (text: string) => findCandidates(splitSentences(text), '2020-03-20', [TURKEY, RUSSIA], []);
  it('dates "two weeks after X signed a ceasefire agreement" two weeks before the happening told, as a ceasefire', () => {
    const truce = candidates(
      'Erdogan spoke on Friday.\nPutin spoke on Friday.\nThe raid on Friday came two weeks after Turkey and Russia signed a ceasefire agreement.',
    ).find((c) => c.type === 'ceasefire');
    expect(truce?.date).toMatchObject({ earliest: '2020-03-03', latest: '2020-03-09', expression: 'two weeks after' });
  });
  it('dates "a day after" to the day before', () => {
    const moved = candidates('The shelling came a day after Turkey sent troops into the town.').find(
      (c) => c.type === 'deployment',
    );
    expect(moved?.date).toMatchObject({ earliest: '2020-03-19', latest: '2020-03-19', precision: 'day' });
  });
});

describe('a saying whose subject is a pronoun or a role, beside another happening', () => {
  const RUSSIA = { id: 'russia', name: 'Russia', aliases: ['Russia', 'Moscow'], kind: 'state' };
  const candidates = (text: string) =>
    findCandidates(splitSentences(text), '2020-03-20', [ERDOGAN, PUTIN, TURKEY, RUSSIA], [SOCHI]);
  it('gives "he said" beside a happening to the person last heard, as a statement of its own', () => {
    const said = candidates(
      'On Monday, Erdogan accused Moscow of bad faith in the talks. On Tuesday, he said he was "saddened" by the downing of the drone.',
    ).filter((c) => c.type === 'statement');
    expect(said.map((c) => [c.speaker, c.date.earliest])).toEqual([
      ['recep-tayyip-erdogan', '2020-03-16'],
      ['recep-tayyip-erdogan', '2020-03-17'],
    ]);
  });
  it('reads "Narnia’s foreign ministry warned" and "the foreign ministry of Narnia warned" as the state speaking', () => {
    for (const text of [
      'Turkey’s foreign ministry on Tuesday warned that trips to Russia should be postponed.',
      'The foreign ministry of Turkey warned that trips to Russia should be postponed.',
    ]) {
      const said = candidates(text).find((c) => c.type === 'statement');
      expect(said?.speaker).toBe('turkey');
    }
  });
});

describe('a headline, its deck and the lead telling one sanction', () => {
  it('folds "announces sanctions" into the lead’s "retaliatory sanctions": only force strikes back', () => {
    const RUSSIA = { id: 'russia', name: 'Russia', aliases: ['Russia', 'Moscow'], kind: 'state' };
    const text = `Moscow announces sanctions on Turkey

Published: March 6, 2020

Russia has announced retaliatory sanctions against Turkey over the downing of a drone on Tuesday.
`;
    const draft = draftArticle(
      text,
      { ...DATA, actors: [...DATA.actors, { ...TURKEY, kind: 'state' }, { ...RUSSIA, kind: 'state' }], events: [] },
      { fileName: 'd.txt' },
      () => null,
    );
    const sanctions = draft.events.filter((e) => e.record.type === 'sanction');
    expect(sanctions).toHaveLength(1);
    expect(sanctions[0]!.record.evidence).toHaveLength(2);
  });
  it('reads a deck under the date line as the headline’s, folded into the lead', () => {
    const RUSSIA = { id: 'russia', name: 'Russia', aliases: ['Russia', 'Moscow'], kind: 'state' };
    const text = `Moscow announces sanctions on Turkey

Published: March 6, 2020

Russia announces sanctions against Turkey over the downing of a drone

Russia has announced sanctions against Turkey over the downing of a drone on Tuesday.
`;
    const draft = draftArticle(
      text,
      { ...DATA, actors: [...DATA.actors, { ...TURKEY, kind: 'state' }, { ...RUSSIA, kind: 'state' }], events: [] },
      { fileName: 'e.txt' },
      () => null,
    );
    const sanctions = draft.events.filter((e) => e.record.type === 'sanction');
    expect(sanctions).toHaveLength(1);
    expect(sanctions[0]!.record.evidence).toHaveLength(3);
  });
});
