import { describe, expect, it } from 'vitest';
import { findCandidates } from './candidates.ts';
import { draftArticle, type CuratedData } from './draft.ts';
import { findMatch, groupCandidates, type ExistingEvent } from './merge.ts';
import { findUnknownNames } from './names.ts';
import { splitSentences } from './sentences.ts';
import { findClutter } from './source.ts';
import { triggerRole } from './syntax.ts';
import { findTrigger, findTriggers } from './triggers.ts';

const TURKEY = { id: 'turkey', name: 'Turkey', aliases: ['Turkey', 'Ankara'], kind: 'state' };
const RUSSIA = { id: 'russia', name: 'Russia', aliases: ['Russia', 'Moscow'], kind: 'state' };
const GERMANY = { id: 'germany', name: 'Germany', aliases: ['Germany'], kind: 'state' };
const PUTIN = { id: 'vladimir-putin', name: 'Vladimir Putin', aliases: ['Putin'], kind: 'person' };
const ERDOGAN = { id: 'recep-tayyip-erdogan', name: 'Recep Tayyip Erdoğan', aliases: ['Erdogan'], kind: 'person' };
const RU_ARMY = { id: 'russian-armed-forces', name: 'Russian Armed Forces', aliases: [], kind: 'armed-forces' };
const actors = [TURKEY, RUSSIA, PUTIN, ERDOGAN, RU_ARMY, GERMANY];
const candidates = (text: string, anchor = '2020-03-20') => findCandidates(splitSentences(text), anchor, actors, []);

describe('wire-copy words for attacks and sayings', () => {
  it('reads a shooting with words between "shot" and "down", or of people, as an attack', () => {
    expect(findTrigger('Two fighters intercepted the bombers and shot one of them down near the border.')?.type).toBe(
      'attack',
    );
    expect(findTrigger('Gunmen on the ground shot both pilots as they descended.')?.type).toBe('attack');
  });

  it('reads "called the incident a …" as a statement, not "called on" or "called for"', () => {
    expect(findTrigger('The president called the incident a stab in the back.')?.type).toBe('statement');
    expect(findTrigger('The minister called it “a provocation”.')?.type).toBe('statement');
  });

  it('does not take a news agency reporting for a statement', () => {
    expect(findTriggers('The convoy reached the town on Monday, Reuters reported.').map((t) => t.type)).not.toContain(
      'statement',
    );
    // The speaker before it still speaks.
    expect(findTriggers('A commander said his men fired at the convoy, AFP reported.').map((t) => t.words)).toContain(
      'said',
    );
  });

  it('gives "Turkish officials said", "the Russian military says" to the state or body they speak for', () => {
    const [st] = candidates('Turkish officials said the jet had crossed the border on Monday.');
    expect(st?.type).toBe('statement');
    expect(st?.speaker).toBe('turkey');
    const ru = candidates('The Russian military says gunmen attacked the army posts on Monday.');
    expect(ru.find((c) => c.type === 'statement')?.speaker).toMatch(/^russia/);
  });

  it('takes a capitalised name before a verb of saying for a speaker, and no news agency for a name', () => {
    const names = findUnknownNames('Deliveries through the line began, gas operator Gastrans said on Sunday.', []);
    expect(names.map((n) => n.text)).toContain('Gastrans');
    const agency = findUnknownNames('The talks ended without a deal, Reuters reported.', []);
    expect(agency.map((n) => n.text)).not.toContain('Reuters');
    const [st] = candidates('Turkey began gas deliveries on Sunday, gas operator Gastrans said.').filter(
      (c) => c.type === 'statement',
    );
    expect(st?.speaker).toBe('new:Gastrans');
  });

  it('takes "discussed in a telephone conversation" for a call, the phone being how they talked', () => {
    const s = 'Putin and Erdogan discussed in a telephone conversation the situation in the region.';
    expect(triggerRole(s, s.indexOf('telephone conversation'), 'telephone conversation')).not.toBe('topic');
    expect(candidates(s)[0]?.type).toBe('call');
  });
});

