/**
 * Names in a sentence: those the dataset knows (actors.yaml / places.yaml names and aliases, plus demonyms such as
 * "Turkish" for the state), and unknown ones found by compromise, classified person / organisation / place.
 */
import nlp from 'compromise';

export interface KnownRecord {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
}

export interface NameMatch {
  id: string;
  /** Which file the record lives in. */
  file: 'actors' | 'places';
  text: string;
  index: number;
}

export interface UnknownName {
  text: string;
  kind: 'person' | 'organisation' | 'place';
}

/** Adjectives that name a state's actor ("Turkish officials" involve Turkey) but never a place. */
export const DEMONYMS: Record<string, string> = {
  Turkish: 'turkey',
  Russian: 'russia',
  Russians: 'russia',
  Syrian: 'syria',
  Iranian: 'iran',
  American: 'united-states',
  French: 'france',
  German: 'germany',
  Ukrainian: 'ukraine',
  Polish: 'poland',
};

/** `s` as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Spellings of a record to look for: its name and aliases, apostrophes either way, a lower-case article capitalised. */
function spellings(r: KnownRecord): string[] {
  const out = new Set<string>();
  for (const s of [r.name, ...r.aliases]) {
    for (const v of [s, s.replace(/’/g, "'"), s.replace(/'/g, '’')]) {
      out.add(v);
      if (/^[a-z]/.test(v)) out.add(v[0]!.toUpperCase() + v.slice(1));
    }
  }
  return [...out];
}

/** Every known name in `sentence`, longest spelling first, never two overlapping. */
export function matchKnownNames(
  sentence: string,
  actors: KnownRecord[],
  places: KnownRecord[],
  demonyms: Record<string, string> = DEMONYMS,
): NameMatch[] {
  const candidates: { id: string; file: 'actors' | 'places'; spelling: string }[] = [];
  for (const a of actors) for (const s of spellings(a)) candidates.push({ id: a.id, file: 'actors', spelling: s });
  for (const p of places) for (const s of spellings(p)) candidates.push({ id: p.id, file: 'places', spelling: s });
  const actorIds = new Set(actors.map((a) => a.id));
  for (const [word, id] of Object.entries(demonyms))
    if (actorIds.has(id)) candidates.push({ id, file: 'actors', spelling: word });
  candidates.sort((a, b) => b.spelling.length - a.spelling.length);
  const out: NameMatch[] = [];
  const taken: [number, number][] = [];
  for (const c of candidates) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(c.spelling)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of sentence.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      // The same words may name an actor and a place (Turkey, Moscow): keep both, never a shorter overlap.
      const overlapping = taken.filter(([s, e]) => start < e && s < end);
      if (overlapping.some(([s, e]) => e - s > end - start)) continue;
      out.push({ id: c.id, file: c.file, text: m[0], index: start });
      taken.push([start, end]);
    }
  }
  // Words that name both a state and its territory ("Turkey", "Moscow") are the place after a locative word
  // ("in", "to"), else the actor. A demonym before a title ("Turkish President …") is the person's, not the state.
  const twin = (n: NameMatch) => out.some((o) => o.file !== n.file && o.index === n.index && o.text === n.text);
  return out
    .filter((n) => {
      if (n.text in demonyms && TITLE.test(sentence.slice(n.index + n.text.length))) return false;
      if (!twin(n)) return true;
      const locative = LOCATIVE.test(sentence.slice(0, n.index));
      return n.file === 'places' ? locative : !locative;
    })
    .sort((a, b) => a.index - b.index)
    .filter((n, i, all) => all.findIndex((o) => o.id === n.id && o.file === n.file) === i);
}

const TITLE =
  /^\s+(President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Minister|leader|counterpart|spokesman|spokeswoman|Presidency|presidency)\b/;

const LOCATIVE =
  /\b(in|at|to|from|near|into|across|inside|outside|of|visit|visited|visiting|toward|towards)\s+(the\s+)?$/i;

/** Words compromise takes for names that are not (headline words, titles, pronoun-like nouns). */
const NOT_NAMES =
  /^(the |a )?(president|minister|official|officials|leader|leaders|regime|government|presidency|he|she|they|it|mr|turkish|russian|syrian)$/i;

const MONTH_OR_DAY =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/** Names compromise finds in `sentence` that no known spelling covers, classified. */
export function findUnknownNames(sentence: string, known: NameMatch[]): UnknownName[] {
  const doc = nlp(sentence);
  const found: UnknownName[] = [];
  const add = (list: string[], kind: UnknownName['kind']) => {
    for (const raw of list) {
      const text = raw
        .replace(/^[\s"“”‘’'(]+|[\s"“”‘’'),.;:!?]+$/g, '')
        .replace(/['’]s$/, '')
        .trim();
      if (text.length < 3 || !/^\p{Lu}/u.test(text) || NOT_NAMES.test(text) || MONTH_OR_DAY.test(text)) continue;
      const at = sentence.indexOf(text);
      const covered = known.some((k) => at !== -1 && at < k.index + k.text.length && k.index < at + text.length);
      if (covered || found.some((f) => f.text === text)) continue;
      found.push({ text, kind });
    }
  };
  add(doc.people().out('array') as string[], 'person');
  add(doc.places().out('array') as string[], 'place');
  add(doc.organizations().out('array') as string[], 'organisation');
  // Towns compromise does not know: a capitalised name after "in", "at", "near" (the gazetteer then decides).
  const after = [...sentence.matchAll(/\b(?:in|at|near|outside)\s+((?:\p{Lu}[\p{Ll}'’-]+)(?:\s\p{Lu}[\p{Ll}'’-]+)?)/gu)]
    .map((m) => m[1]!)
    .filter((t) => !MONTH_OR_DAY.test(t));
  add(after, 'place');
  return found;
}
