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
  countryCode?: string | null;
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

/**
 * `s` without its diacritics, letter for letter (so offsets stay those of `s`): "Çavuşoğlu" → "Cavusoglu". A
 * character whose folded form is not one letter is kept as it is.
 */
export function foldDiacritics(s: string): string {
  let out = '';
  for (const ch of s) {
    const special = ch === 'ı' ? 'i' : ch === 'İ' ? 'I' : null;
    const folded = special ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

/** Spellings of a record to look for: its name and aliases, apostrophes either way, a lower-case article capitalised. */
function spellings(r: KnownRecord): string[] {
  const out = new Set<string>();
  for (const s of [r.name, ...r.aliases]) {
    for (const v of [s, s.replace(/’/g, "'"), s.replace(/'/g, '’')]) {
      out.add(foldDiacritics(v));
      if (/^[a-z]/.test(v)) out.add(foldDiacritics(v[0]!.toUpperCase() + v.slice(1)));
    }
  }
  return [...out];
}

/** Every spelling of the records, lower case and without diacritics (for `findUnknownNames`). */
export function knownSpellings(records: KnownRecord[], demonyms: Record<string, string> = DEMONYMS): Set<string> {
  const out = new Set<string>(Object.keys(demonyms).map((d) => d.toLowerCase()));
  for (const r of records) for (const s of spellings(r)) out.add(s.toLowerCase());
  return out;
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
  // "Turkish troops", "Syrian government forces", "Russian and Turkish soldiers": a demonym before a word for armed
  // men names the state's armed forces, when the dataset has them (else the demonym stays the state's).
  const forces = new Map<string, string>();
  for (const [word, id] of Object.entries(demonyms)) {
    const state = actors.find((a) => a.id === id);
    const armed = state?.countryCode
      ? actors.find((a) => a.kind === 'armed-forces' && a.countryCode === state.countryCode)
      : undefined;
    if (armed) forces.set(word, armed.id);
  }
  candidates.sort((a, b) => b.spelling.length - a.spelling.length);
  const out: NameMatch[] = [];
  const taken: [number, number][] = [];
  // Matched without diacritics on either side ("Cavusoglu" finds "Çavuşoğlu"), quoted as the sentence spells it.
  const folded = foldDiacritics(sentence);
  for (const c of candidates) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(c.spelling)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of folded.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      // The same words may name an actor and a place (Turkey, Moscow): keep both, never a shorter overlap.
      const overlapping = taken.filter(([s, e]) => start < e && s < end);
      if (overlapping.some(([s, e]) => e - s > end - start)) continue;
      const armed = c.file === 'actors' && c.spelling in demonyms ? forces.get(c.spelling) : undefined;
      const id = armed && FORCE_AFTER.test(sentence.slice(end)) ? armed : c.id;
      out.push({ id, file: c.file, text: sentence.slice(start, end), index: start });
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

/**
 * Words for armed men after a demonym ("Turkish troops", "Russian fighter jets", "Syrian government forces"), also
 * across a coordination ("Turkish and Russian troops") or a modifier or two ("Turkish special forces").
 */
const FORCE_AFTER =
  /^(?:\s+and\s+\p{Lu}\p{Ll}+)?(?:\s+(?:government|regime|army|military|air|armed|special|ground|land|naval|fighter|war|security))*\s+(?:troops|soldiers|servicemen|forces|army|military|warplanes?|(?:fighter )?jets?|planes?|aircraft|pilots?|air force|navy|peacekeepers|peacekeeping|personnel|units|commandos|artillery|drones?|helicopters?)\b/u;

const TITLE =
  /^\s+(President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Minister|leader|counterpart|spokesman|spokeswoman|Presidency|presidency)\b/;

const LOCATIVE =
  /\b(in|at|to|from|near|into|across|inside|outside|of|visit|visited|visiting|toward|towards)\s+(the\s+)?$/i;

/** Words compromise takes for names that are not (headline words, titles, pronoun-like nouns). */
const NOT_NAMES =
  /^(the |a )?(president|minister|official|officials|leader|leaders|regime|government|presidency|he|she|they|it|mr|turkish|russian|syrian)$/i;

/**
 * News agencies and outlets: "…, Reuters reported" names who tells the news, not an actor in it. Not a stub, not a
 * speaker.
 */
export const NEWS_OUTLET =
  /^(?:Reuters|AFP|AP|Associated Press|Agence France-Presse|TASS|Tass|RIA Novosti|RIA|Interfax|Anadolu(?: Agency| news agency)?|Sputnik|Xinhua|Bloomberg|CNN|BBC|Al Jazeera|IRNA|Yonhap|Kyodo|NTV|TRT|Hurriyet|Hürriyet|Daily Sabah|Sabah|Milliyet|Haberturk|Habertürk|CNN Turk|CNN Türk|Yeni Safak|Yeni Şafak|RT|Kommersant|Izvestia|Al-Monitor|Asharq Al-Awsat|Twitter|Facebook|Telegram|Instagram|YouTube)$/i;

const MONTH_OR_DAY =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/** Titles compromise keeps in front of a name ("Minister Sergei Shoigu", "President Aleksandar Vucic"). */
const LEADING_TITLE =
  /^(?:(?:President|Prime Minister|Minister|Foreign Minister|Defen[cs]e Minister|Deputy|Spokes(?:man|woman)|Ambassador|Gen\.?|General|Lt\.?|Col\.?|Lt\. Col\.|Capt\.?|Maj\.?|Sgt\.?|Adm\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)+/;

/**
 * Names compromise finds in `sentence` that no known spelling covers, classified. `knownSpellings` (lower case,
 * diacritics folded): names the dataset knows, never proposed as new even where the match gave way to another.
 */
export function findUnknownNames(
  sentence: string,
  known: NameMatch[],
  knownSpellings: Set<string> = new Set(),
): UnknownName[] {
  const doc = nlp(sentence);
  const found: UnknownName[] = [];
  const add = (list: string[], kind: UnknownName['kind']) => {
    for (const raw of list) {
      let text = raw
        .replace(/^[\s"“”‘’'(]+|[\s"“”‘’'),.;:!?]+$/g, '')
        .replace(/['’]s$/, '')
        .replace(LEADING_TITLE, '')
        .trim();
      if (knownSpellings.has(foldDiacritics(text).toLowerCase())) continue;
      if (
        text.length < 3 ||
        !/^\p{Lu}/u.test(text) ||
        NOT_NAMES.test(text) ||
        MONTH_OR_DAY.test(text) ||
        NEWS_OUTLET.test(text)
      )
        continue;
      let at = sentence.indexOf(text);
      // "Boyko Borissov", "Oleg Peshkov": compromise may stop at the given name; the capitalised word right after
      // it is the surname.
      if (kind === 'person' && at !== -1) {
        const surname = /^\s(\p{Lu}[\p{Ll}’'-]+)(?=[\s,.;:)]|$)/u.exec(sentence.slice(at + text.length))?.[1];
        if (
          surname &&
          !MONTH_OR_DAY.test(surname) &&
          !NOT_NAMES.test(surname) &&
          !knownSpellings.has(surname.toLowerCase())
        )
          text = `${text} ${surname}`;
        at = sentence.indexOf(text);
      }
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
  // "Gas operator Bulgartransgaz said": a capitalised name as the subject of a verb of saying speaks, whether or not
  // compromise knows it (not the first word of the sentence, which is capitalised anyway, unless it is one word).
  const speakers = [
    ...sentence.matchAll(
      /(?:^|[\s,(])(?<!\bof\s)(\p{Lu}[\p{L}\d’'.-]+(?:\s\p{Lu}[\p{L}’'.-]+){0,3})\s+(?:also\s+)?(?:said|says|told|added|stated|announced|confirmed|reported)\b/gu,
    ),
  ]
    .filter((m) => m.index > 0 || !m[1]!.includes(' '))
    .map((m) => m[1]!)
    .filter((t) => !/^(?:The|This|That|It|He|She|They|We|I|But|And|However|Officials?)$/.test(t))
    // "The Defense Ministry of Narnia said": the end of a longer name already found.
    .filter((t) => !found.some((f) => f.text.includes(t) || t.includes(f.text)));
  add(speakers, 'organisation');
  return found;
}