const KARABAKH = { id: 'karabakh', name: 'Karabakh', aliases: ['Karabakh'], kind: 'region' };
const RUSSIA_PLACE = { id: 'russia', name: 'Russia', aliases: ['Russia'], kind: 'country' };
const ARMENIA = { id: 'armenia', name: 'Armenia', aliases: ['Armenia'], kind: 'country' };
const inPlaces = (text: string, anchor = '2021-05-05') =>
  findCandidates(splitSentences(text), anchor, [TURKEY, RUSSIA], [KARABAKH, RUSSIA_PLACE, ARMENIA]);
const existing = (over: Partial<ExistingEvent>): ExistingEvent => ({
  id: 'x',
  type: 'clash',
  file: 'x.yaml',
  earliest: '2020-01-01',
  latest: '2020-12-31',
  precision: 'year',
  actorIds: [],
  placeIds: [],
  title: 'x',
  ...over,
});

describe('dated happenings that name no one, and the events they belong to', () => {
  it('reads "joint Turkish-Russian patrols" as a deployment', () => {
    expect(findTrigger('Joint Turkish-Russian patrols would begin along the road.')?.type).toBe('deployment');
  });

  it('gives a dated sentence naming no one the places last named', () => {
    const cs = inPlaces(
      'Fighting over Karabakh went on for weeks, Turkey said.\nThe third joint patrol was carried out on May 2.',
    );
    const patrol = cs.find((c) => c.type === 'deployment');
    expect(patrol?.places.map((p) => p.id)).toEqual(['karabakh']);
    expect(patrol?.date.earliest).toBe('2021-05-02');
    // Undated, it stays unproposed: nothing says it is news of its own.
    expect(
      inPlaces('Turkey spoke of Karabakh.\nThe third joint patrol was carried out.').some(
        (c) => c.type === 'deployment',
      ),
    ).toBe(false);
  });

  it('merges the day a war began into the war of that year', () => {
    const [c] = inPlaces('In Karabakh, hostilities began on 27 September 2020.');
    const war = existing({ id: 'war', placeIds: ['karabakh'], actorIds: ['armenia'] });
    expect(findMatch(c!, [war], new Set())?.event.id).toBe('war');
    // A day of fighting that is not its start is not the year's war.
    const [d] = inPlaces('In Karabakh, fighting raged on 27 September 2020.');
    expect(findMatch(d!, [war], new Set())).toBeNull();
  });

  it('counts a country read as a place as the state an event names as its actor', () => {
    const [c] = inPlaces('On November 9, a statement was signed by the leaders of Russia and Armenia.', '2020-11-20');
    const truce = existing({
      id: 'truce',
      type: 'ceasefire',
      earliest: '2020-11-01',
      latest: '2020-11-30',
      precision: 'month',
      actorIds: ['russia', 'armenia'],
      placeIds: ['karabakh'],
    });
    expect(c?.type).toBe('agreement');
    expect(findMatch(c!, [truce], new Set())?.event.id).toBe('truce');
  });
});

