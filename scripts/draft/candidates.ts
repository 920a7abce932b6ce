/** Candidate events: one per sentence that reports a happening, with its type, modality, date, actors and places. */
import { addDays } from '../../src/domain/iso-day.ts';
import type { EventType, Modality } from '../../src/domain/taxonomy.ts';
import type { Precision, Qualifier } from '../../src/domain/temporal.ts';
import { nearestPhrase, chooseReading, findDatePhrases, type DatePhrase } from './dates.ts';
import {
  escapeRegExp,
  findUnknownNames,
  knownSpellings,
  matchKnownNames,
  type KnownRecord,
  type NameMatch,
  type UnknownName,
} from './names.ts';
import type { Sentence } from './sentences.ts';
import { CREDIT_LINE } from './source.ts';
import { compatibleTypes } from './merge.ts';
import {
  governingVerb,
  isJudged,
  isPastPerfect,
  isPresentPerfect,
  isVerbAt,
  triggerRole,
  verbGroups,
} from './syntax.ts';
import { asArmsContract, findModalityAt, findTriggers, rankTriggers, type Trigger } from './triggers.ts';

export interface CandidateDate {
  resolution: 'explicit' | 'relative' | 'inferred';
  expression: string | null;
  earliest: string;
  latest: string;
  precision: Precision;
  qualifier: Qualifier | null;
  note: string | null;
  /** Not the sentence's own: the story's time the sentences before set, carried to it. */
  carried?: true;
}

export interface Candidate {
  sentences: Sentence[];
  /** The trigger is a definite reference ("the Idlib deal"): an earlier happening the reader is expected to know. */
  reference: boolean;
  /** The sentence is the article's headline: it names the news the lead then tells. */
  headline: boolean;
  /** The sentence is the headline or the lead: what it reports is the news of the day of writing. */
  news: boolean;
  /**
   * For a statement: the actor that stands as the speech verb's subject ("Akar said", "said Akar"), if named; a name
   * the dataset does not know is `new:<its words>` ("Russia's Defense Ministry said").
   */
  speaker: string | null;
  /** A strike back ("a retaliatory attack", "the counterfire"): another happening than the attack it answers. */
  retaliation: boolean;
  /** Not the sentence's main happening ("met, a day after the envoy was shot"): it cannot date the news. */
  secondary?: boolean;
  type: EventType;
  trigger: string;
  modality: Modality;
  modalityCue: string | null;
  date: CandidateDate;
  /** Every date phrase of the sentence, for the summary. */
  phrases: DatePhrase[];
  actors: NameMatch[];
  places: NameMatch[];
  unknown: UnknownName[];
}

/** The first sentences of the body, which tell the news (the lead). */
const LEAD_SENTENCES = 2;

/** How far back an undated happening told in the present perfect may lie. */
const BACKGROUND_YEARS = 5;

/** True when the words of the expression are explicit calendar words ("16 September", "March 2020"). */
function isExplicit(expression: string): boolean {
  return /\b(19|20)\d\d\b/.test(expression) || /\b\d{1,2}\b/.test(expression);
}

