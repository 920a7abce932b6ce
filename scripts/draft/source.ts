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

/**
 * The publication day a date line in the first lines states: "date 2021-09-18", "Published: March 5, 2020",
 * "5 March 2020", "ANKARA, March 5 (Reuters) -" with a year elsewhere in the line. Null when none is found.
 */
export function findDateline(text: string): PublicationDay | null {
  const lines = text.split('\n').slice(0, 8);
  for (const raw of lines) {
    const line = raw.trim();
    const iso = /^(?:date|published|updated|posted)?:?\s*((?:19|20)\d\d-\d\d-\d\d)\b/i.exec(line);
    if (iso) return { day: iso[1]!, basis: 'dateline', line: iso[0], note: `The file's date line reads "${iso[0]}".` };
    const worded = new RegExp(
      `(?:^|\\b(?:published|updated|posted|date)[:\\s]+)((?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?(?:(?:${MONTHS})\\.? \\d{1,2},? (?:19|20)\\d\\d|\\d{1,2} (?:${MONTHS}) (?:19|20)\\d\\d))`,
      'i',
    ).exec(line);
    if (worded && line.length < 80) {
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

/** The title: the option, or a short first line without a full stop (a headline), else null. */
export function findTitle(text: string, clutter: ClutterLine[]): string | null {
  const clutterLines = new Set(clutter.map((c) => c.line));
  const lines = text.split('\n');
  for (let i = 0; i < Math.min(lines.length, 6); i++) {
    const line = lines[i]!.trim();
    if (!line || clutterLines.has(i + 1) || /^(date|published)\b/i.test(line)) continue;
    if (line.length <= 120 && !/[.!?”"]$/.test(line) && line.split(' ').length >= 4) return line;
    return null;
  }
  return null;
}