describe('contracts for weapons, ministers elaborating, truces agreed', () => {
  it('reads "the ministers elaborated on the details" as a statement', () => {
    expect(findTrigger('The two ministers later elaborated on the details.')?.type).toBe('statement');
  });

  it('takes a contract for weapons, or after a sentence on them, for an arms deal', () => {
    const cs = candidates(
      'Turkey bought the S-400 missiles from Russia.\nRussia confirmed in May 2018 that the contract had been signed.',
    );
    expect(cs.at(-1)?.type).toBe('arms_deal');
    const gas = candidates(
      'Russia and Turkey spoke of gas.\nRussia confirmed in May 2018 that the contract had been signed.',
    );
    expect(gas.at(-1)?.type).toBe('agreement');
  });

  it('folds an undated agreement among the parties to a truce into the truce of that month', () => {
    const [c] = inPlaces('Turkey and Russia agreed to establish a corridor in Karabakh.', '2020-11-05');
    const truce = existing({
      id: 'truce',
      type: 'ceasefire',
      earliest: '2020-11-01',
      latest: '2020-11-30',
      precision: 'month',
      actorIds: ['turkey', 'russia'],
      placeIds: ['karabakh'],
    });
    expect(c?.type).toBe('agreement');
    expect(findMatch(c!, [truce], new Set())?.event.id).toBe('truce');
  });

  it('takes no part of a name compromise found for a speaker of its own', () => {
    const names = findUnknownNames(
      'The head of the Service for Military Cooperation Ivan Petrovsky said on Tuesday.',
      [],
    );
    expect(names.filter((n) => n.text.includes('Petrovsky')).length).toBeLessThanOrEqual(1);
  });
});

describe('sides in violence', () => {
  it('does not fold an offensive on the attackers of an existing offensive into it', () => {
    const SY_ARMY = { id: 'sy-army', name: 'Syrian army', aliases: ['Syrian army'], kind: 'armed-forces' };
    const IDLIB = { id: 'idlib', name: 'Idlib', aliases: ['Idlib'], kind: 'admin1' };
    const read = (text: string) => findCandidates(splitSentences(text), '2020-02-20', [RU_ARMY, SY_ARMY], [IDLIB]);
    const offensive = existing({
      id: 'gov-offensive',
      type: 'offensive',
      earliest: '2019-04-01',
      latest: '2020-03-05',
      precision: 'months',
      actorIds: ['sy-army', 'russian-armed-forces'],
      attackerIds: ['sy-army', 'russian-armed-forces'],
      placeIds: ['idlib'],
    });
    const [against] = read('In Idlib, rebels launched an offensive on Syrian army positions in February 2020.');
    expect(findMatch(against!, [offensive], new Set())).toBeNull();
    const [by] = read('In Idlib, the Syrian army pressed its offensive in February 2020.');
    expect(findMatch(by!, [offensive], new Set())?.event.id).toBe('gov-offensive');
  });
});

describe('titles a reviewer need not rewrite from scratch', () => {
  const data: CuratedData = {
    sources: [],
    actors: [
      { ...ERDOGAN, kind: 'person', countryCode: 'TR' },
      { ...PUTIN, kind: 'person', countryCode: 'RU' },
      { ...TURKEY, kind: 'state', countryCode: 'TR' },
      { ...RUSSIA, kind: 'state', countryCode: 'RU' },
      { id: 'germany', name: 'Germany', aliases: ['Germany', 'German'], kind: 'state', countryCode: 'DE' },
      { ...RU_ARMY, aliases: ['Russian troops'], kind: 'armed-forces', countryCode: 'RU' },
    ],
    places: [
      { id: 'idlib', name: 'Idlib', aliases: ['Idlib'], kind: 'admin1', countryCode: 'SY', lat: 35.9, lon: 36.6 },
      { id: 'sea', name: 'Black Sea', aliases: ['Black Sea'], kind: 'water', countryCode: null, lat: 43, lon: 34 },
    ],
    events: [],
  };
  const titles = (text: string) =>
    draftArticle(text, data, { fileName: 'a.txt', published: '2020-03-02' }, () => null).events.map(
      (e) => e.record.title,
    );

  it('names the two people who meet, not the states they spoke of, and no region for a venue', () => {
    expect(titles('Erdogan and Putin will meet on Thursday to discuss Idlib and the German position.')).toContain(
      'Erdoğan and Putin to meet',
    );
  });

  it('puts no place on a statement, and a state before its forces', () => {
    const t = titles(
      'Turkey and Russia deployed Russian troops in Idlib on Sunday.\nErdogan said on Sunday the Black Sea was calm.',
    );
    expect(t).toContain('Turkey and Russia deploy in Idlib');
    expect(t).toContain('Erdoğan makes a statement');
  });

  it('titles an arms deal as a sentence, and takes no platform for an actor', () => {
    const t = titles('Turkey bought S-400 missiles from Russia in 2019, the ministry said on its Twitter account.');
    expect(t[0]).toBe('Turkey and Russia make an arms deal');
    expect(t.join(' ')).not.toContain('Twitter');
  });
});

