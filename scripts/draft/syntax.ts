/**
 * A little syntax from compromise's part-of-speech tags: the verb groups of a sentence with their tense and form,
 * and the part of speech of the word at an offset. Used to tell the main happening of a clause from words that only
 * mention one ("to have a meeting", "the need to abide by the ceasefire agreement").
 */
import nlp from 'compromise';

export interface VerbGroup {
  text: string;
  start: number;
  end: number;
  /** compromise's form: "simple-past", "present-perfect", "past-perfect", "passive-past", "future"… */
  form: string;
  /** A gerund or an infinitive ("resulting", "to discuss"): not the finite verb of a clause. */
  nonFinite: boolean;
}

interface RawVerb {
  text: string;
  offset: { start: number; length: number };
  verb?: { grammar?: { form?: string; isInfinitive?: boolean } };
  terms: { tags: string[] }[];
}

const cache = new Map<string, VerbGroup[]>();

/** The verb groups of `sentence`, left to right, with offsets into it. */
export function verbGroups(sentence: string): VerbGroup[] {
  const hit = cache.get(sentence);
  if (hit) return hit;
  const raw = nlp(sentence).verbs().json({ offset: true }) as RawVerb[];
  const out = raw.map((v) => {
    const text = v.text.replace(/[\s.,;:!?"”’)]+$/, '');
    return {
      text,
      start: v.offset.start,
      end: v.offset.start + text.length,
      form: v.verb?.grammar?.form ?? '',
      nonFinite:
        Boolean(v.verb?.grammar?.isInfinitive) ||
        v.terms.every((t) => t.tags.includes('Gerund') || !t.tags.includes('Verb')),
    };
  });
  if (cache.size > 500) cache.clear();
  cache.set(sentence, out);
  return out;
}

/** The verb group the word at `index` belongs to, else the nearest finite one before it (its clause's verb). */
export function governingVerb(sentence: string, index: number): VerbGroup | null {
  const groups = verbGroups(sentence);
  const own = groups.find((g) => g.start <= index && index < g.end);
  if (own) return own;
  return groups.filter((g) => g.end <= index && !g.nonFinite).at(-1) ?? null;
}

interface RawTerm {
  offset: { start: number; length: number };
  terms: { tags: string[] }[];
}

const termCache = new Map<string, { start: number; end: number; verb: boolean }[]>();

function terms(sentence: string): { start: number; end: number; verb: boolean }[] {
  const hit = termCache.get(sentence);
  if (hit) return hit;
  const out = (nlp(sentence).terms().json({ offset: true }) as RawTerm[]).map((t) => ({
    start: t.offset.start,
    end: t.offset.start + t.offset.length,
    verb: t.terms[0]?.tags.includes('Verb') ?? false,
  }));
  if (termCache.size > 500) termCache.clear();
  termCache.set(sentence, out);
  return out;
}

/**
 * True when the trigger at `index` is a verb, not a noun: its last word is tagged a verb ("drone sales" is a
 * noun even where compromise reads "drone" as a verb; "met", "visited" are verbs).
 */
export function isVerbAt(sentence: string, index: number, words = ''): boolean {
  const last = index + Math.max(0, words.lastIndexOf(' ') + 1);
  const term = terms(sentence).find((t) => t.start <= last && last < t.end);
  return term?.verb ?? false;
}

/** "has bought", "have been sold": the present perfect says it happened before, at no stated time. */
export function isPresentPerfect(g: VerbGroup | null): boolean {
  return g !== null && /^(has|have)\b/i.test(g.text) && !/progressive/.test(g.form);
}

/** "had been killed": the past perfect puts it before a past moment the article reports from. */
export function isPastPerfect(g: VerbGroup | null): boolean {
  return g !== null && /^had\b/i.test(g.text);
}

/** How a trigger word stands in its clause, when that says it does not report a happening of its own. */
export type TriggerRole =
  /** The subject matter of talks ("drone sales would be discussed", "to discuss the sanctions"): no happening. */
  | 'topic'
  /** An earlier happening the clause refers to ("abide by the ceasefire agreement", "violations of a truce"). */
  | 'reference'
  /** The object of an intention ("agreed to have a meeting", "plans to hold talks"): a planned happening. */
  | 'intended';

const DETERMINERS = String.raw`(?:(?:a|an|the|its|their|his|her|our|this|that|these|those|another|new|further|possible|potential|[A-Z][\w’'-]*|\w+-\w+|[\w’']+'s|[\w’']+’s|of|and)\s+)`;
// "Talks on the offensive", "a deal aimed at ending the fighting": the happening is what is talked of or meant to
// stop, not what the sentence reports.
const TOPIC_BEFORE = new RegExp(
  String.raw`\b(?:discuss(?:es|ed|ing)?|talk(?:s|ed)? (?:about|on|over)|raised?|on the agenda(?: was| is)?|aim(?:ed|s|ing)? at|aim(?:s|ed)? to|ending|to (?:end|halt|stop|contain|find|secure|achieve)|in search of|search for|an end to|(?:right|ready|prepared) to (?:respond|retaliate) (?:to|against))\s+(?!(?:in|by|over|during|via)\s)${DETERMINERS}{0,4}$`,
  'i',
);
/**
 * "To discuss the likely Syrian government military offensive": what is to be discussed, however many words stand
 * before its noun (none of them a verb's end of clause: no comma, no full stop).
 */
// Not "discussed in a telephone conversation", "talked over the phone": the words after the preposition are how
// they talked, not what about.
const TOPIC_DISCUSSED =
  /\b(?:to discuss|discussing|discussed|talks (?:on|about|over)|to talk about)\s+(?!(?:in|by|over|during|via)\s)(?:[\w’'-]+\s+){0,6}$/i;
/** "Çavuşoğlu, who announced the meeting": a meeting named as what someone announced is the announcement's topic. */
const ANNOUNCED =
  /\b(?:announc(?:ed|es|ing)|confirm(?:ed|s|ing)|disclos(?:ed|es|ing)|revealed)\s+(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}$/i;
const MEETING_WORDS = /^(?:meeting|meetings|talks|visit|trip|summit|call|phone call)$/i;

const TOPIC_AFTER =
  /^(?:\s+[\w’'-]+){0,3}?\s+(?:(?:would|will|could|might|may|to|should|must) )?(?:be |been )?discussed\b/i;
const REFERENCE_BEFORE = new RegExp(
  String.raw`\b(?:abid(?:e|es|ed|ing) by|uphold(?:s|ing)?|implement(?:s|ed|ing|ation of)?|violat(?:e|es|ed|ing|ions? of)|breach(?:es|ed)?(?: of)?|compl(?:y|ies|ied|iance) with|commitment to|committed to|under|terms of|principles of|responsibilities (?:in|under)|protected by|in line with|in accordance with|(?:within|under) the framework of|as part of|pursuant to|guarantors?(?: countries| states| nations)? of|observance of|parties to|signator(?:y|ies) (?:of|to))\s+${DETERMINERS}{0,4}$`,
  'i',
);
/** "Condemned the air strikes": the happening is what a saying judges; the saying is the sentence's news. */
export function isJudged(sentence: string, index: number): boolean {
  return JUDGED.test(sentence.slice(Math.max(0, index - 80), index));
}
/** Verbs of judging what happened: "condemned", "welcomed", "criticised". */
const JUDGING = String.raw`condemn(?:ed|s|ing)?|denounc(?:ed|es|ing)?|critici[sz](?:ed|es|ing)|deplor(?:ed|es|ing)|welcom(?:ed|es|ing)|prais(?:ed|es|ing)`;
const JUDGED = new RegExp(String.raw`\b(?:${JUDGING})\s+${DETERMINERS}{0,4}["“]?${DETERMINERS}{0,3}$`, 'i');
const CAUSE_OR_JUDGED = new RegExp(
  String.raw`\b(?:over|because of|in response to|in retaliation for|${JUDGING}|blam(?:ed|es|ing) (?:\w+ )?for|protest(?:ed|ing)? against)\s+${DETERMINERS}{0,4}$`,
  'i',
);
const INTENDED_BEFORE = new RegExp(
  String.raw`\b(?:to (?:have|hold|sign|reach|conduct|launch|stage|pay|make|attend|host|organi[sz]e|arrange)|agreed to|agreed on)\s+${DETERMINERS}{0,3}$`,
  'i',
);

/** "To monitor the ceasefire", "observing the truce": a watch kept over a happening agreed elsewhere. */
const WATCHED = new RegExp(
  String.raw`\b(?:monitor(?:s|ed|ing)?|observ(?:e|es|ed|ing)|supervis(?:e|es|ed|ing)|overs(?:ee|ees|aw|eeing)|control(?:s|led|ling)?)\s+${DETERMINERS}{0,3}$`,
  'i',
);

/**
 * The role of the trigger at `index` (its words `words`) in its clause, from the words around it and whether it
 * is a verb: only a noun can be a topic, a reference or the object of an intention.
 */
export function triggerRole(sentence: string, index: number, words: string): TriggerRole | null {
  // "Support of rebels fighting the regime": a participle after a group's name says who they are, not what happened.
  if (
    /^(?:fighting|battling)$/i.test(words) &&
    /\b(?:rebels|militants|groups|factions|fighters|insurgents|jihadists|militias)\s+$/i.test(sentence.slice(0, index))
  )
    return 'topic';
  const before = sentence.slice(Math.max(0, index - 80), index);
  // "Sanctions over downed jet": after a preposition of cause no word is a finite verb, whatever the tagger says.
  if (/\b(?:over|because of|in response to|in retaliation for)\s+$/i.test(before)) return 'reference';
  if (isVerbAt(sentence, index, words)) return null;
  const after = sentence.slice(index + words.length, index + words.length + 60);
  if (TOPIC_BEFORE.test(before) || TOPIC_AFTER.test(after) || TOPIC_DISCUSSED.test(before)) return 'topic';
  if (MEETING_WORDS.test(words) && ANNOUNCED.test(before)) return 'topic';
  // "A ceasefire monitoring center", "ceasefire violations": the noun qualifies another, it is no happening here.
  if (
    /^\s+(?:monitoring|supervision|monitors?|observers?|violations?|compliance|regime|line|proposals?|plans?)\b/i.test(
      after,
    )
  )
    return 'topic';
  // "A centre to observe the ceasefire": what is watched over is the watch's object, not a truce agreed here.
  if (/^(?:cease-?fire|truce|armistice)$/i.test(words) && WATCHED.test(before)) return 'topic';
  if (REFERENCE_BEFORE.test(before)) return 'reference';
  // "Sanctions over the downed jet", "condemned the air strikes": a cause or the object of a judgement is a
  // happening referred to, told elsewhere if at all.
  if (CAUSE_OR_JUDGED.test(before)) return 'reference';
  // "The warplane shot down by Turkey", "a deal brokered by Moscow": a participle after its noun describes it.
  if (
    /^\s+by\b/i.test(after) &&
    /\b[a-z][\w’'-]*\s+$/i.test(before) &&
    !/\b(?:was|were|been|being|is|are|be|had|has|have|got|and|or|,)\s+$/i.test(before) &&
    /(?:ed|own|ck|ot)$/i.test(words)
  )
    return 'reference';
  // "Agreed to a ceasefire" concludes the truce; "agreed to have a meeting" plans the meeting.
  if (/^(?:cease-?fire|truce|armistice)$/i.test(words) && /\bagreed (?:to|on)\s+(?:an?\s+|the\s+)?$/i.test(before))
    return null;
  if (INTENDED_BEFORE.test(before)) return 'intended';
  return null;
}
