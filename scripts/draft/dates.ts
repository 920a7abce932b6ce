/**
 * Finding the date phrases of a sentence and resolving them with the project's own resolver
 * (src/domain/temporal.ts), against the article's publication day.
 */
import { isNoFinerThan, resolveTemporalExpression, type Reading } from '../../src/domain/temporal.ts';

export interface DatePhrase {
  /** Verbatim, as in the sentence (the build locates it in the text). */
  expression: string;
  /** Offset in the sentence. */
  index: number;
  /** The readings the resolver gives, or the reason it gives none. */
  readings: Reading[];
  failure: string | null;
}

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DAY = '(?:[0-3]?\\d)(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d\\d';
const UNIT = '(?:week|month|year|weekend)';
const NUMBER = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|a|an)';

/** Ordered longest first; every alternative is tried at every position and overlapping finds are dropped. */
const PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:(?:on|On) )?${WEEKDAY} (?:night|evening|morning|afternoon)\\b`, 'g'),
  /\b(?:(?:in|over) )?the (?:coming|next few) (?:days|weeks|months)\b/gi,
  /\b(?:in|over) (?:the )?(?:recent|past few|last few) days\b/gi,
  /\b(?:last night|overnight|earlier this week|later this week)\b/gi,
  /\b(?:early|mid|mid-|late) ?(?:last|this|next) month\b/gi,
  // Seasons, lower-case only ("Operation Spring Shield" is no season), with a word that makes them one.
  new RegExp(
    `\\b(?:(?:in|during|over) )?(?:the )?(?:[Tt]his|[Ll]ast|[Pp]ast|[Nn]ext) (?:spring|summer|autumn|fall|winter)\\b`,
    'g',
  ),
  new RegExp(`\\b(?:[Ii]n|[Dd]uring) the (?:spring|summer|autumn|fall|winter)(?: of ${YEAR})?\\b`, 'g'),
  new RegExp(`\\b(?:the )?(?:spring|summer|autumn|winter) (?:of )?${YEAR}\\b`, 'g'),
  /\b(?:over|at|during) the weekend\b/gi,
  new RegExp(`\\b(?:tomorrow|today|yesterday|tonight),? ${WEEKDAY}\\b`, 'g'),
  new RegExp(
    // Not "from March 15": that is a day, found by the day patterns below.
    `\\b(?:since|from) (?:(?:early|mid|late)[- ])?(?:the (?:beginning|start|end) of )?${MONTH}(?: ${YEAR})?\\b(?! ${DAY})`,
    'gi',
  ),
  new RegExp(`\\b(?:since|from) (?:the )?(?:its |their )?(?:[a-z]+ )?(?:in )?${YEAR}\\b`, 'g'),
  new RegExp(`\\b(?:(?:on|On) )?${MONTH} ${DAY}[–-]${DAY}(?:,? ${YEAR})?\\b`, 'g'),
  new RegExp(`\\b(?:(?:on|On) )?(?:${WEEKDAY},? )?${MONTH} ${DAY}(?:,? ${YEAR})?\\b`, 'g'),
  new RegExp(`\\b(?:(?:on|On) )?(?:${WEEKDAY},? )?${DAY}(?:[–-]${DAY})? ${MONTH}(?:,? ${YEAR})?\\b`, 'g'),
  new RegExp(`\\b(?:(?:in|In) )?(?:(?:early|mid|late)[- ])?${MONTH},? ${YEAR}\\b`, 'g'),
  new RegExp(`\\b(?:(?:in|In) )?(?:early|mid|late)[- ]${MONTH}\\b`, 'g'),
  new RegExp(`\\b(?:(?:in|In) )?(?:early |mid-|late )?${YEAR}\\b`, 'g'),
  new RegExp(`\\b(?:last|next|this|on|On|Last|Next|This|On) ${WEEKDAY}\\b`, 'g'),
  new RegExp(`\\b(?:later|earlier|late|early) (?:this|last|next) ${UNIT}\\b`, 'gi'),
  new RegExp(`\\b(?:towards?|at|by) the (?:end|beginning|start) of (?:the|this|last|next) ${UNIT}\\b`, 'gi'),
  new RegExp(`\\b(?:since )?the (?:beginning|start|end) of ${MONTH}\\b`, 'gi'),
  new RegExp(`\\b(?:last|next|this|past) ${UNIT}\\b`, 'gi'),
  new RegExp(`\\b(?:(?:in|In) )?${MONTH}\\b(?! ${DAY})`, 'g'),
  new RegExp(`\\b${NUMBER} ${UNIT}s? ago\\b`, 'gi'),
  new RegExp(`\\b(?:(?:during|over|in|for) )?the (?:past|last) (?:few |${NUMBER} )?${UNIT}s?\\b`, 'gi'),
  new RegExp(`\\b(?:for|in recent) ${UNIT}s\\b`, 'gi'),
  /\b(?:today|tomorrow|yesterday|tonight|recently|this morning|this afternoon|this evening)\b/gi,
  new RegExp(`\\b${WEEKDAY}\\b`, 'g'),
];

/** Every date phrase of `sentence`, left to right, each resolved against `anchor` (an ISO day). */
export function findDatePhrases(sentence: string, anchor: string): DatePhrase[] {
  const found: { expression: string; index: number }[] = [];
  for (const pattern of PATTERNS) {
    for (const m of sentence.matchAll(pattern)) {
      const index = m.index;
      const end = index + m[0].length;
      if (found.some((f) => index < f.index + f.expression.length && f.index < end)) continue;
      found.push({ expression: m[0], index });
    }
  }
  return found
    .sort((a, b) => a.index - b.index)
    .map(({ expression, index }) => {
      const resolved = resolveWithFallbacks(expression, anchor);
      return {
        expression: resolved.expression,
        index: index + resolved.shift,
        readings: resolved.readings,
        failure: resolved.failure,
      };
    });
}

/** Resolves the phrase; when the resolver refuses it, tries it without a leading preposition ("on", "in"). */
function resolveWithFallbacks(
  expression: string,
  anchor: string,
): { expression: string; shift: number; readings: Reading[]; failure: string | null } {
  const attempts = [expression];
  const bare = /^(?:on|in|On|In|during|over|for) /.exec(expression);
  if (bare) attempts.push(expression.slice(bare[0].length));
  let failure: string | null = null;
  for (const attempt of attempts) {
    const r = resolveTemporalExpression(attempt, anchor);
    if (r.ok)
      return { expression: attempt, shift: expression.length - attempt.length, readings: r.readings, failure: null };
    failure ??= r.message;
  }
  // A resolver that splits "March 5, 2020" at its comma: quote "March 5" when its reading is in that year.
  const last = attempts.at(-1)!;
  const year = /^(.*\S),? ((?:19|20)\d\d)$/.exec(last);
  if (year) {
    const r = resolveTemporalExpression(year[1]!, anchor);
    const inYear = r.ok ? r.readings.filter((x) => x.earliest.startsWith(year[2]!)) : [];
    if (inYear.length > 0)
      return { expression: year[1]!, shift: expression.length - last.length, readings: inYear, failure: null };
  }
  return { expression, shift: 0, readings: [], failure };
}

/**
 * The one reading a phrase most likely means: for a bare weekday, the past one when the sentence reports a
 * happening that occurred, the next one when it is planned; the publication day itself unless `before`.
 */
export function chooseReading(
  phrase: DatePhrase,
  planned: boolean,
  anchor: string,
  /** The happening lies before the publication day ("had been killed on Saturday", in a Saturday paper). */
  before = false,
): Reading | null {
  // "Will be held in mid-July", written in May: a month without its year, told as to come, is the coming one; the
  // resolver reads a bare part of a month as the last one passed.
  if (
    planned &&
    phrase.readings.length > 0 &&
    phrase.readings.every((r) => r.latest < anchor) &&
    new RegExp(MONTH).test(phrase.expression) &&
    !/\b(?:19|20)\d\d\b|\b(?:last|past|previous|ago)\b/i.test(phrase.expression)
  )
    return {
      ...phrase.readings[0]!,
      earliest: nextYear(phrase.readings[0]!.earliest),
      latest: nextYear(phrase.readings[0]!.latest),
    };
  const strictlyBefore = before ? phrase.readings.filter((r) => r.latest < anchor) : [];
  // "The ceasefire came into force on March 6", written in October: what took place is this year's March, not
  // next year's, though next March is nearer.
  const passed = !planned
    ? phrase.readings.filter((r) => r.earliest <= anchor && daysBetween(r.earliest, anchor) <= 330)
    : [];
  const readings = strictlyBefore.length > 0 ? strictlyBefore : passed.length > 0 ? passed : phrase.readings;
  if (readings.length === 0) return null;
  if (readings.length === 1) return readings[0]!;
  // The readings nearest the anchor (a bare "September 29" is this year's, not last year's); among those within a
  // week of the nearest (a bare weekday), the one on the side the modality points to.
  const distance = (r: Reading) => Math.min(daysBetween(r.earliest, anchor), daysBetween(r.latest, anchor));
  const nearest = Math.min(...readings.map(distance));
  const close = readings.filter((r) => distance(r) <= nearest + 7);
  const past = close.filter((r) => r.latest <= anchor).sort((a, b) => b.latest.localeCompare(a.latest));
  const future = close.filter((r) => r.earliest >= anchor).sort((a, b) => a.earliest.localeCompare(b.earliest));
  return (planned ? (future[0] ?? past[0]) : (past[0] ?? future[0])) ?? close[0]!;
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/** The most precise of the sentence's resolved phrases (the first among equals), or null. */
export function bestPhrase(phrases: DatePhrase[]): DatePhrase | null {
  let best: DatePhrase | null = null;
  for (const p of phrases) {
    if (p.readings.length === 0) continue;
    if (!best || !isNoFinerThan(p.readings[0]!.precision, best.readings[0]!.precision)) best = p;
  }
  return best;
}

/**
 * The resolved phrase that most likely dates the happening named at `triggerIndex`: the nearest one, a phrase
 * after the trigger counting a little nearer ("killed in an attack on Saturday"), and among equals the most precise.
 */
export function nearestPhrase(phrases: DatePhrase[], triggerIndex: number): DatePhrase | null {
  let best: { phrase: DatePhrase; distance: number } | null = null;
  for (const p of phrases) {
    if (p.readings.length === 0) continue;
    const distance = p.index >= triggerIndex ? (p.index - triggerIndex) * 0.85 : triggerIndex - p.index;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && !isNoFinerThan(p.readings[0]!.precision, best.phrase.readings[0]!.precision))
    )
      best = { phrase: p, distance };
  }
  return best?.phrase ?? null;
}

/** The same day a year on (29 February becomes 28 February). */
function nextYear(day: string): string {
  const [y, m, d] = day.split('-');
  const next = `${Number(y) + 1}-${m}-${d}`;
  return m === '02' && d === '29' ? `${Number(y) + 1}-02-28` : next;
}