describe('background told in passing', () => {
  it('dates what a document laid down by the document', () => {
    const cs = inPlaces(
      'On November 9, a statement was signed by Russia and Armenia.\nIt stipulated that Russian peacekeepers were deployed in Karabakh.',
      '2021-05-05',
    );
    const deployed = cs.find((c) => c.type === 'deployment');
    expect(deployed?.date.earliest).toBe('2020-11-09');
  });

  it('takes "Ankara\u2019s decision to purchase missiles" for an earlier purchase the opening phrase does not date', () => {
    const [c] = candidates('Earlier this year, Ankara’s decision to purchase missiles from Russia angered Washington.');
    expect(c?.type).toBe('arms_deal');
    expect(c?.reference).toBe(true);
    expect(c?.date.expression).toBeNull();
  });
});

describe('frames, outlets and plans of another kind', () => {
  it('takes "within the framework of the agreement" for a reference to an earlier agreement', () => {
    const s = 'Within the framework of the Sochi Agreement, the fifth patrol was conducted on Monday.';
    expect(triggerRole(s, s.indexOf('Agreement'), 'Agreement')).toBe('reference');
  });

  it('takes a Turkish daily reporting for no statement', () => {
    expect(findTriggers('The jet fell in the hills, Haberturk reported.').map((t) => t.type)).not.toContain(
      'statement',
    );
  });

  it('keeps a planned phone call apart from the one planned meeting', () => {
    const groups = groupCandidates(
      candidates(
        'Erdogan and Putin agreed to a meeting next week.\nThe Turkish leader also plans to speak to Germany by phone.',
      ),
      new Set(['recep-tayyip-erdogan', 'vladimir-putin']),
    );
    expect(groups.map((g) => g.type).sort()).toEqual(['call', 'meeting']);
  });
});

describe('the date of a happening named as a reference', () => {
  it('takes the phrase after a reference, across no verb, when the nearer one belongs to another verb', () => {
    const [c] = candidates(
      'Relations improved in 2016 after Erdogan apologised for the downing of the Russian bomber over the border with Syria in November 2015.',
      '2018-10-10',
    );
    expect(c?.type).toBe('attack');
    expect(c?.date.earliest).toBe('2015-11-01');
  });

  it('does not take "a Russian fighter jet" for a verb between a reference and its date', () => {
    const [c] = candidates(
      'Ties have warmed after Erdogan apologised for the downing of a Russian fighter jet along the border in 2015.',
      '2018-10-10',
    );
    expect(c?.date.earliest).toBe('2015-01-01');
  });
});

describe('a third happening with a date of its own', () => {
  it('reads a flare-up dated last year beside the opening and the truce of the sentence', () => {
    const cs = inPlaces(
      'Russia and Turkey opened a centre on Saturday to watch a truce that was agreed following a flare-up in Karabakh last year.',
      '2021-01-30',
    );
    const clash = cs.find((c) => c.type === 'clash');
    expect(clash?.date.earliest).toBe('2020-01-01');
    expect(cs.map((c) => c.type)).toContain('deployment');
  });
});

describe('groups described by what they do', () => {
  it('takes "rebels fighting the regime" for who the rebels are, not a clash', () => {
    const s = 'He spoke of Turkey’s support for rebels fighting the regime.';
    expect(triggerRole(s, s.indexOf('fighting'), 'fighting')).toBe('topic');
    const t = 'Fighting between rebels and the army went on.';
    expect(triggerRole(t, 0, 'Fighting')).toBeNull();
  });
});

