/**
 * Merges: candidates of one article that describe one happening become one proposal, and a proposal that matches
 * an event already in data/events (overlapping date window, compatible type, a shared actor or place) becomes new
 * evidence for that event, never a duplicate.
 */
import { addDays } from '../../src/domain/iso-day.ts';
import type { EventType } from '../../src/domain/taxonomy.ts';
import { PRECISIONS, type Precision } from '../../src/domain/temporal.ts';
import type { Candidate } from './candidates.ts';
import { escapeRegExp } from './names.ts';

/** Types that may report the same happening ("talks" in one article, "visit" or "summit" in another). */
const FAMILIES: EventType[][] = [
  ['meeting', 'visit', 'summit', 'call'],
  ['attack', 'clash', 'offensive'],
  ['agreement', 'ceasefire'],
];

export function compatibleTypes(a: EventType, b: EventType): boolean {
  return a === b || FAMILIES.some((f) => f.includes(a) && f.includes(b));
}

export interface ExistingEvent {
  id: string;
  type: EventType;
  file: string;
  earliest: string;
  latest: string;
  precision: Precision;
  actorIds: string[];
  /** The actors in the role of speaker (a statement's), when the event says. */
  speakerIds?: string[];
  /** The actors in the role of attacker (an attack's, an offensive's), when the event says. */
  attackerIds?: string[];
  placeIds: string[];
  title: string;
}

/**
 * Whether the candidate's date says when it was: its own phrase, or the story's time the sentences before set
 * ("…on Tuesday. Putin told a press conference after the talks"); not the publication day taken for want of one.
 */
function isDated(c: Candidate): boolean {
  return c.date.resolution !== 'inferred' || c.date.carried === true;
}

/** The window a candidate may match in: an undated one (dated to the publication day) could be any recent day. */
function matchWindow(c: Candidate): [string, string] {
  if (isDated(c)) return [c.date.earliest, c.date.latest];
  const year = Number(c.date.earliest.slice(0, 4));
  const rest = c.date.earliest.slice(4);
  if (c.modality === 'planned') return [c.date.earliest, `${year + 1}${rest}`];
  // The headline and the lead tell the news: a happening of the days just before publication, not an old one.
  if (c.news && !c.reference) return [addDays(c.date.earliest, -7), c.date.latest];
  // "The deal", "the ceasefire agreement": any earlier happening; otherwise the days the article reports on.
  if (c.reference && c.type !== 'statement') return [`${year - 10}${rest}`, c.date.latest];
  // A meeting or statement without a date is one of the days reported on; a deal, a sale, a strike reported
  // without one may be years old ("Turkey has bought S-400s").
  if (['meeting', 'statement', 'visit', 'call', 'summit'].includes(c.type))
    return [addDays(c.date.earliest, -7), c.date.latest];
  return [`${year - 3}${rest}`, c.date.latest];
}