/** The candidate events of the sentences, in text order (several per sentence only for "said on <day>" framing). */
export function findCandidates(
  sentences: Sentence[],
  anchor: string,
  actors: KnownRecord[],
  places: KnownRecord[],
  /** The headline's line: what stands above it is the page's menus, not the article. */
  headlineLine = 1,
): Candidate[] {
  const out: Candidate[] = [];
  const people = new Set(actors.filter((a) => a.kind === 'person').map((a) => a.id));
  const spelled = knownSpellings([...actors, ...places]);
  /** The people the last sentence that named any named: "They announced a ceasefire" is theirs. */
  let lastPeople: NameMatch[] = [];
  /** The actors of the last sentence that named any: "the ministry", "the soldiers" of a sentence naming none. */
  let lastActors: NameMatch[] = [];
  /** The places of the last sentence that named any, for a dated happening of a sentence naming no one. */
  let lastPlaces: NameMatch[] = [];
  /** The person last reported speaking: "He added that…" is theirs. */
  let lastSpeaker: NameMatch | null = null;
  /** Whoever last spoke, a body or a name the dataset lacks included: "The ministry said…" is theirs. */
  let lastVoice: NameMatch | null = null;
  /** Sentences of the body read so far (the headline not counted): the first ones are the lead. */
  let bodySentences = 0;
  /** The date of the last dated agreement: what "It stipulated that…" laid down is of its day. */
  let lastDated: CandidateDate | null = null;
  /** The person last named, when the dataset does not know them (else null): what "he" may stand for. */
  let lastNewPerson: UnknownName | null = null;
  /**
   * The story's time: the date of the last happening told as having taken place with a date phrase of its own,
   * the body sentence it was told in, and its line. "The navigator was rescued on Tuesday. A marine was killed
   * when the helicopter came under fire": an undated sentence goes on telling the same stretch of the story.
   */
  let narrative: { date: CandidateDate; body: number; line: number; speaker: string | null } | null = null;
  /** What the sentence told with a date of its own, to become the story's time once the sentence is read. */
  let narrativeNext: { date: CandidateDate; speaker: string | null } | null = null;
  /** The sentences before it, for what "the contract", "the cargo planes" are of. */
  const recentTexts: string[] = [];
  for (const sentence of sentences) {
    if (
      sentence.text.length < 25 ||
      !/\s/.test(sentence.text) ||
      sentence.line < headlineLine ||
      CREDIT_LINE.test(sentence.text)
    )
      continue;
    // The headline and a deck under it, however many short unpunctuated lines open the article: none once the
    // body has begun.
    const headline = bodySentences === 0 && isHeadline(sentence, headlineLine);
    if (!headline) bodySentences++;
    const inLead = !headline && bodySentences <= LEAD_SENTENCES;
    // What is only talked about ("drone sales would be discussed") is not a happening of the sentence.
    const triggers = rankTriggers(
      asArmsContract(
        findTriggers(sentence.text).filter(
          (t) => triggerRole(sentence.text, t.index, t.words) !== 'topic' && !quotedHope(sentence.text, t),
        ),
        sentence.text,
        recentTexts.join(' '),
      ),
    );
    recentTexts.push(sentence.text);
    if (recentTexts.length > 3) recentTexts.shift();
    const known = matchKnownNames(sentence.text, actors, places);
    const named = known.filter((n) => people.has(n.id));
    // "Foreign Minister Sergei Lavrov, who …, called off the trip. On Wednesday he called the incident…": "he" is
    // the person last named, though the dataset does not know him, not the last one it knows.
    const toNewPerson = named.length === 0 && lastNewPerson ? personPronounAt(sentence.text) : null;
    if (named.length > 0) lastNewPerson = null;
    const names: NameMatch[] = [
      ...inheritedPeople(
        sentence.text,
        toNewPerson && !/^(?:[^,"“]{0,60},\s*)?they\b/i.test(sentence.text) ? [] : lastPeople,
        toNewPerson ? null : lastSpeaker,
        known,
        people,
      ),
      ...inheritedByRole(sentence.text, lastActors, known),
      ...known,
    ];
    // "…,” he said", "The Kremlin leader insisted", "…, said the defense minister": a pronoun or a title as the
    // subject of the verb of saying is the one last heard (or named), whatever the quotation names.
    // Only the saying is theirs: the other happenings of the sentence keep the names it gives.
    const framed: NameMatch[] = framedSpeaker(
      sentence.text,
      toNewPerson ? null : (lastSpeaker ?? lastPeople[0] ?? null),
      lastVoice,
      lastPeople,
    ).filter((f) => !names.some((n) => n.index === f.index));
    if (named.length > 0) lastPeople = named;
    if (known.some((n) => n.file === 'actors')) lastActors = known.filter((n) => n.file === 'actors');
    const placesBefore = lastPlaces;
    if (known.some((n) => n.file === 'places')) lastPlaces = known.filter((n) => n.file === 'places');
    if (triggers.length === 0) continue;
    // A headline capitalises every word: compromise would take most of them for names.
    const unknown = headline ? [] : findUnknownNames(sentence.text, names, spelled);
    const newPerson = lastNewPerson;
    const pronounForNew = toNewPerson && newPerson && !unknown.some((u) => u.kind === 'person') ? toNewPerson : null;
    if (pronounForNew && newPerson) unknown.push(newPerson);
    const namedNew = unknown.find((u) => u.kind === 'person' && sentence.text.includes(u.text));
    if (namedNew && named.length === 0) lastNewPerson = namedNew;
    const phrases = findDatePhrases(sentence.text, anchor);
    // "The attack, blamed on rebels, also wounded five": a sentence that names no one may still go on telling the
    // happening just told, by the same word at its head; grouping folds it in there.
    // "The Observatory put the number of troops killed at 13": a toll of the violence just told, which it joins.
    const toll =
      STRIKES_BACK.includes(out.at(-1)?.type as EventType) &&
      triggers[0]!.type === 'attack' &&
      CASUALTY_COUNT.test(sentence.text) &&
      !phrases.some((p) => p.readings.length > 0);
    const goesOn =
      (out.at(-1)?.type === triggers[0]!.type &&
        new RegExp(`^(?:the|this|that) (?:[\\w’'-]+ ){0,2}${escapeRegExp(triggers[0]!.words)}\\b`, 'i').test(
          sentence.text,
        )) ||
      toll;
    // "The tenth joint patrol was carried out on May 12", "Hostilities began on 27 September": a dated happening
    // that names no one is one of those the article is about, the actors and places last named.
    if (
      names.length === 0 &&
      unknown.length === 0 &&
      !goesOn &&
      !headline &&
      triggers[0]!.type !== 'statement' &&
      phrases.some((p) => p.readings.length > 0)
    )
      // The places only, when there are some: who did it is not said, and the actors last named may be onlookers.
      names.push(
        ...(placesBefore.length > 0 ? placesBefore : lastActors).map((n) => ({ ...n, index: sentence.text.length })),
      );
    if (names.length === 0 && unknown.length === 0 && !goesOn) continue;
    // "Stoltenberg condemned the air strikes": the saying is the news, the strikes what it judges.
    const judging = triggers.find((t) => t.type === 'statement');
    if (judging && triggers[0]!.type !== 'statement' && isJudged(sentence.text, triggers[0]!.index)) {
      triggers.splice(triggers.indexOf(judging), 1);
      triggers.unshift(judging);
    }
    const primary = asTruce(triggers[0]!, triggers);
    const chosen = [primary];
    let mainDate: CandidateDate | null = null;
    // A second happening in the same sentence ("the visit comes as the offensive advances"): another type family.
    const found = triggers.find((t) => t.type !== 'statement' && !compatibleTypes(t.type, primary.type));
    const second = found ? asTruce(found, triggers) : undefined;
    if (second && primary.type !== 'statement' && !onlyMentioned(sentence.text, second, phrases)) chosen.push(second);
    // "Opened a centre to observe a truce that was agreed following a flare-up in the region last year": a third
    // happening of yet another kind counts when a date phrase of its own follows it closely.
    const third =
      chosen.length === 2
        ? triggers.find(
            (t) =>
              t.type !== 'statement' &&
              !chosen.some((x) => compatibleTypes(x.type, t.type)) &&
              !isDefiniteReference(sentence.text, t.words) &&
              phrases.some((p) => p.readings.length > 0 && p.index > t.index && p.index - t.index <= 50),
          )
        : undefined;
    if (third) chosen.push(third);
    // "X said that Y": the statement is a happening of its own beside Y when a named speaker is the subject of the
    // speech verb; "Ankara said two soldiers had been killed" only attributes the killing.
    const statement = triggers.find((t) => t.type === 'statement');
    // A speaker the dataset does not know ("Russia's Defense Ministry said", "according to Shoigu") speaks too.
    const unknownSpeakers: NameMatch[] = [
      ...unknown
        .filter((u) => u.kind !== 'place' && sentence.text.includes(u.text))
        .map((u) => ({
          id: `new:${u.text}`,
          file: 'actors' as const,
          text: u.text,
          index: sentence.text.indexOf(u.text),
        })),
      // The pronoun standing for the person the dataset does not know, where it stands.
      ...(pronounForNew && newPerson
        ? [
            {
              id: `new:${newPerson.text}`,
              file: 'actors' as const,
              text: pronounForNew.text,
              index: pronounForNew.index,
            },
          ]
        : []),
    ];
    const speaker: NameMatch | null = statement
      ? (speakerOf(sentence.text, statement, [...names, ...framed]) ??
        speakerOf(sentence.text, statement, unknownSpeakers))
      : null;
    if (speaker && people.has(speaker.id)) lastSpeaker = speaker;
    if (speaker) lastVoice = speaker;
    // "The ministry said", "the official added": the body or person last heard speaking, named before.
    const voice =
      statement && !speaker && lastVoice && DEFINITE_VOICE.test(sentence.text.slice(0, statement.index))
        ? lastVoice
        : null;
    // A state named as the speaker ("Ankara said", "Moscow says") attributes a report rather than making news.
    const speakerKind = actors.find((a) => a.id === speaker?.id)?.kind;
    // "Turkish officials said", "the Russian military says": people of the state speak, which is news of its own.
    const stateVoice =
      (statement &&
        speaker &&
        /\b(?:officials?|military|ministry|army|diplomats|authorities|government|spokes(?:man|woman|person)|sources|General Staff)\b/i.test(
          sentence.text.slice(speaker.index + speaker.text.length, statement.index),
        )) ||
      // "The foreign ministry of Turkey warned": the body stands before the state it is of.
      (statement && speaker && VOICE_OF.test(sentence.text.slice(Math.max(0, speaker.index - 60), speaker.index)));
    if (
      statement &&
      speaker &&
      (speakerKind !== 'state' || stateVoice) &&
      !['statement', 'humanitarian_warning'].includes(primary.type) &&
      // "…, it said": the speaker is whoever "it" is, not the name before it; the one the pronoun stands for, when it
      // was found ("On Saturday, he said he was saddened by the downing").
      (/^(?:he|she|it|they)$/i.test(speaker.text) ||
        !/\b(it|he|she|they)\s+$/i.test(sentence.text.slice(0, statement.index))) &&
      !isAttribution(sentence.text, primary, statement) &&
      // "Told Kerry in a phone call that…": what was told is the call's content, not a saying of its own.
      !(primary.type === 'call' && /^told\b/i.test(statement.words))
    )
      chosen.push(statement);
    for (const trigger of chosen) {
      // "Ankara agreed to buy the S-400s in 2017": agreeing to buy is the deal itself, not a plan.
      const role =
        trigger.type === 'arms_deal' && /\bagreed to\s+$/i.test(sentence.text.slice(0, trigger.index))
          ? null
          : triggerRole(sentence.text, trigger.index, trigger.words);
      // "Ankara's decision to purchase S-400s prompted…": the purchase decided is an earlier happening, which the
      // phrase opening the sentence does not date.
      const decided = DECIDED.test(sentence.text.slice(Math.max(0, trigger.index - 40), trigger.index));
      const reference =
        role === 'reference' ||
        decided ||
        isDefiniteReference(sentence.text, trigger.words) ||
        (toll && trigger === primary);
      // A deadline after the paper ("heavy weapons withdrawn by October 10") is no date for talks reported as held.
      const happened =
        role !== 'intended' &&
        (trigger.type === 'statement'
          ? !plannedSaying(sentence.text, trigger)
          : findModalityAt(sentence.text, trigger.index, isVerbAt(sentence.text, trigger.index, trigger.words))
              .modality === 'occurred');
      const pool = (happened ? phrases.filter((p) => !isDeadline(sentence.text, p)) : phrases).filter(
        (p) => !datesAnother(sentence.text, trigger, triggers, p),
      );
      let phrase = nearestPhrase(pool, trigger.index);
      // "At the first round, on Jan. 23-24, … they agreed to monitor the truce they had brokered in late December":
      // a phrase past another verb is that verb's; the sentence's opening phrase dates its main clause.
      const opener = pool.find((p) => opensSentence(sentence.text, p) && p.index < trigger.index);
      if (
        opener &&
        phrase &&
        phrase !== opener &&
        phrase.index > trigger.index &&
        !isDefiniteReference(sentence.text, trigger.words) &&
        verbBetween(sentence.text, trigger, phrase)
      )
        phrase = opener;
      // "The Idlib deal, Akar said Tuesday": a phrase across a verb from a definite reference dates that verb, not
      // the deal; "the fighting between Azeri and Armenian forces last year" is dated by its own phrase.
      // "Have warmed in the last two years after he apologised for the downing of a jet in 2015": the phrase of
      // its own, with no verb between, is the reference's.
      if (reference && phrase && verbBetween(sentence.text, trigger, phrase))
        phrase = nearestPhrase(
          pool.filter(
            (p) => p.index > trigger.index && p.index - trigger.index <= 90 && !verbBetween(sentence.text, trigger, p),
          ),
          trigger.index,
        );
      if (decided && phrase && phrase.index < trigger.index) phrase = null;
      // "On Sunday, Erdogan said he expected his meeting with Putin to…": the day is the saying's; the meeting it
      // mentions, a noun in what was said with no verb of its own, is dated elsewhere (or not at all).
      if (
        phrase &&
        statement &&
        trigger.type !== 'statement' &&
        statement.index < trigger.index &&
        phrase.index < trigger.index &&
        Math.abs(phrase.index - statement.index) <= 25 &&
        !isVerbAt(sentence.text, trigger.index, trigger.words) &&
        !hasOwnVerb(sentence.text, trigger)
      )
        phrase = null;
      // "Officials said on Friday": a statement's date stands by its verb; else it is the day's. A phrase that opens
      // the sentence ("On September 21, the spokesman said") dates its main clause wherever the verb stands.
      if (
        trigger.type === 'statement' &&
        phrase &&
        Math.abs(phrase.index - trigger.index) > 25 &&
        !opensSentence(sentence.text, phrase)
      )
        phrase = null;
      // "The announcement of the visit on Friday": the day is the announcement's.
      if (
        trigger.type !== 'statement' &&
        /\b(?:announcement|news|reports?|confirmation|word) of (?:the |his |her |a |an |their )?$/i.test(
          sentence.text.slice(Math.max(0, trigger.index - 40), trigger.index),
        )
      )
        phrase = null;
      // "Agreed to have a meeting": the meeting is planned, and the agreeing's date is not the meeting's.
      if (role === 'intended' && phrase && phrase.index < trigger.index) phrase = null;
      // A headline's infinitive is its future: "Erdoğan and Putin to meet on Monday" is next Monday. Only with a date
      // phrase: an undated headline ("Putin, Erdogan to discuss Idlib") is joined to the body's report of the day.
      const headlineTo =
        headline && phrases.some((p) => p.readings.length > 0)
          ? /\bto\s+(?:(?:hold|have|pay|make|sign|launch|attend|host|start|begin)\s+(?:[\w’'-]+\s+){0,2})?$/i.exec(
              sentence.text.slice(0, trigger.index),
            )
          : null;
      let { modality, cue } =
        role === 'intended'
          ? {
              modality: 'planned' as Modality,
              // "To hold the talks", "agreed to <the trigger>": the words of intent before it.
              cue: (/\bto\b[^]*$/.exec(sentence.text.slice(Math.max(0, trigger.index - 60), trigger.index))?.[0] ?? '')
                .concat(trigger.words)
                .trim(),
            }
          : headlineTo && trigger.type !== 'statement'
            ? { modality: 'planned' as Modality, cue: `${headlineTo[0]}${trigger.words}` }
            : findModalityAt(sentence.text, trigger.index, isVerbAt(sentence.text, trigger.index, trigger.words));
      const planned = trigger.type !== 'statement' && modality === 'planned';
      // The date phrase was chosen before the headline's infinitive said the happening is to come.
      if (headlineTo && phrase === null) phrase = nearestPhrase(phrases, trigger.index);
      const verb = governingVerb(sentence.text, trigger.index);
      // "had been killed … on Saturday" in a Saturday paper: the past perfect looks back from an earlier moment, so
      // the bare weekday is last week's, not the publication day.
      // "Said on Monday that they had agreed": the day is the saying's, in the simple past; the past perfect looks
      // back from it, not from an earlier Monday.
      const saidThen =
        phrase !== null &&
        /\b(?:said|says|told \w+|announced|stated|added|declared)\s*$/i.test(
          sentence.text.slice(Math.max(0, phrase.index - 30), phrase.index),
        );
      let reading = phrase
        ? chooseReading(phrase, planned, anchor, isPastPerfect(verb) && !saidThen && !planned)
        : null;
      // "TurkStream will begin operations in 2019, he added": a saying reported is not yet to come; a date after the
      // paper is of what was said, and the saying is the day's.
      if (
        trigger.type === 'statement' &&
        reading &&
        reading.earliest > anchor &&
        !plannedSaying(sentence.text, trigger)
      )
        [phrase, reading] = [null, null];
      // "I also have visits to New York towards the end of the month": a date after the paper makes it a plan.
      if (modality === 'occurred' && trigger.type !== 'statement' && reading && reading.earliest > anchor)
        ({ modality, cue } = { modality: 'planned', cue: phrase!.expression });
      // "Turkey has bought S-400s": the present perfect, with no date, says it happened before, not when.
      // In the lead, "Erdogan and Putin have reached an agreement" is the news itself, of the day of writing.
      const background =
        !phrase && !inLead && modality === 'occurred' && trigger.type !== 'statement' && isPresentPerfect(verb);
      let date: CandidateDate =
        phrase && reading
          ? {
              resolution: isExplicit(phrase.expression) ? 'explicit' : 'relative',
              expression: phrase.expression,
              earliest: reading.earliest,
              latest: reading.latest,
              precision: reading.precision,
              qualifier: reading.qualifier,
              note: null,
            }
          : background
            ? {
                resolution: 'inferred',
                expression: null,
                earliest: `${Number(anchor.slice(0, 4)) - BACKGROUND_YEARS}${anchor.slice(4)}`,
                latest: anchor,
                precision: 'years',
                qualifier: 'uncertain',
                note: `No date phrase, and "${verb!.text}" (present perfect) says it happened before the article, not when: dated to the ${BACKGROUND_YEARS} years before publication. Find the date and narrow it.`,
              }
            : {
                resolution: 'inferred',
                expression: null,
                earliest: anchor,
                latest: anchor,
                precision: 'day',
                qualifier: null,
                note: 'No date phrase in the sentence: dated to the publication day, when the source reports it. Review.',
              };
      // "The attack came two weeks after Turkey and Russia signed a ceasefire": the later happening's date less the
      // span dates the earlier one.
      // A phrase before the span is the later happening's ("The raid on Friday came two weeks after…").
      const span = trigger !== primary && mainDate ? elapsedBefore(sentence.text, trigger.index) : null;
      const shifted = Boolean(span && mainDate && (!phrase || phrase.index < span.index));
      if (shifted) date = shiftedBack(mainDate!, span!);
      // "The chemical attack on April 4 … and the strike three days later", "ordered the same day": a span counted
      // from the date just told in the sentence (or, without one, the story's time).
      const spanAfter = shifted ? null : laterSpan(sentence.text, trigger);
      // The span, when nearer the trigger than the phrase chosen (which is then the date it counts from).
      const later =
        spanAfter &&
        (date.resolution === 'inferred' ||
          (phrase !== null &&
            phrase.index < spanAfter.index &&
            Math.abs(spanAfter.index - trigger.index) < Math.abs(phrase.index - trigger.index)))
          ? spanAfter
          : null;
      if (later) {
        const before = [...phrases].reverse().find((p) => p.index < later.index && p.readings.length > 0);
        // "The day before the signing": the last dated happening of the kind the noun names.
        const noun = /^the day (?:before|after) (?:the|its|their) ([\w-]+)/i.exec(
          sentence.text.slice(later.index),
        )?.[1];
        const nounType = noun ? (/^sign/i.test(noun) ? 'agreement' : findTriggers(noun)[0]?.type) : undefined;
        const named = nounType
          ? [...out]
              .reverse()
              .find(
                (c) =>
                  c.sentences[0] !== sentence && compatibleTypes(c.type, nounType) && c.date.resolution !== 'inferred',
              )
          : undefined;
        const base = named
          ? named.date
          : before
            ? chooseReading(before, false, anchor)
            : narrative && narrative.date.precision === 'day'
              ? narrative.date
              : null;
        if (base)
          date = {
            resolution: 'relative',
            expression: later.expression,
            earliest: addDays(base.earliest, later.days),
            latest: addDays(base.latest, later.days),
            precision: base.precision === 'day' ? 'day' : 'days',
            qualifier: null,
            note: `"${later.expression}" counted from ${named ? `the ${noun} (${named.trigger})` : before ? `"${before.expression}"` : "the story's time"} (${base.earliest}..${base.latest}).`,
          };
      }
      // "On November 9 a statement was signed. It stipulated that peacekeepers were deployed": what a document
      // laid down is dated by the document, not by the paper.
      if (date.resolution === 'inferred' && lastDated && STIPULATED.test(sentence.text))
        date = {
          ...lastDated,
          resolution: 'relative',
          note: `No date phrase: the sentence tells what the document of the sentence before laid down, dated ${lastDated.earliest}..${lastDated.latest}. Review.`,
        };
      // The sentence before dated the story (or an earlier one of the same paragraph): an undated happening told as
      // taken place is of that stretch, not of the paper's day. A saying is, only when that stretch is of the days
      // just before the paper ("Erdogan said Turkey was ready", after a paragraph on 2015, is of the news day) and
      // the saying is told in the past ("says" is the day of writing).
      if (
        date.resolution === 'inferred' &&
        !background &&
        !headline &&
        !inLead &&
        modality === 'occurred' &&
        // Told in the past: "troops are deployed" is how things stand, not a step of the story.
        verb !== null &&
        /past/.test(verb.form) &&
        narrative &&
        (trigger.type !== 'statement' ||
          // Reactions to the happening just told, or the same voice going on ("In a related context, Akar said" after
          // Erdogan's words of last Thursday is another occasion).
          ((narrative.speaker === null || narrative.speaker === (speaker?.id ?? voice?.id ?? framed[0]?.id)) &&
            (bodySentences - narrative.body <= 3 || sentence.line === narrative.line) &&
            narrative.date.earliest >= addDays(anchor, -7) &&
            !/\b(?:says|say|tells)\b/.test(sentence.text.slice(Math.max(0, trigger.index - 5), trigger.index + 12))))
      )
        date = {
          ...narrative.date,
          resolution: 'inferred',
          expression: null,
          carried: true,
          note: `No date phrase in the sentence: dated as the story's time the sentence before set (${narrative.date.expression ? `"${narrative.date.expression}" → ` : ''}${narrative.date.earliest}..${narrative.date.latest}), which it goes on telling. Review.`,
        };
      // A happening with a date of its own sets the story's time; what the main happening is told against does not
      // ("met, a day after the envoy was shot").
      if (
        date.resolution !== 'inferred' &&
        !narrativeNext &&
        !shifted &&
        modality === 'occurred' &&
        date.latest <= anchor
      )
        narrativeNext = {
          date,
          speaker: trigger.type === 'statement' ? (speaker?.id ?? voice?.id ?? 'unknown') : null,
        };
      if (trigger === primary) mainDate = date;
      out.push({
        sentences: [sentence],
        reference,
        headline,
        // "The guarantors of a ceasefire will meet": a happening named as what others keep or break is no news of
        // the lead, even there.
        news: (headline || inLead) && role !== 'reference',
        speaker: trigger.type === 'statement' ? (speaker?.id ?? voice?.id ?? null) : null,
        ...(trigger !== primary ? { secondary: true } : {}),
        // Only force strikes back: "retaliatory sanctions" over a downing are the sanctions the headline announces.
        retaliation:
          STRIKES_BACK.includes(trigger.type) &&
          /\b(?:retaliat\w*|counter-?(?:fire|attacks?|strikes?|offensive)|in response)\b/i.test(sentence.text),
        type: trigger.type,
        trigger: trigger.words,
        // What was said was said: "the zone will come into force by Oct. 15, Putin told reporters" is a statement
        // made, planned only when the saying is ("Erdogan will announce").
        modality: trigger.type === 'statement' && !plannedSaying(sentence.text, trigger) ? 'occurred' : modality,
        modalityCue: trigger.type === 'statement' && !plannedSaying(sentence.text, trigger) ? null : cue,
        date,
        phrases,
        actors: [...(trigger.type === 'statement' ? framed : []), ...names].filter((n) => n.file === 'actors'),
        places: names.filter((n) => n.file === 'places'),
        unknown,
      });
      if (date.resolution !== 'inferred' && ['agreement', 'ceasefire'].includes(trigger.type)) lastDated = date;
    }
    if (narrativeNext) narrative = { ...narrativeNext, body: bodySentences, line: sentence.line };
    narrativeNext = null;
  }
  datedToNewsDay(out, anchor);
  return out;
}

/**
 * "Turkish jets hit 54 targets on Monday, the defence ministry said": a saying in the sentence's last clause, after
 * a happening told as having taken place, only says where the news comes from. A plan or a threat told so ("Turkey
 * will respond, Erdogan said") is the saying's news, and stays one.
 */
function isAttribution(sentence: string, primary: Trigger, statement: Trigger): boolean {
  if (statement.index < primary.index) return false;
  const comma = Math.max(sentence.lastIndexOf(',', statement.index), sentence.lastIndexOf('”', statement.index));
  if (comma < primary.index + primary.words.length) return false;
  const tail = sentence.slice(comma + 1);
  if (tail.length > 80) return false;
  // Nothing said after the verb but when, where and to whom ("…, the ministry said late on Tuesday in a
  // statement", "…, said Akar"): "…, Putin said relations were good" reports what he said.
  const after = sentence.slice(statement.index + statement.words.length).replace(/[.!?"”’]+\s*$/, '');
  if (!after.split(/[\s,]+/).every((w) => !w || /^[A-Z]/.test(w) || ATTRIBUTION_WORDS.has(w.toLowerCase())))
    return false;
  // Words quoted are the speaker's own: "“The presidents have agreed to meet,” Peskov said" is Peskov's news.
  if (/[“"]/.test(sentence.slice(0, primary.index))) return false;
  if (triggerRole(sentence, primary.index, primary.words) === 'intended') return false;
  return (
    findModalityAt(sentence, primary.index, isVerbAt(sentence, primary.index, primary.words)).modality === 'occurred'
  );
}

/** The words that may follow the verb of an attribution: when, how and to whom it was said. */
const ATTRIBUTION_WORDS = new Set(
  'on in at a an the late early earlier later last this that night evening morning afternoon statement statements tweet written told reporters journalists media news conference briefing separately also citing sources according to'.split(
    ' ',
  ),
);

/** A toll: "put the number of troops killed at 13", "the death toll rose to 34". */
const CASUALTY_COUNT =
  /\b(?:number of [\w\s-]{0,30}(?:killed|dead|wounded)|(?:death|casualty) toll|killed at \d+|toll (?:rose|climbed|reached|stood))\b/i;

/** The happenings a strike back is one of, told apart from the strike it answers. */
const STRIKES_BACK: EventType[] = ['attack', 'clash', 'offensive', 'deployment'];

/** The verbs that frame reported speech: the speaker is their subject. */
const FRAME_VERB =
  '(?:said|says|added|noted|stressed|insisted|told (?:\\w+ )?(?:reporters|journalists)|declared|stated)';
const PRONOUN_FRAME = new RegExp(`(?:^|[,”"’]\\s*)(he|she|they|it)\\s+(?:also\\s+|later\\s+)?${FRAME_VERB}\\b`, 'i');
const INVERTED_FRAME = new RegExp(`[,”"’]\\s*${FRAME_VERB}\\s+(he|she)\\s*[,.;]`, 'i');
const TITLE_FRAME = new RegExp(
  `(?:^|[,”"’]\\s*)((?:the|The)\\s+(?:(?:Turkish|Russian|Kremlin|Iranian|Syrian|Azerbaijani|Armenian)\\s+)?(?:president|leader|defen[cs]e minister|foreign minister|prime minister))\\s+(?:also\\s+)?${FRAME_VERB}\\b`,
);

/**
 * The speaker a frame of reported speech points back to: "…,” he said" is the person last heard speaking (or
 * named); "they said", the people last named; "it said", the body last heard; "the Turkish president said", the
 * person last heard. Placed where the pronoun or title stands, so the speech verb finds it as its subject.
 */
export function framedSpeaker(
  sentence: string,
  person: NameMatch | null,
  voice: NameMatch | null,
  people: NameMatch[],
): NameMatch[] {
  const title = TITLE_FRAME.exec(sentence);
  if (title && person) return [{ ...person, text: title[1]!, index: title.index + title[0].indexOf(title[1]!) }];
  const m = PRONOUN_FRAME.exec(sentence) ?? INVERTED_FRAME.exec(sentence);
  if (!m) return [];
  const pronoun = m[1]!;
  const index = m.index + m[0].lastIndexOf(pronoun);
  const lower = pronoun.toLowerCase();
  const who = lower === 'they' ? people : lower === 'it' ? (voice ? [voice] : []) : person ? [person] : [];
  return who.map((n) => ({ ...n, text: pronoun, index }));
}

/** A frame the happening lies within ("during a meeting", "at the talks"): it shares the date, it does not take it. */
const FRAME_BEFORE =
  /\b(?:during|at|amid|in the course of|on the sidelines of)\s+(?:(?:the|a|an|their|his|her|its)\s+)?(?:[\w’'-]+\s+){0,2}$/i;

/** A happening told as just before this one ("following a flare-up", "after talks"). */
const ADJACENT_BEFORE =
  /\b(?:after|following|ahead of|before)\s+(?:(?:the|a|an|their|his|her|its)\s+)?(?:[\w’'-]+\s+){0,3}$/i;

/**
 * A date phrase is the clause's it stands in: "met after their first meeting since Ankara shot down a warplane last
 * November" — "last November" dates the downing, not the meeting; "sanctions over the shooting down of a jet on
 * Tuesday" — the Tuesday is the shooting's. A phrase past another happening's words, or past a "since" that opens
 * what happened before ("since the failed coup last month"), dates that one. A phrase opening the sentence dates
 * its main clause, and a frame ("during a meeting on May 4, they signed") shares its day.
 */
export function datesAnother(sentence: string, trigger: Trigger, all: Trigger[], phrase: DatePhrase): boolean {
  if (opensSentence(sentence, phrase)) return false;
  const end = trigger.index + trigger.words.length;
  if (phrase.index >= end && /\bsince\s+\S+(?:\s+\S+)*\s+$/i.test(sentence.slice(end, phrase.index))) {
    // "Since March 2020" next to the phrase is the happening's start; "since <a happening> <phrase>" is another's.
    const sinceAt = sentence.slice(end, phrase.index).search(/\bsince\b(?![^]*\bsince\b)/i);
    const between = sentence.slice(end + sinceAt + 'since'.length, phrase.index).trim();
    if (between.split(/\s+/).length >= 2) return true;
  }
  return all.some((other) => {
    // Words of the same kind tell the same happening ("the meeting … the third encounter"), and what this one is for
    // ("agreed to set up a centre in November") is its own clause's.
    if (other.type === 'statement' || other.index === trigger.index || compatibleTypes(other.type, trigger.type))
      return false;
    const gap =
      other.index >= end
        ? sentence.slice(end, other.index)
        : sentence.slice(other.index + other.words.length, trigger.index);
    if (/^\s*(?:to|and|or)?\s*$/i.test(gap) || /^\s*to\s+\w+\s*$/i.test(gap)) return false;
    if (FRAME_BEFORE.test(sentence.slice(Math.max(0, other.index - 40), other.index))) return false;
    // "Agreed following a flare-up last year": what came just before is of the same time, and its day is the nearest
    // reading this one has.
    if (ADJACENT_BEFORE.test(sentence.slice(Math.max(0, other.index - 40), other.index))) return false;
    const otherEnd = other.index + other.words.length;
    // The other happening's words stand between this one's and a phrase after them. A phrase before ("The March 2020
    // deal follows weeks of fighting") is left to the nearest reading: what came before is often dated by it.
    return phrase.index >= end && other.index >= end && otherEnd <= phrase.index;
  });
}

/** Types that take place at the news event itself: what was said and who met, on the day the lead reports. */
const AT_THE_NEWS: EventType[] = ['statement', 'meeting', 'visit', 'call', 'summit'];

/**
 * "Putin and Erdogan met on Wednesday … Putin said relations were good": a statement or meeting with no date phrase
 * is dated to the day the lead reports (within the week before publication), not to the day the paper came out.
 */
function datedToNewsDay(candidates: Candidate[], anchor: string): void {
  // The lead's main happening (not the day someone spoke of it: "Peskov said Monday" of a Tuesday visit; not
  // what it is told against: "have met, a day after the envoy was shot").
  const news = candidates.find(
    (c) => c.news && !c.headline && c.type !== 'statement' && c.modality === 'occurred' && !c.secondary,
  );
  if (
    !news ||
    news.date.resolution === 'inferred' ||
    news.date.precision !== 'day' ||
    news.date.earliest > anchor ||
    news.date.earliest < addDays(anchor, -7) ||
    news.date.earliest === anchor
  )
    return;
  const day = news.date.earliest;
  for (const c of candidates)
    if (
      c.date.resolution === 'inferred' &&
      !c.date.carried &&
      c.date.precision === 'day' &&
      c.date.earliest === anchor &&
      c.modality === 'occurred' &&
      AT_THE_NEWS.includes(c.type)
    )
      c.date = {
        ...c.date,
        earliest: day,
        latest: day,
        note: `No date phrase in the sentence: dated to ${day}, the day the lead reports ("${news.date.expression}"); the article is of ${anchor}. Review.`,
      };
}

/**
 * A "he" or "she" that is the subject of the sentence ("He later spoke by phone", "On Wednesday he called…") or
 * of its frame of saying ("…,” she said"): the pronoun and where it stands.
 */
function personPronounAt(sentence: string): { text: string; index: number } | null {
  const m =
    /^(?:["“]?\s*|[^,"“]{0,60},\s*|(?:On|Last|Earlier|Later) [\w]+\s+)(he|she)\b/i.exec(sentence) ??
    /[,”"’]\s*(he|she)\s+(?:also\s+|later\s+)?(?:said|says|added|told|noted|stressed)\b/i.exec(sentence);
  if (!m) return null;
  return { text: m[1]!, index: m.index + m[0].lastIndexOf(m[1]!) };
}

/** "Ankara's decision to buy", "the move to sign": the happening decided on. */
const DECIDED = /\b(?:[\w’']+['’]s|the|its|their) (?:decision|move) to\s+$/i;

/** "It stipulated that…", "The agreement provided for…": what a document laid down. */
const STIPULATED =
  /^(?:It|The (?:agreement|deal|statement|document|protocol|memorandum|accord)) (?:stipulated|stipulates|provided|provides|envisaged|envisages|required|requires|laid down)\b/;

/** "The ministry said", "the Russian minister stressed": a speaker named before, by the head of a noun. */
const DEFINITE_VOICE =
  /\b(?:the|The) (?:[A-Z][\w’'-]* )?(?:ministry|official|spokes(?:man|woman|person)|agency|office|presidency|department|minister|statement)\s+(?:also\s+)?$/;

/**
 * A happening hoped or promised inside a quotation ("“Peacekeepers will ensure stability,” the minister said"):
 * what someone says will come of things is their statement, not a plan the article reports. What a quote says
 * took place ("“The memorandum was signed,” the ministry noted"), a meeting it says will be held, and a warning
 * are kept.
 */
function quotedHope(sentence: string, t: Trigger): boolean {
  // A warning is what is said; a meeting someone says will take place is a plan all the same.
  if (['statement', 'humanitarian_warning', 'meeting', 'visit', 'call', 'summit'].includes(t.type)) return false;
  // "As at the beginning of the memorandum": a reference, which the rules for references weigh.
  if (isDefiniteReference(sentence, t.words)) return false;
  const before = sentence.slice(0, t.index);
  const open = (before.match(/[“"]/g) ?? []).length - (before.match(/”/g) ?? []).length;
  const inside = before.includes('“') ? open > 0 : (before.match(/"/g) ?? []).length % 2 === 1;
  if (!inside) return false;
  return findModalityAt(sentence, t.index, isVerbAt(sentence, t.index, t.words)).modality !== 'occurred';
}

/** "Erdogan will announce", "is expected to say": the saying itself is still to come. */
function plannedSaying(sentence: string, verb: Trigger): boolean {
  return /\b(?:will|would|is expected to|are expected to|is set to|plans? to|is due to)\s+(?:\w+\s+)?$/i.test(
    sentence.slice(Math.max(0, verb.index - 30), verb.index),
  );
}

/** "By October 10", "until 15 October": a deadline, the date of something still to be done. */
function isDeadline(sentence: string, phrase: DatePhrase): boolean {
  return (
    /\b(?:by|until|till|before|no later than)\s*$/i.test(
      sentence.slice(Math.max(0, phrase.index - 14), phrase.index),
    ) || /^(?:by|until|till|before)\b/i.test(phrase.expression)
  );
}

/** A line of its own near the top with no full stop: the headline (or a deck under it). */
function isHeadline(sentence: Sentence, headlineLine: number): boolean {
  return sentence.line - headlineLine < 8 && sentence.text.length <= 160 && !/[.!?"”]$/.test(sentence.text);
}

/** "On September 21, …": the phrase stands first, set off by a comma. */
function opensSentence(sentence: string, phrase: DatePhrase): boolean {
  // "At the first round, on Jan. 23-24, the opposition sat…": after an opening phrase set off by commas too.
  const after = sentence.slice(phrase.index + phrase.expression.length);
  // "Earlier this month Putin hosted Assad": first, before the subject, a comma or not.
  if (phrase.index <= 3 && /^\s+(?:the\s+)?[A-Z]/.test(after)) return true;
  const opening = phrase.index <= 3 || /^[A-Z][^,;]{0,40},\s*$/.test(sentence.slice(0, phrase.index));
  return opening && /^\s*,/.test(after);
}

/**
 * A sentence whose subject is a pronoun or "the two leaders" is about the people the previous sentence named:
 * "Erdogan and Putin met in Moscow. They announced a ceasefire." Only when the sentence names no person itself.
 */
function inheritedPeople(
  sentence: string,
  previous: NameMatch[],
  lastSpeaker: NameMatch | null,
  known: NameMatch[],
  people: Set<string>,
): NameMatch[] {
  // Only when the sentence names no person itself: "he might hold talks with his Russian counterpart" names one;
  // "He added that Turkey has called on the parties" names a state, which is what he spoke of, not who spoke.
  if (previous.length === 0 || known.some((n) => people.has(n.id))) return [];
  // At the start, or after an opening phrase: "After talks in Moscow Thursday, they announced…".
  const subject =
    /^(?:["“]?\s*|[^,"“]{0,60},\s*)(?:(they|the two (?:leaders|presidents|men|sides)|both (?:leaders|presidents|men))|(he|she))\b/i.exec(
      sentence,
    );
  if (!subject) return [];
  // "He added": the one last reported speaking, else the first person of the sentence before.
  const inherited = subject[1] ? previous : [lastSpeaker ?? previous[0]!];
  const pronoun = subject[1] ?? subject[2]!;
  const start = subject.index + subject[0].length - pronoun.length;
  // Placed where the pronoun stands, so "He said" finds its speaker.
  return inherited.map((n) => ({ ...n, text: pronoun, index: start }));
}

/** "Signed a ceasefire agreement", "agreed to a truce": the agreement is the ceasefire, the more specific type. */
function asTruce(t: Trigger, triggers: Trigger[]): Trigger {
  const truce = triggers.find((x) => x.type === 'ceasefire');
  return t.type === 'agreement' && truce && truce.index > t.index && truce.index - t.index <= 30 ? truce : t;
}

const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
};
const UNIT_DAYS = { day: 1, week: 7, month: 30 } as const;

/** "Two weeks after Turkey and Russia signed…": the span before the clause of the trigger at `index`. */
function elapsedBefore(
  sentence: string,
  index: number,
): { expression: string; index: number; days: number; unit: keyof typeof UNIT_DAYS } | null {
  const m = /\b(a|an|one|two|three|four|five|six|ten|\d{1,2}) (day|week|month)s? after\s+[^,.;]{0,60}$/i.exec(
    sentence.slice(0, index),
  );
  if (!m) return null;
  const n = NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1]);
  const unit = m[2]!.toLowerCase() as keyof typeof UNIT_DAYS;
  return { expression: `${m[1]} ${m[2]}${n > 1 ? 's' : ''} after`, index: m.index, days: n * UNIT_DAYS[unit], unit };
}

/**
 * "Three days later", "the same day", "the next day" just after the trigger's words (or opening the sentence): a
 * span counted from a date told before it.
 */
function laterSpan(sentence: string, trigger: Trigger): { expression: string; index: number; days: number } | null {
  const re =
    /\b(?:(a|one|two|three|four|five|six|seven|ten|\d{1,2}) (day|week)s? (later|earlier|before)|the (same|next|following|previous) day|the day (before|after))\b/gi;
  const end = trigger.index + trigger.words.length;
  for (const m of sentence.matchAll(re)) {
    const near =
      (m.index >= end && m.index - end <= 60) ||
      m.index <= 3 ||
      (m.index < trigger.index && trigger.index - m.index <= 80);
    if (!near) continue;
    const word = (m[4] ?? m[5] ?? '').toLowerCase();
    const days = m[1]
      ? (NUMBERS[m[1].toLowerCase()] ?? Number(m[1])) *
        (m[2]!.toLowerCase() === 'week' ? 7 : 1) *
        (m[3]!.toLowerCase() === 'later' ? 1 : -1)
      : word === 'same'
        ? 0
        : word === 'previous' || word === 'before'
          ? -1
          : 1;
    return { expression: m[0], index: m.index, days };
  }
  return null;
}

/** The date `span` before `later`, widened by the roundness of the span ("two weeks" is 11 to 17 days). */
function shiftedBack(later: CandidateDate, span: NonNullable<ReturnType<typeof elapsedBefore>>): CandidateDate {
  const slack = span.unit === 'day' ? 0 : span.unit === 'week' ? 3 : 10;
  return {
    resolution: 'relative',
    expression: span.expression,
    earliest: addDays(later.earliest, -span.days - slack),
    latest: addDays(later.latest, -span.days + slack),
    precision: span.unit === 'day' ? 'day' : span.unit === 'week' ? 'days' : 'month',
    qualifier: 'approximate',
    note: `"${span.expression}" the happening the sentence reports (${later.earliest}..${later.latest}).`,
  };
}

/**
 * A sentence that names no one and whose subject is a role ("The ministry said the soldiers struck back", "The
 * troops were withdrawn"): the role is one of the actors last named, so the sentence inherits them, placed where
 * the role stands.
 */
function inheritedByRole(sentence: string, previous: NameMatch[], known: NameMatch[]): NameMatch[] {
  if (previous.length === 0 || known.length > 0) return [];
  const subject = ROLE_SUBJECT.exec(sentence);
  if (!subject) return [];
  const start = subject.index + subject[0].length - subject[1]!.length;
  return previous.map((n) => ({ ...n, text: subject[1]!, index: start }));
}

const ROLE_SUBJECT =
  /^(?:["“]?\s*|[^,"“]{0,60},\s*)((?:the|both|the two) (?:[\w-]+ )?(?:ministry|military|army|soldiers|troops|forces|officials?|spokes(?:man|woman|person)|agency|government|minister|department|presidency|sides|countries|leaders|delegations?))\b/i;

/**
 * Words that may stand between a speaker and the speech verb: titles and names, auxiliaries and adverbs of wire
 * style ("Turkey's Defense Minister Hulusi Akar", "Peskov also said", "Erdogan on Tuesday said").
 */
/** A body of a state named before it: "the foreign ministry of", "the Defense Ministry of the". */
const VOICE_OF =
  /\b(?:ministry|military|army|government|authorities|spokes(?:man|woman|person)|General Staff|officials)\s+of\s+(?:the\s+)?$/i;

const SPEAKER_GAP =
  /^(?:[\s,]|[A-Z][\w’'.-]*|of|the|and|for|'s|’s|also|has|have|had|later|earlier|previously|repeatedly|on|last|this|in|foreign|defen[cs]e|interior|officials?|military|ministry|army|sources|diplomats|authorities|government|spokes(?:man|woman|person)|press service|operator|company)*$/;

/**
 * A second trigger that only mentions a happening beside the sentence's news: a definite reference with no date
 * phrase after it ("as at the beginning of the memorandum"), or a humanitarian consequence nobody is reported to
 * warn of ("bombed schools, causing the displacement of half the population").
 */
function onlyMentioned(sentence: string, t: Trigger, phrases: DatePhrase[]): boolean {
  if (t.type === 'humanitarian_warning')
    return !findTriggers(sentence).some((x) => x.type === 'statement') && !/\baccording to\b/i.test(sentence);
  const definite = isDefiniteReference(sentence, t.words);
  return definite && !phrases.some((p) => p.readings.length > 0 && p.index > t.index);
}

/** True when a finite verb stands between the trigger and the date phrase (the phrase belongs to that verb). */
function verbBetween(sentence: string, trigger: Trigger, phrase: DatePhrase): boolean {
  const [from, to] =
    phrase.index > trigger.index
      ? [trigger.index + trigger.words.length, phrase.index]
      : [phrase.index + phrase.expression.length, trigger.index];
  // "The talks, which will be held in Sochi on September 29": the verb of a relative clause tells of the noun.
  if (
    phrase.index > trigger.index &&
    /^[^.;]{0,40}\b(which|that)\s+(will|would|is|are|was|were)\b/.test(sentence.slice(from, to))
  )
    return false;
  return verbGroups(sentence).some(
    (g) =>
      !g.nonFinite &&
      g.start >= from &&
      g.end <= to &&
      // "The summit … started on Monday": a verb that only says when the noun took place dates it.
      !(phrase.index > trigger.index && HAPPENING_VERB.test(sentence.slice(g.start, g.end))) &&
      // "A Russian fighter jet": a bare word after "a" that does not end in -s is a noun compromise took for a verb
      // (no singular subject after "a" takes a verb without -s).
      !(
        g.form === 'simple-present' &&
        !/\s/.test(sentence.slice(g.start, g.end)) &&
        !/s$/i.test(sentence.slice(g.start, g.end)) &&
        /\b(?:a|an)\s+(?:[\w-]+\s+){0,3}$/i.test(sentence.slice(Math.max(0, g.start - 40), g.start))
      ) &&
      // "a truce agreed 18 months ago": a participle right after the noun describes it; the phrase is the noun's.
      !(phrase.index > trigger.index && /^\s*$/.test(sentence.slice(from, g.start)) && g.form === 'simple-past'),
  );
}

/** Verbs whose only news is that their subject took place: the phrase after them is the subject's date. */
const HAPPENING_VERB =
  /\b(?:start(?:s|ed)?|beg[au]n|begins|end(?:s|ed)|took place|takes place|was held|were held|is held|(?:was|were) (?:carried out|conducted|completed|staged)|opened|open(?:s)?|conclud(?:ed|es)|lasted|kicked off|got under way)\b/i;

/** "An air strike killed ten": the noun is the subject of a finite verb just after it, which its date may follow. */
function hasOwnVerb(sentence: string, trigger: Trigger): boolean {
  const end = trigger.index + trigger.words.length;
  const next = verbGroups(sentence).find((g) => g.start >= end);
  return next !== undefined && !next.nonFinite && next.start - end <= 15;
}

/** An aside between commas: "Akar, speaking to journalists, said". */
const ASIDE = /^\s*,[^,]{1,50},\s*$/;
/** A relative clause: "Çavuşoğlu, who announced the meeting", "Çavuşoğlu, who was in Pakistan, stressed". */
const RELATIVE = /^\s*,\s*who\s+(?:also\s+)?$|^\s*,\s*who\b[^,]{1,100},\s*(?:also\s+)?$/;

/**
 * The actor that is the subject of the speech verb: named just before it, only titles and names between
 * ("Turkish Defense Minister Hulusi Akar said"), or just after a verb of saying ("…, said Akar").
 */
export function speakerOf(sentence: string, verb: Trigger, names: NameMatch[]): NameMatch | null {
  const actors = names.filter((n) => n.file === 'actors');
  const before = actors
    .filter((n) => n.index + n.text.length <= verb.index)
    .filter((n) => {
      const gap = sentence.slice(n.index + n.text.length, verb.index);
      return (gap.length <= 60 && (SPEAKER_GAP.test(gap) || ASIDE.test(gap))) || RELATIVE.test(gap);
    })
    .at(-1);
  if (before) return before;
  // "According to Shoigu, …": the name after the phrase.
  if (/^according to$/i.test(verb.words))
    return actors.find((n) => /^\s*(?:the\s+)?$/.test(sentence.slice(verb.index + verb.words.length, n.index))) ?? null;
  if (!/^(said|says|added|stated|noted|stressed|declared)$/i.test(verb.words)) return null;
  return (
    actors.find(
      (n) =>
        n.index >= verb.index + verb.words.length &&
        /^\s*$/.test(sentence.slice(verb.index + verb.words.length, n.index)),
    ) ?? null
  );
}

/** "The deal", "the Idlib ceasefire agreement": the trigger is named as something the reader already knows. */
function isDefiniteReference(sentence: string, words: string): boolean {
  const m = new RegExp(`\\bthe (\\S+ ){0,3}${escapeRegExp(words)}`, 'i').exec(sentence);
  // "The three countries signed a deal": a verb after a definite subject is a happening told, not one referred to;
  // so is a passive ("the envoy was shot dead").
  if (m === null) return false;
  const at = m.index + m[0].length - words.length;
  return (
    !isVerbAt(sentence, at, words) &&
    !/\b(?:was|were|has been|have been|had been|is|are|being)\s+$/i.test(sentence.slice(0, at))
  );
}