describe('the day the news is of', () => {
  it('is the lead’s main happening, not the one it is told against', () => {
    const text = [
      'Russia and Turkey meet on Syria after envoy killing',
      '',
      'Foreign ministers of Russia and Turkey have met in Moscow for talks, a day after the Russian envoy was shot dead in Ankara.',
      '',
      'Putin said the killing was a provocation aimed at the talks.',
    ].join('\n');
    const found = candidates(text, '2016-12-20');
    // "a day after": the shooting was the day before.
    expect(found.find((c) => c.type === 'attack')?.date.earliest).toBe('2016-12-19');
    // The saying, undated, is of the day the lead reports: the meeting's, which is the paper's.
    expect(found.find((c) => c.type === 'statement')?.date.earliest).toBe('2016-12-20');
  });
});

describe('the story’s time', () => {
  it('dates an undated happening told in the past by the sentence before, not by the paper', () => {
    const text = [
      'Turkey downs Russian jet',
      '',
      'Turkish jets shot down a Russian bomber near the border on Tuesday, Turkey said, in the first such clash.',
      '',
      'The rescued Russian navigator was brought to a base in Syria.',
      '',
      'A Russian marine was killed when rebels attacked a rescue helicopter sent by Russia.',
    ].join('\n');
    const attacks = candidates(text, '2015-11-28').filter((c) => c.type === 'attack');
    expect(attacks.map((c) => c.date.earliest)).toEqual(['2015-11-24', '2015-11-24']);
    expect(attacks[1]!.date.note).toMatch(/the story's time/);
  });

  it('leaves how things stand, and a saying after a paragraph on the past, to the day of writing', () => {
    const text = [
      'Putin and Erdogan to meet',
      '',
      'Putin and Erdogan will meet in Sochi next week, the Kremlin announced on Friday, in a move welcomed by Turkey.',
      '',
      'Turkey shot down a Russian jet in November 2015, and Russia imposed sanctions on Turkey.',
      '',
      'Erdogan said on television that relations with Russia were now good.',
      '',
      'Russian troops are deployed across Syria and Turkey keeps posts in Idlib.',
    ].join('\n');
    const found = candidates(text, '2021-09-18');
    expect(found.find((c) => c.type === 'statement' && /television/.test(c.sentences[0]!.text))?.date.earliest).toBe(
      '2021-09-18',
    );
  });

  it('reads "are to meet in July" and "hoped to meet" as plans', () => {
    const found = candidates(
      'The envoys of Turkey and Russia are to meet again in Astana in July, officials said.',
      '2017-05-08',
    );
    expect(found.find((c) => c.type === 'meeting')).toMatchObject({
      modality: 'planned',
      date: { earliest: '2017-07-01' },
    });
    const hoped = candidates(
      'Erdogan said he hoped to meet Putin at the climate summit in Paris on Monday.',
      '2015-11-28',
    );
    expect(hoped.find((c) => c.type !== 'statement')).toMatchObject({
      modality: 'planned',
      date: { earliest: '2015-11-30' },
    });
  });
});

describe('sayings that only say where the news comes from', () => {
  it('are no statements of their own after a happening told as taken place', () => {
    const types = (s: string) => candidates(s, '2020-02-04').map((c) => c.type);
    expect(
      types('Turkish jets struck 54 targets in Idlib on Monday, the Turkish defence ministry said on Tuesday.'),
    ).toEqual(['attack']);
    // What was said after the verb, a plan, a quotation: the saying is news.
    expect(types('After talks with Erdogan in Sochi, Putin said relations were good.')).toContain('statement');
    expect(types('Turkey will respond to any attack in Idlib, Erdogan said.')).toContain('statement');
  });

  it('reads causes, judged objects and participles after their noun as happenings referred to', () => {
    const types = (s: string) => candidates(s, '2015-11-28').map((c) => c.type);
    const decree = candidates('Putin signs decree imposing economic sanctions on Turkey over downed jet', '2015-11-28');
    expect(decree.map((c) => [c.type, c.reference])).toEqual([
      ['sanction', false],
      ['attack', true],
    ]);
    expect(types('NATO chief Stoltenberg condemned the air strikes by Russia in Idlib.')).toEqual(['statement']);
    expect(types('Erdogan struck a conciliatory tone on Saturday about Russia.')).not.toContain('attack');
    expect(types('The Kremlin has not said whether Putin will agree to meet Erdogan in Turkey.')).not.toContain(
      'agreement',
    );
  });
});

describe('what is no happening of the story', () => {
  it('skips credit lines, views without a speaker and tourists counted', () => {
    const types = (s: string) => candidates(s, '2019-10-23').map((c) => c.type);
    expect(types('Fraser reported from Ankara, Turkey.')).toEqual([]);
    expect(types('Reporting by Idrees Ali in Washington; Editing by Turkey desk')).toEqual([]);
    expect(
      findClutter('Headline of the day\n\nBy SUZAN FRASER and VLADIMIR ISACHENKOV\n\n___\n\nBody.').map((c) => c.line),
    ).toEqual([3, 5]);
    expect(types('Critics called it a betrayal of the Kurds by Turkey and Russia.')).toEqual([]);
    expect(types('More than 4 million Russians visited Turkey in 2014, second only to Germans.')).toEqual([]);
  });

  it('keeps a call’s content in the call and a toll with the violence it counts', () => {
    expect(
      candidates('Erdogan told Putin in a phone call that Turkey would respond to any attack.', '2020-02-04').map(
        (c) => c.type,
      ),
    ).toEqual(['call']);
    const groups = groupCandidates(
      candidates(
        'Turkish jets struck Syrian positions near Saraqeb on Monday.\nThe Syrian Observatory put the number of Syrian troops killed at 13.',
        '2020-02-04',
      ),
      new Set(),
    );
    expect(groups.filter((g) => g.type === 'attack')).toHaveLength(1);
  });

  it('does not end a sentence inside a quoted exclamation', () => {
    const texts = splitSentences(
      'The gunman shouted "Don\'t forget Aleppo! Don\'t forget Syria!" before being killed.',
    ).map((s) => s.text);
    expect(texts).toHaveLength(1);
    // A quotation of full sentences is still split.
    expect(splitSentences('“Talks will be hard. I also have visits,” said Erdogan.')).toHaveLength(2);
  });
});

describe('remarks and calls as agencies tell them', () => {
  it('keeps two remarks each dated by the writer apart, and a call "discussed by phone"', () => {
    const text = [
      'Erdogan and Putin discussed the situation by phone on Feb. 28.',
      '',
      'On Feb. 29, Erdogan said he had told Putin to get out of the way of Turkey.',
      '',
      'Erdogan also said on Feb. 29 that Turkey would no longer stop refugees heading for Europe.',
    ].join('\n');
    const groups = groupCandidates(candidates(text, '2020-03-02'), new Set(['recep-tayyip-erdogan', 'vladimir-putin']));
    expect(groups.map((g) => g.type)).toEqual(['call', 'statement', 'statement']);
  });
});

describe('spans counted from a date told before', () => {
  it('reads "three days later", "the same day" and "the day before the signing"', () => {
    const strike = candidates(
      'Turkey and Russia agreed on a truce on April 4, and Turkish jets struck Syria three days later.',
      '2017-05-08',
    ).find((c) => c.type === 'attack');
    expect(strike?.date).toMatchObject({ earliest: '2017-04-07', resolution: 'relative' });
    const text = [
      'Turkey, Russia and Iran signed a memorandum in Astana last Thursday.',
      '',
      'The deal was sealed the day before the signing, when Erdogan met Putin in Sochi.',
    ].join('\n');
    const met = candidates(text, '2017-05-08').find((c) => c.type === 'meeting');
    expect(met?.date).toMatchObject({ earliest: '2017-05-03', latest: '2017-05-03' });
  });

  it('dates the main clause by the sentence’s opening phrase, not by a phrase past another verb', () => {
    const found = candidates(
      'At the first round, on Jan. 23-24, Russia and Turkey agreed to monitor the truce they had brokered in late December.',
      '2017-05-08',
    );
    expect(found[0]).toMatchObject({ type: 'agreement', date: { earliest: '2017-01-23', latest: '2017-01-24' } });
  });
});

describe('bare dates of what took place', () => {
  it('reads a bare day of a past happening as the one passed, though next year’s is nearer', () => {
    const truce = candidates('A ceasefire brokered by Turkey and Russia came into force on March 6.', '2020-10-26')[0];
    expect(truce?.date.earliest).toBe('2020-03-06');
  });

  it('dates a sentence by an opening phrase without a comma, and reads "hosted Assad" as a meeting', () => {
    const found = candidates(
      'Earlier this month Putin hosted Erdogan in the Kremlin and said ties were good.',
      '2021-09-30',
    );
    expect(found.map((c) => [c.type, c.date.earliest])).toEqual([
      ['meeting', '2021-09-01'],
      ['statement', '2021-09-01'],
    ]);
  });
});

describe('withdrawals and operations', () => {
  it('reads a withdrawal as a deployment and a launched operation as an offensive', () => {
    expect(findTrigger('Turkish soldiers began dismantling the base last Monday.')?.type).toBe('deployment');
    expect(findTrigger('Turkey withdrew its troops from the post at Morek.')?.type).toBe('deployment');
    expect(findTrigger('Turkey launched a cross-border operation against the YPG on Wednesday.')?.type).toBe(
      'offensive',
    );
  });
});

describe('ground taken', () => {
  it('reads a town captured or overrun as an offensive, not a person "taken" somewhere', () => {
    expect(
      findTrigger('Late last month, government troops captured Maarat al-Numan after weeks of bombardment.')?.type,
    ).toBe('offensive');
    expect(findTrigger('Government forces overran the area in August.')?.type).toBe('offensive');
    expect(findTrigger('Putin took Erdogan to see the new fighter jet.')?.type).not.toBe('offensive');
  });
});

describe('a pronoun for someone the dataset does not know', () => {
  it('is the person last named, not the last one the dataset knows', () => {
    const text = [
      'Putin spoke in Sochi on Tuesday about the downing of the jet by Turkey.',
      '',
      'Foreign Minister Sergei Lavrov, who had been due in Istanbul for talks, called off the trip to Turkey.',
      '',
      'On Wednesday he called the incident "a planned provocation" by Turkey.',
    ].join('\n');
    const said = candidates(text, '2015-11-25').find((c) => /planned provocation/.test(c.sentences[0]!.text));
    expect(said).toMatchObject({ type: 'statement', speaker: 'new:Sergei Lavrov' });
    expect(said!.unknown.map((u) => u.text)).toContain('Sergei Lavrov');
    expect(said!.actors.map((a) => a.id)).not.toContain('vladimir-putin');
  });
});

describe('unknown people’s names in full', () => {
  it('keeps the surname compromise leaves off, and drops a military rank', () => {
    expect(findUnknownNames('The pilot, Lt. Col. Oleg Peshkov, was killed by gunfire from the ground.', [])).toEqual([
      { text: 'Oleg Peshkov', kind: 'person' },
    ]);
    expect(
      findUnknownNames('The ceremony was attended by Bulgarian Prime Minister Boyko Borissov on Wednesday.', []).map(
        (u) => u.text,
      ),
    ).toContain('Boyko Borissov');
  });
});