function overlaps(a: [string, string], b: [string, string]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

function shared(a: string[], b: string[]): string[] {
  return a.filter((x) => b.includes(x));
}

const ids = (c: Candidate, file: 'actors' | 'places') => (file === 'actors' ? c.actors : c.places).map((n) => n.id);

/** People and bodies: a statement is the same one only when the same speaker makes it. */
function speakers(c: Candidate, personIds: Set<string>): string[] {
  return ids(c, 'actors').filter((id) => personIds.has(id));
}

const MEETINGS: EventType[] = ['meeting', 'visit', 'summit', 'call'];

/** Merges the candidates of one article that describe one happening (same type, overlapping dates, a shared name). */
export function groupCandidates(candidates: Candidate[], personIds: Set<string>): Candidate[] {
  const groups: Candidate[] = [];
  // The headline names the news the lead tells: it joins the lead's happening when one shares a name with it, so
  // the body is grouped first. A headline matching nothing stays a happening of its own.
  const body = candidates.filter((c) => !c.headline);
  for (const h of candidates.filter((c) => c.headline)) {
    const hIds = [...ids(h, 'actors'), ...ids(h, 'places')];
    const tells = (c: Candidate) =>
      compatibleTypes(c.type, h.type) &&
      c.retaliation === h.retaliation &&
      // "Putin, Erdogan to discuss Idlib in Moscow" over "The one-day visit by Erdogan comes as…": the headline's
      // infinitive tells of the day's happening the body reports without a date of its own.
      (c.modality === h.modality || (h.modality === 'planned' && c.date.resolution === 'inferred')) &&
      [...ids(c, 'actors'), ...ids(c, 'places')].some((id) => hIds.includes(id));
    // The first dated one: a deck repeating the headline's words is no better placed than the headline.
    const lead = body.find((c) => tells(c) && c.date.resolution !== 'inferred') ?? body.find(tells);
    if (lead) {
      lead.sentences.push(...h.sentences);
      lead.news = true;
      for (const a of h.actors) if (!lead.actors.some((x) => x.id === a.id)) lead.actors.push(a);
      for (const p of h.places) if (!lead.places.some((x) => x.id === p.id)) lead.places.push(p);
    } else body.push(h);
  }
  /** The group the candidate before took part in: "The attack, blamed on …" is the one just told. */
  let previous: Candidate | null = null;
  for (const c of body) {
    const last = previous as Candidate | null;
    const anaphora: Candidate | null =
      last !== null &&
      c.reference &&
      c.type !== 'statement' &&
      c.date.resolution === 'inferred' &&
      // The same word for it ("the attack" after an attack), and no one the happening just told does not name.
      last.type === c.type &&
      speakers(c, personIds).every((id) => speakers(last, personIds).includes(id)) &&
      last.modality === c.modality &&
      last.retaliation === c.retaliation &&
      c.sentences[0]!.start - last.sentences.at(-1)!.end < 300
        ? last
        : null;
    const same: Candidate | undefined =
      anaphora ??
      groups.find((g) => {
        // A strike back is not the strike it answers.
        if (g.type !== 'statement' && g.retaliation !== c.retaliation) return false;
        if (g.type === 'statement' || c.type === 'statement') {
          if (g.type !== c.type) return false;
          // Each dated by a phrase of its own ("On Feb. 29, Erdoğan said…" … "Erdoğan also said on Feb. 29 that…"):
          // the writer tells two remarks; an undated "He added" goes on with the one before.
          if (
            c.date.resolution !== 'inferred' &&
            g.sentences.some((s) => s.line !== c.sentences[0]!.line) &&
            g.date.resolution !== 'inferred'
          )
            return false;
          const sameSpeaker = g.speaker !== null && g.speaker === c.speaker;
          if (
            !(sameSpeaker && c.date.resolution === 'inferred') &&
            !overlaps([g.date.earliest, g.date.latest], [c.date.earliest, c.date.latest])
          )
            return false;
        } else {
          // "His meeting with Putin", "the talks": an undated mention of a happening the article dates elsewhere.
          if (!compatibleTypes(g.type, c.type)) return false;
          // "Have held phone talks … agreed to a meeting": what happened and what is planned are two happenings.
          if ([g.modality, c.modality].includes('planned') && [g.modality, c.modality].includes('occurred'))
            return false;
          // A dated happening is not folded into one with another date or modality; into an undated mention of the
          // same people ("have reached an agreement" … "on Thursday they announced a ceasefire") it is, and dates it.
          if (c.date.resolution !== 'inferred') {
            if (g.modality !== c.modality) return false;
            // Only the news itself ("have reached an agreement" in the lead) or a meeting named as known ("the summit
            // lasted three hours") is the undated mention a dated happening of the same people folds into.
            if (g.date.resolution === 'inferred')
              return (
                c.modality === 'occurred' &&
                // Of the days just before the paper: "earlier this month" is another occasion than the news.
                ['day', 'days', 'week'].includes(c.date.precision) &&
                c.date.earliest >= addDays(g.date.earliest, -7) &&
                ((g.news && !g.reference) || (g.reference && MEETINGS.includes(g.type))) &&
                shared(speakers(g, personIds), speakers(c, personIds)).length > 0
              );
            if (!overlaps([g.date.earliest, g.date.latest], [c.date.earliest, c.date.latest])) return false;
          }
        }
        // One speaker's words reported over several sentences ("two officials said on Friday … another official
        // told Reuters"): one statement, the undated sentences folding into the dated one.
        if (g.type === 'statement' && g.speaker && c.speaker) return g.speaker === c.speaker;
        if (g.type === 'statement')
          return (
            shared(speakers(g, personIds), speakers(c, personIds)).length > 0 ||
            (g.actors[0] !== undefined && g.actors[0].id === c.actors[0]?.id && speakers(c, personIds).length === 0)
          );
        // "The official said the issues would be discussed in Sochi": an undated plan that names no one is the
        // article's one planned meeting, when it has only one.
        if (
          c.modality === 'planned' &&
          g.modality === 'planned' &&
          c.date.resolution === 'inferred' &&
          speakers(c, personIds).length === 0 &&
          MEETINGS.includes(c.type) &&
          groups.filter((x) => x.modality === 'planned' && MEETINGS.includes(x.type)).length === 1 &&
          MEETINGS.includes(g.type) &&
          // "Plans to speak to his counterparts by phone" is another happening than the meeting agreed on.
          (c.type === 'call') === (g.type === 'call')
        )
          return true;
        const sharedPeople = shared(speakers(g, personIds), speakers(c, personIds)).length;
        const sharedPlaces = shared(ids(g, 'places'), ids(c, 'places')).length;
        // "Turkey received on Friday the first batch … 'Turkey received the first batch'": the same type on the same
        // dated day by the same state is one happening, told twice.
        const sameDay =
          g.type === c.type &&
          g.date.resolution !== 'inferred' &&
          g.date.earliest === c.date.earliest &&
          g.date.latest === c.date.latest;
        const sharedActors = shared(ids(g, 'actors'), ids(c, 'actors')).length;
        return (
          sharedPeople > 0 || (sharedPlaces > 0 && g.date.resolution !== 'inferred') || (sameDay && sharedActors > 0)
        );
      });
    if (!same) {
      previous = { ...c, sentences: [...c.sentences] };
      groups.push(previous);
      continue;
    }
    previous = same;
    same.sentences.push(...c.sentences);
    for (const a of c.actors) if (!same.actors.some((x) => x.id === a.id)) same.actors.push(a);
    for (const p of c.places) if (!same.places.some((x) => x.id === p.id)) same.places.push(p);
    for (const u of c.unknown) if (!same.unknown.some((x) => x.text === u.text)) same.unknown.push(u);
    // The more precise date wins.
    if (
      c.date.resolution !== 'inferred' &&
      (same.date.resolution === 'inferred' ||
        PRECISIONS.indexOf(c.date.precision) < PRECISIONS.indexOf(same.date.precision))
    )
      same.date = c.date;
  }
  // "As part of the earlier agreement" … "a bilateral agreement brokered on March 5": an undated reference is the
  // article's dated happening of that type among the same actors, not another one to look for in the data.
  for (const r of [...groups]) {
    if (!r.reference || r.news || r.type === 'statement' || r.date.resolution !== 'inferred') continue;
    const dated = groups.find(
      (g) =>
        g !== r &&
        g.type === r.type &&
        g.date.resolution !== 'inferred' &&
        shared(ids(g, 'actors'), ids(r, 'actors')).length >= 2,
    );
    if (!dated) continue;
    dated.sentences.push(...r.sentences);
    groups.splice(groups.indexOf(r), 1);
  }
  return groups;
}

const MIN_SCORE = 5;

export interface Match {
  event: ExistingEvent;
  score: number;
  why: string;
}

/** The existing event a candidate reports, if any: the best-scoring one that passes every test. */
export function findMatch(
  c: Candidate,
  events: ExistingEvent[],
  personIds: Set<string>,
  /** Actors that stand for others when matching: a head of state for the state ("Erdogan" ~ Turkey). */
  standsFor: Map<string, string[]> = new Map(),
  /**
   * A state's armed forces, which it stands for in a background strike without a date ("Russia has repeatedly
   * carried out air strikes" is the Russian military's campaign); a dated raid is not folded into such a campaign.
   */
  forcesOf: Map<string, string[]> = new Map(),
): Match | null {
  let best: Match | null = null;
  const window = matchWindow(c);
  if (!isDated(c) && ['attack', 'clash', 'offensive', 'deployment'].includes(c.type))
    standsFor = new Map([...standsFor, ...forcesOf]);
  for (const e of events) {
    if (!compatibleTypes(c.type, e.type)) continue;
    if (!overlaps(window, [e.earliest, e.latest])) continue;
    // "Signed by the President of Russia, the President of Azerbaijan…": a country read as a place may be the
    // state the event names as an actor.
    const statesAsPlaces = ids(c, 'places').filter((id) => e.actorIds.includes(id) && !e.placeIds.includes(id));
    const actorIds = [
      ...new Set([...ids(c, 'actors'), ...statesAsPlaces].flatMap((id) => [id, ...(standsFor.get(id) ?? [])])),
    ];
    const actors = shared(actorIds, e.actorIds);
    const places = shared(ids(c, 'places'), e.placeIds);
    if (actors.length + places.length === 0) continue;
    // One state stood for by one of its people ("Putin" ~ Russia) is too thin a link on its own.
    if (places.length === 0 && shared(ids(c, 'actors'), e.actorIds).length === 0 && actors.length < 2) continue;
    // Violence is told from its side: "Turkey has launched a military campaign" in Idlib is not the Syrian
    // offensive there, whose attackers do not include Turkey. The sentence's first actor stands for its subject;
    // a person first ("Erdogan's visit comes as Assad's forces advance") says nothing of who attacks.
    const subject = c.actors[0];
    if (
      ['attack', 'clash', 'offensive'].includes(c.type) &&
      e.attackerIds?.length &&
      subject &&
      !personIds.has(subject.id) &&
      ![subject.id, ...(standsFor.get(subject.id) ?? [])].some((id) => e.actorIds.includes(id))
    )
      continue;
    // "Militants launched an offensive on Syrian army positions": the event's attacker named as the target is on
    // the other side, so this is another offensive.
    if (
      ['attack', 'clash', 'offensive'].includes(c.type) &&
      e.attackerIds?.length &&
      targets(c).some((id) => e.attackerIds!.includes(id))
    )
      continue;
    // A meeting is its participants: "Putin and Assad met" is not a meeting of Putin with Erdogan.
    const people = speakers(c, personIds);
    const eventPeople = e.actorIds.filter((id) => personIds.has(id));
    if (
      MEETINGS.includes(c.type) &&
      people.length >= 2 &&
      eventPeople.length >= 2 &&
      shared(people, eventPeople).length < 2
    )
      continue;
    // Without a date of its own, a candidate must share more than one name ("the offensive" is not every offensive).
    if (!isDated(c) && actors.length + places.length < 2) continue;
    // A statement is the same one only when its speaker is the event's: "Putin said" is not the department's
    // statement about Putin.
    const speakerPool = e.type === 'statement' && e.speakerIds?.length ? e.speakerIds : e.actorIds;
    if (c.type === 'statement' && shared(c.speaker ? [c.speaker] : speakers(c, personIds), speakerPool).length === 0)
      continue;
    // A happening of a few days is not a campaign of years, though the years contain it. An arms deal is the
    // exception: its contract and its deliveries, each of a day, are steps of the one purchase of years.
    // "Hostilities began on 27 September": the day a campaign began is a day of it too.
    if (
      !(c.type === 'arms_deal' && e.type === 'arms_deal') &&
      !(c.type === e.type && isOnset(c)) &&
      Math.abs(PRECISIONS.indexOf(c.date.precision) - PRECISIONS.indexOf(e.precision)) >= 4
    )
      continue;
    // A ceasefire is an agreement: "agreed to establish a corridor" in the week of a truce is likelier that truce
    // than a meeting is a visit.
    const kin = c.type === e.type ? 3 : [c.type, e.type].every((t) => t === 'agreement' || t === 'ceasefire') ? 2 : 1;
    let score = kin + actors.length + places.length;
    if (isDated(c)) score += 2;
    // Undated: the event still under way on the day the article speaks of is the likelier one.
    else if (e.earliest <= c.date.earliest && c.date.latest <= e.latest) score += 1;
    // One window inside the other: the same stretch of time told more or less precisely.
    if (
      isDated(c) &&
      ((c.date.earliest >= e.earliest && c.date.latest <= e.latest) ||
        (e.earliest >= c.date.earliest && e.latest <= c.date.latest))
    )
      score += 1;
    // Prefer the event whose window is closest in width to the candidate's.
    score -= Math.abs(PRECISIONS.indexOf(c.date.precision) - PRECISIONS.indexOf(e.precision)) * 0.1;
    if (!best || score > best.score)
      best = {
        event: e,
        score,
        why: `${c.type === e.type ? 'same type' : `compatible type (${c.type} ~ ${e.type})`}; dates overlap (${window[0]}..${window[1]} vs ${e.earliest}..${e.latest}); shares ${[...actors, ...places].join(', ')}`,
      };
  }
  if (!best || best.score < MIN_SCORE) return null;
  return best;
}

/** The actors named as what a strike or offensive is aimed at: "an offensive on Syrian army positions". */
function targets(c: Candidate): string[] {
  return c.actors
    .filter((n) =>
      c.sentences.some(
        (s) =>
          s.text.slice(n.index, n.index + n.text.length) === n.text &&
          /\b(?:offensive|attacks?|assault|strikes?|raids?|advance|push)\s+(?:on|against|targeting)\s+(?:the\s+)?$/i.test(
            s.text.slice(Math.max(0, n.index - 40), n.index),
          ),
      ),
    )
    .map((n) => n.id);
}

/** "Hostilities began", "the war broke out", "launched an offensive": the candidate tells when a longer one began. */
function isOnset(c: Candidate): boolean {
  const t = escapeRegExp(c.trigger);
  const onset = new RegExp(
    `\\b${t}\\s+(?:\\w+\\s+)?(?:began|begun|broke out|erupted|started)\\b|\\b(?:began|launched|started|outbreak of)\\s+(?:\\w+\\s+){0,3}${t}\\b`,
    'i',
  );
  return c.sentences.some((s) => onset.test(s.text));
}

/** True when the candidate's date is strictly more precise than the event's and lies within it. */
export function isNarrower(c: Candidate, e: ExistingEvent): boolean {
  return (
    c.date.resolution !== 'inferred' &&
    // Only a day (or a few) says when the happening itself was: "in February", "the past few weeks" of a months-long
    // offensive tell of a part of it.
    (c.date.precision === 'day' || c.date.precision === 'days') &&
    c.date.qualifier === null &&
    PRECISIONS.indexOf(c.date.precision) < PRECISIONS.indexOf(e.precision) &&
    c.date.earliest >= e.earliest &&
    c.date.latest <= e.latest
  );
}
