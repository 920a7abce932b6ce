/** Candidate events: one per sentence that reports a happening, with its type, modality, date, actors and places. */
import type { EventType, Modality } from '../../src/domain/taxonomy.ts';
import type { Precision, Qualifier } from '../../src/domain/temporal.ts';
import { nearestPhrase, chooseReading, findDatePhrases, type DatePhrase } from './dates.ts';
import { findUnknownNames, matchKnownNames, type KnownRecord, type NameMatch, type UnknownName } from './names.ts';
import type { Sentence } from './sentences.ts';
import { compatibleTypes } from './merge.ts';
import { findModality, findTriggers, rankTriggers } from './triggers.ts';

export interface CandidateDate {
  resolution: 'explicit' | 'relative' | 'inferred';
  expression: string | null;
  earliest: string;
  latest: string;
  precision: Precision;
  qualifier: Qualifier | null;
  note: string | null;
}

export interface Candidate {
  sentences: Sentence[];
  /** The trigger is a definite reference ("the Idlib deal"): an earlier happening the reader is expected to know. */
  reference: boolean;
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
): Candidate[] {
  const out: Candidate[] = [];
  for (const sentence of sentences) {
    if (sentence.text.length < 25 || !/\s/.test(sentence.text)) continue;
    const triggers = rankTriggers(findTriggers(sentence.text));
    if (triggers.length === 0) continue;
    const names = matchKnownNames(sentence.text, actors, places);
    const unknown = findUnknownNames(sentence.text, names);
    if (names.length === 0 && unknown.length === 0) continue;
    const { modality, cue } = findModality(sentence.text);
    const phrases = findDatePhrases(sentence.text, anchor);
    const primary = triggers[0]!;
    const chosen = [primary];
    // A second happening in the same sentence ("the visit comes as the offensive advances"): another type family.
    const second = triggers.find((t) => t.type !== 'statement' && !compatibleTypes(t.type, primary.type));
    if (second && primary.type !== 'statement') chosen.push(second);
    // "X said that Y": the statement is a happening of its own beside Y, when a known speaker stands by the verb.
    const statement = triggers.find((t) => t.type === 'statement');
    if (
      statement &&
      !['statement', 'humanitarian_warning'].includes(primary.type) &&
      // "…, it said": the speaker is whoever "it" is, not the name before it.
      !/\b(it|he|she|they)\s+$/i.test(sentence.text.slice(0, statement.index)) &&
      names.some(
        (n) =>
          n.file === 'actors' &&
          ((n.index < statement.index && statement.index - (n.index + n.text.length) <= 40) ||
            (n.index > statement.index && n.index - statement.index <= 30)),
      )
    )
      chosen.push(statement);
    for (const trigger of chosen) {
      const reference = new RegExp(`\\bthe (\\S+ ){0,3}${escapeRegExp(trigger.words)}`, 'i').test(sentence.text);
      let phrase = nearestPhrase(phrases, trigger.index);
      // "The Idlib deal, Akar said Tuesday": a phrase far from a definite reference dates the words, not the deal.
      if (reference && phrase && Math.abs(phrase.index - trigger.index) > 25) phrase = null;
      // "Officials said on Friday": a statement's date stands by its verb; else it is the day's.
      if (trigger.type === 'statement' && phrase && Math.abs(phrase.index - trigger.index) > 25) phrase = null;
      const planned = trigger.type !== 'statement' && modality === 'planned';
      const reading = phrase ? chooseReading(phrase, planned, anchor) : null;
      const date: CandidateDate =
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
          : {
              resolution: 'inferred',
              expression: null,
              earliest: anchor,
              latest: anchor,
              precision: 'day',
              qualifier: null,
              note: 'No date phrase in the sentence: dated to the publication day, when the source reports it. Review.',
            };
      out.push({
        sentences: [sentence],
        reference,
        type: trigger.type,
        trigger: trigger.words,
        modality: trigger.type === 'statement' && trigger !== primary ? 'occurred' : modality,
        modalityCue: trigger.type === 'statement' && trigger !== primary ? null : cue,
        date,
        phrases,
        actors: names.filter((n) => n.file === 'actors'),
        places: names.filter((n) => n.file === 'places'),
        unknown,
      });
    }
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
