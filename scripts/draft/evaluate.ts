/**
 * Measures the drafting assistant on articles it has not seen, against an annotator's gold list of their events,
 * the way a reviewer would judge the draft: what it found, what it merged, what the reviewer would reject.
 *
 * Run: npx tsx scripts/draft/evaluate.ts <folder> [<folder>…] [--verbose]
 *
 * A folder holds NAME.txt (an article) and NAME.gold (its events), the gold file being:
 *   # published YYYY-MM-DD
 *   type|type ; earliest..latest ; name,name ; merge:id|id or - ; description ; key-regex
 * one line per happening an annotator would add to the timeline; `?` before the type marks one an annotator could
 * leave out (matching it is not wrong, missing it is not counted). Names are actor or place ids of data/, or names
 * as written for what data/ lacks. `merge:` names the curated event(s) the happening already is.
 *
 * A new-event proposal matches a gold line when its type is one of the line's (or, for the "family" figures, of the
 * same family: meeting~visit~summit~call, attack~clash~offensive, agreement~ceasefire), its date window overlaps the
 * line's and it shares a name with it. A merge proposal matches a line whose merge ids include its target.
 * Proposals and lines are paired one to one (a maximum matching), so a second proposal for one happening is a
 * duplicate the reviewer rejects, and a new event for a happening the data already has is one too. A merge finds
 * every line that is its event (it carries all their sentences).
 * Proposals the draft itself marks reject: true are counted apart (not offered, so they find nothing).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugify } from '../../src/domain/import/slugs.ts';
import { EVENT_TYPE_IDS, type EventType } from '../../src/domain/taxonomy.ts';
import { draftArticle, type CuratedData } from './draft.ts';
import { geocode } from './geocode.ts';
import { compatibleTypes } from './merge.ts';
import { readCurated } from './read-curated.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface GoldEvent {
  line: number;
  optional: boolean;
  types: EventType[];
  earliest: string;
  latest: string;
  names: string[];
  merge: string[];
  description: string;
  key: RegExp | null;
}

export interface GoldFile {
  published: string | null;
  events: GoldEvent[];
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Parses a .gold file; a malformed line is an error naming the file, the line and what was expected. */
export function parseGold(text: string, file: string): GoldFile {
  let published: string | null = null;
  const events: GoldEvent[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    const at = `${file}:${i + 1}`;
    if (!line) continue;
    if (line.startsWith('#')) {
      const m = /^#\s*published\s+(\S+)/i.exec(line);
      if (m) {
        if (!ISO.test(m[1]!)) throw new Error(`${at}: "# published" wants YYYY-MM-DD, got "${m[1]}"`);
        published = m[1]!;
      }
      continue;
    }
    const fields = line.split(';').map((f) => f.trim());
    if (fields.length < 6)
      throw new Error(`${at}: expected 6 fields "type ; earliest..latest ; names ; merge ; description ; regex"`);
    const [typeField, window, names, merge, description] = fields as [string, string, string, string, string];
    const key = fields.slice(5).join(';');
    const optional = typeField.startsWith('?');
    const types = typeField.replace(/^\?/, '').split('|');
    for (const t of types)
      if (!(EVENT_TYPE_IDS as string[]).includes(t))
        throw new Error(`${at}: unknown type "${t}" (expected one of ${EVENT_TYPE_IDS.join(', ')})`);
    const [earliest, latest] = window.split('..');
    if (!earliest || !latest || !ISO.test(earliest) || !ISO.test(latest) || earliest > latest)
      throw new Error(`${at}: the window "${window}" is not "YYYY-MM-DD..YYYY-MM-DD" with earliest <= latest`);
    let keyRegex: RegExp | null = null;
    try {
      keyRegex = key ? new RegExp(key, 'i') : null;
    } catch (error) {
      throw new Error(`${at}: the key "${key}" is not a regular expression (${(error as Error).message})`);
    }
    events.push({
      line: i + 1,
      optional,
      types: types as EventType[],
      earliest,
      latest,
      names: names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
      merge: merge === '-' ? [] : merge.replace(/^merge:/, '').split('|'),
      description,
      key: keyRegex,
    });
  }
  return { published, events };
}

export interface ProposalView {
  kind: 'new' | 'merge';
  type: EventType | null;
  earliest: string | null;
  latest: string | null;
  /** Ids of its actors and places, and the names its new stubs were drafted from. */
  names: string[];
  mergeInto: string | null;
  quote: string;
}

