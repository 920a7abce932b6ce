/** The source record of a new article: its id, its publication day (from a date line, or reasoned), its clutter. */
import { resolveTemporalExpression } from '../../src/domain/temporal.ts';

export interface PublicationDay {
  day: string;
  basis: 'dateline' | 'inferred';
  note: string;
  /** The words it was read from, when it was read from the text. */
  line: string | null;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Month names as date lines abbreviate them: "4 Feb 2020", "Sept. 30, 2015". */
const MONTH_WORDS = `(?:${MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?`;
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun),?';
const DATE_LINE_PREFIX = '(?:(?:published|updated|posted|date|last updated|first published)(?: date| on)?[:\\s]+)?';

/**
 * The line where the article's body begins: the first long line ending a sentence. What stands above it is the
 * page's header (menus, the headline, a byline, the date line); a plain-text article starts its body at once.
 */
export function bodyStartLine(text: string): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim().split(/\s+/).length >= 20 && /[.!?”"]$/.test(l.trim()));
  return i === -1 ? 0 : i;
}

/** How far down a date line may stand: past a page's header, into the first line of the body. */
function headerLines(text: string): string[] {
  return text.split('\n').slice(0, Math.min(Math.max(8, bodyStartLine(text) + 1), 80));
}

/** "09.08.2016", "30.01.2021 14:05": a European numeric day, validated as a calendar day. */
function numericDay(line: string): { day: string; words: string } | null {
  const m = new RegExp(`^${DATE_LINE_PREFIX}(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d\\d)\\b`, 'i').exec(line);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return { day: date.toISOString().slice(0, 10), words: m[0] };
}

/**
 * The publication day a date line of the page's header states: "date 2021-09-18", "Published: March 5, 2020",
 * "5 March 2020", "July 17, 2019 7:49 PM UTC", "Published On 4 Feb 2020", "Published 09.08.2016 21:36". Null when
 * none is found.
 */
export function findDateline(text: string): PublicationDay | null {
  // A byline and its date on one line ("Elnur Mammadli | 30.01.2021"): the date after the separator.
  const lines = headerLines(text).flatMap((raw) => {
    const parts = raw.split(/\s*[|·•]\s*/);
    return parts.length > 1 ? [raw, ...parts] : [raw];
  });
  for (const raw of lines) {
    const line = raw.trim();
    const iso = /^(?:date|published|updated|posted)?:?\s*((?:19|20)\d\d-\d\d-\d\d)\b/i.exec(line);
    if (iso) return { day: iso[1]!, basis: 'dateline', line: iso[0], note: `The file's date line reads "${iso[0]}".` };
    if (line.length >= 80) continue;
    const numeric = numericDay(line);
    if (numeric)
      return { day: numeric.day, basis: 'dateline', line, note: `The date line reads "${line}" (day.month.year).` };
    const worded = new RegExp(
      `^${DATE_LINE_PREFIX}((?:${WEEKDAY} )?(?:${MONTH_WORDS} \\d{1,2},? (?:19|20)\\d\\d|\\d{1,2} ${MONTH_WORDS},? (?:19|20)\\d\\d))`,
      'i',
    ).exec(line);
    if (worded) {
      const phrase = worded[1]!;
      const r = resolveTemporalExpression(phrase, '2000-01-01');
      if (r.ok && r.readings.length === 1 && r.readings[0]!.precision === 'day')
        return { day: r.readings[0]!.earliest, basis: 'dateline', line: line, note: `The date line reads "${line}".` };
    }
  }
  return null;
}

/** Page furniture that is not the article: listed so the user can remove it before the text is frozen. */
const CLUTTER =
  /^(skip to (main )?content|subscribe( now)?|sign (in|up)|log ?in|share( this( article)?)?|share on \w+|tweet|facebook|twitter|whatsapp|linkedin|email|print|copy link|advertisement|breadcrumb|menu|home|read more|related( articles| stories)?|most read|follow us.*|cookies?.*|accept( all)?( cookies)?|newsletter.*|back to top|comments?|\d+ comments?|photo:.*|image:.*|getty images|reuters photo)$/i;

/**
 * A credit line of wire copy: "Reporting by Idrees Ali; Editing by Jonathan Oatis", "Fraser reported from Ankara,
 * Turkey.", "Agencies contributed to this report", AFP's "bur-ab/hc". It says who wrote the article, not what happened.
 */
export const CREDIT_LINE =
  /^(?:(?:additional )?reporting by\b.*|by [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}(?:,? and [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})*(?:,? [A-Z][\w ]{0,30})?|[_*=~—–-]{3,}|(?:writing|editing|compiled) by\b.*|(?:[A-Z][\w'’.-]+ )*[A-Z][\w'’.-]+(?:,? and (?:[A-Z][\w'’.-]+ )*[A-Z][\w'’.-]+)* (?:reported|contributed (?:reporting )?to this report|contributed reporting)\b.{0,60}|(?:agencies|wire services) contributed to this report\.?|[a-z]{2,5}(?:-[a-z]{2,5})*\/[a-z]{2,5}(?:\/[a-z]{2,5})*|our standards:.*)$/i;

export interface ClutterLine {
  line: number;
  text: string;
  why: string;
}

/** Lines that look like page clutter, and trailing sign-offs glued to the last line. */
export function findClutter(text: string): ClutterLine[] {
  const out: ClutterLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (CLUTTER.test(line)) out.push({ line: i + 1, text: line, why: 'a line of page furniture, not of the article' });
    else if (CREDIT_LINE.test(line))
      out.push({ line: i + 1, text: line, why: 'a credit line (who reported or edited it), not of the story' });
    else {
      const glued = /(Follow us on (Twitter|Facebook|Instagram)[^.]*|Subscribe to [^.]*)$/i.exec(line);
      if (glued) out.push({ line: i + 1, text: glued[0], why: 'a sign-off glued to the end of a line of the article' });
    }
  });
  return out;
}

/** A readable id for the source: its day and the first words of its title. */
export function sourceIdFor(day: string, title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !['the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'for', 's'].includes(w))
    .slice(0, 6);
  return [day, ...words].join('-');
}

/**
 * The title and its 1-based line: the first headline-like line of the page's header (four words or more, no full
 * stop, not a date line or a byline), preferring one with lower-case words — a line of capitalised words is a menu
 * ("Home Video World US & Canada"). Null when none is found.
 */
export function findTitleLine(text: string, clutter: ClutterLine[]): { text: string; line: number } | null {
  const clutterLines = new Set(clutter.map((c) => c.line));
  const lines = text.split('\n');
  const body = bodyStartLine(text);
  const candidates: { text: string; line: number }[] = [];
  for (let i = 0; i < Math.max(Math.min(lines.length, 6), body); i++) {
    const line = lines[i]!.trim();
    if (!line || clutterLines.has(i + 1) || /^(date|published|updated|posted|by)\b/i.test(line)) continue;
    if (findDateline(line)) continue;
    if (line.length <= 160 && !/[.!?”"]$/.test(line) && line.split(' ').length >= 4)
      candidates.push({ text: line, line: i + 1 });
    // A plain-text article (no header): only its first line may be the headline.
    else if (body === 0) break;
  }
  const worded = candidates.find((c) => c.text.split(/\s+/).some((w) => /^[a-z]{2,}/.test(w)));
  return worded ?? candidates[0] ?? null;
}