/** Two names are the same when their slugs are, or one's words are all in the other ("lavrov" ~ "sergei-lavrov"). */
export function sameName(a: string, b: string): boolean {
  const x = slugify(a);
  const y = slugify(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const wx = x.split('-');
  const wy = y.split('-');
  const [short, long] = wx.length <= wy.length ? [wx, wy] : [wy, wx];
  // Particles ("al", "de") say nothing alone: "al-Assad" is "Bashar al-Assad", "al" is no one.
  const words = short.filter((w) => w.length > 2);
  return words.length > 0 && words.every((w) => long.includes(w));
}

export function matches(p: ProposalView, g: GoldEvent, family: boolean): boolean {
  if (p.kind === 'merge') return g.merge.includes(p.mergeInto!);
  // A new event for a happening the data already has is a duplicate, however right its fields.
  if (g.merge.length > 0) return false;
  const typeOk = g.types.some((t) => (family ? compatibleTypes(p.type!, t) : p.type === t));
  const dateOk = p.earliest! <= g.latest && g.earliest <= p.latest!;
  return typeOk && dateOk && g.names.some((n) => p.names.some((m) => sameName(n, m)));
}

/** Maximum bipartite matching (Kuhn's augmenting paths): proposal index → gold index. */
export function pairUp(proposals: ProposalView[], gold: GoldEvent[], family: boolean): Map<number, number> {
  const goldOwner = new Map<number, number>();
  const edges = proposals.map((p) => gold.flatMap((g, j) => (matches(p, g, family) ? [j] : [])));
  // Lines that count for recall are tried first, so an optional line never takes a proposal a required one needs.
  for (const e of edges) e.sort((a, b) => Number(gold[a]!.optional) - Number(gold[b]!.optional));
  const tryAssign = (i: number, seen: Set<number>): boolean => {
    for (const j of edges[i]!) {
      if (seen.has(j)) continue;
      seen.add(j);
      const owner = goldOwner.get(j);
      if (owner === undefined || tryAssign(owner, seen)) {
        goldOwner.set(j, i);
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < proposals.length; i++) tryAssign(i, new Set());
  return new Map([...goldOwner].map(([j, i]) => [i, j]));
}

interface Tally {
  gold: number;
  found: number;
  foundFamily: number;
  goldMerges: number;
  merged: number;
  duplicated: number;
  proposals: number;
  correct: number;
  correctFamily: number;
  offeredRejected: number;
}

const zero = (): Tally => ({
  gold: 0,
  found: 0,
  foundFamily: 0,
  goldMerges: 0,
  merged: 0,
  duplicated: 0,
  proposals: 0,
  correct: 0,
  correctFamily: 0,
  offeredRejected: 0,
});

const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '-');

function report(label: string, t: Tally): string {
  return `${label}: recall ${t.found}/${t.gold} = ${pct(t.found, t.gold)} (family ${pct(t.foundFamily, t.gold)}); merges ${t.merged}/${t.goldMerges} (${t.duplicated} duplicated as new); precision ${t.correct}/${t.proposals} = ${pct(t.correct, t.proposals)} (family ${pct(t.correctFamily, t.proposals)}, so ${pct(t.proposals - t.correctFamily, t.proposals)} rejected)${t.offeredRejected ? `; ${t.offeredRejected} more offered as rejected` : ''}`;
}

async function evaluateFile(txtPath: string, goldPath: string, data: CuratedData, verbose: boolean): Promise<Tally> {
  const text = await readFile(txtPath, 'utf8');
  const gold = parseGold(await readFile(goldPath, 'utf8'), goldPath);
  const fileName = path.basename(txtPath);
  // As a user would: without --published first, with it when the draft asks for it.
  let draft;
  let publishedNote = '';
  try {
    draft = draftArticle(text, data, { fileName }, geocode);
    if (gold.published && draft.source.record.publishedAt !== gold.published)
      publishedNote = ` PUBLISHED ${draft.source.record.publishedAt} but gold says ${gold.published}`;
  } catch {
    draft = draftArticle(text, data, { fileName, ...(gold.published ? { published: gold.published } : {}) }, geocode);
    publishedNote = ' (needed --published)';
  }
  const stubNames = new Map<string, string>([
    ...draft.actors.map((a) => [a.record.id, a.record.name] as const),
    ...draft.places.map((p) => [p.record.id, p.record.aliases[0] ?? p.record.name] as const),
  ]);
  const offered = draft.events.filter((p) => !p.reject);
  const proposals: ProposalView[] = [
    ...offered.map((p) => {
      const ids = [...p.record.actors.map((a) => a.actorId), ...p.record.places.map((x) => x.placeId)];
      return {
        kind: 'new' as const,
        type: p.record.type,
        earliest: p.record.date.earliest!,
        latest: p.record.date.latest!,
        names: [...ids, ...ids.flatMap((id) => (stubNames.has(id) ? [stubNames.get(id)!] : []))],
        mergeInto: null,
        quote: p.record.evidence[0]?.quote ?? '',
      };
    }),
    ...draft.evidence.map((m) => ({
      kind: 'merge' as const,
      type: null,
      earliest: null,
      latest: null,
      names: [],
      mergeInto: m.event,
      quote: m.evidence[0]?.quote ?? '',
    })),
  ];
  // Gold names given as a curated record's name or alias count as its id.
  const aliasToId = new Map<string, string>();
  for (const r of [...data.actors, ...data.places])
    for (const n of [r.name, ...r.aliases]) aliasToId.set(slugify(n), r.id);
  for (const g of gold.events) g.names = g.names.flatMap((n) => [n, aliasToId.get(slugify(n)) ?? n]);

  const strict = pairUp(proposals, gold.events, false);
  const family = pairUp(proposals, gold.events, true);
  const required = gold.events.filter((g) => !g.optional);
  // A merge carries every sentence it found for its event: it finds every line that is that event.
  const mergedInto = new Set(proposals.filter((p) => p.kind === 'merge').map((p) => p.mergeInto!));
  const foundBy = (pairs: Map<number, number>) =>
    new Set([
      ...pairs.values(),
      ...gold.events.flatMap((g, j) => (g.merge.some((id) => mergedInto.has(id)) ? [j] : [])),
    ]);
  const found = foundBy(strict);
  const foundFamily = foundBy(family);
  const goldMerges = required.filter((g) => g.merge.length > 0);
  const duplicated = goldMerges.filter(
    (g) =>
      !foundFamily.has(gold.events.indexOf(g)) &&
      proposals.some((p) => p.kind === 'new' && matches(p, { ...g, merge: [] }, true)),
  );
  const t: Tally = {
    gold: required.length,
    found: required.filter((g) => found.has(gold.events.indexOf(g))).length,
    foundFamily: required.filter((g) => foundFamily.has(gold.events.indexOf(g))).length,
    goldMerges: goldMerges.length,
    merged: goldMerges.filter((g) => foundFamily.has(gold.events.indexOf(g))).length,
    duplicated: duplicated.length,
    proposals: proposals.length,
    correct: strict.size,
    correctFamily: family.size,
    offeredRejected: draft.events.length - offered.length,
  };
  console.log(report(fileName + publishedNote, t));
  if (verbose) {
    for (const [i, p] of proposals.entries()) {
      const j = family.get(i);
      const what =
        p.kind === 'merge'
          ? `merge → ${p.mergeInto}`
          : `new ${p.type} ${p.earliest}..${p.latest} [${p.names.join(' ')}]`;
      const verdict =
        j !== undefined
          ? `ok  (gold ${gold.events[j]!.line}: ${gold.events[j]!.description})`
          : gold.events.some((g) => matches(p, g, true))
            ? 'BAD (a second proposal for one happening)'
            : 'BAD';
      console.log(`   ${verdict}\n      ${what}\n      « ${p.quote.slice(0, 140)} »`);
    }
    for (const [j, g] of gold.events.entries())
      if (!g.optional && !foundFamily.has(j))
        console.log(
          `   MISSED gold ${g.line}: ${g.types.join('|')} ${g.earliest}..${g.latest} [${g.names.join(' ')}]${g.merge.length ? ` merge:${g.merge.join('|')}` : ''} — ${g.description}${duplicated.includes(g) ? ' (proposed as a new event: a duplicate)' : ''}`,
        );
    for (const p of draft.events.filter((x) => x.reject))
      console.log(`   offered as rejected: ${p.record.type} « ${p.record.evidence[0]?.quote.slice(0, 100)} »`);
  }
  return t;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const folders = args.filter((a) => !a.startsWith('--'));
  if (folders.length === 0) {
    console.error('usage: npx tsx scripts/draft/evaluate.ts <folder of NAME.txt + NAME.gold> [...] [--verbose]');
    process.exit(2);
  }
  const data = await readCurated(path.join(root, 'data'));
  const all = zero();
  for (const folder of folders) {
    const names = (await readdir(folder)).filter((n) => n.endsWith('.gold')).sort();
    if (names.length === 0) throw new Error(`${folder}: no .gold files`);
    const sub = zero();
    for (const gold of names) {
      const txt = path.join(folder, gold.replace(/\.gold$/, '.txt'));
      const t = await evaluateFile(txt, path.join(folder, gold), data, verbose);
      for (const k of Object.keys(sub) as (keyof Tally)[]) {
        sub[k] += t[k];
        all[k] += t[k];
      }
    }
    console.log(report(`== ${folder}`, sub));
  }
  if (folders.length > 1) console.log(report('== all', all));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
