/**
 * Measures the drafting assistant on the bundled articles: each is drafted afresh against the curated data without
 * its own evidence (events only it cites are removed), and the proposals are compared with its curated events.
 * A curated event counts as found when a proposal's date window overlaps it, the type matches (same type; the
 * "family" figures also accept meeting~visit~summit~call, attack~clash~offensive, agreement~ceasefire) and they
 * share an actor or place, or when the proposal is a merge into that very event.
 * Proposals the draft itself marks reject: true are not counted (the summary line says how many there were).
 * Run: npx tsx scripts/draft/measure.ts [--against-current] [--missed] [--proposals] [--curated]
 *   [--hold-out <source-id>,<source-id>]: those articles' proposals and misses are not shown, and their figures are
 *   totalled apart (tune on the others, then read the held-out figures once).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCurated } from './read-curated.ts';
import { draftArticle, existingEvents, type CuratedData } from './draft.ts';
import { geocode } from './geocode.ts';
import { compatibleTypes } from './merge.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const data = await readCurated(path.join(root, 'data'));
  const zero = { curated: 0, found: 0, foundFamily: 0, proposals: 0, correct: 0, correctFamily: 0 };
  let totals = { ...zero };
  const holdOutArg = process.argv.indexOf('--hold-out');
  const heldOut = new Set(holdOutArg === -1 ? [] : (process.argv[holdOutArg + 1] ?? '').split(','));
  const subtotals = { tuned: { ...zero }, heldOut: { ...zero } };
  for (const source of data.sources) {
    const hidden = heldOut.has(source.id);
    const text = await readFile(path.join(root, 'data', 'sources', source.file), 'utf8');
    const cites = (e: CuratedData['events'][number]) => e.record.evidence.some((q) => q.sourceId === source.id);
    const curated = data.events.filter(cites);
    const without: CuratedData = {
      ...data,
      sources: data.sources.filter((s) => s.id !== source.id),
      events: data.events
        .map((e) => ({
          ...e,
          record: { ...e.record, evidence: e.record.evidence.filter((q) => q.sourceId !== source.id) },
        }))
        .filter((e) => e.record.evidence.length > 0),
    };
    // --against-current: draft against the data as it is (the article's own events included), to count merges.
    const draft = draftArticle(
      text,
      process.argv.includes('--against-current') ? data : without,
      { fileName: source.file, published: source.publishedAt },
      geocode,
    );
    const curatedWindows = existingEvents({ ...data, events: curated });
    // What the draft offers for acceptance; items it marks reject: true (an undated reference it could not date)
    // are counted apart, neither as right nor as wrong.
    const offered = draft.events.filter((p) => !p.reject);
    const rejectedByDefault = draft.events.length - offered.length;
    const proposals = [
      ...offered.map((p) => ({
        mergeInto: null as string | null,
        type: p.record.type,
        window: [p.record.date.earliest!, p.record.date.latest!] as const,
        inferred: p.record.date.resolution === 'inferred',
        names: [...p.record.actors.map((a) => a.actorId), ...p.record.places.map((x) => x.placeId)],
      })),
      ...draft.evidence.map((m) => ({
        mergeInto: m.event,
        type: null,
        window: null,
        inferred: false,
        names: [] as string[],
      })),
    ];
    const matches = (p: (typeof proposals)[number], e: (typeof curatedWindows)[number], family: boolean) => {
      if (p.mergeInto) return p.mergeInto === e.id;
      const typeOk = family ? compatibleTypes(p.type!, e.type) : p.type === e.type;
      const w = p.window!;
      const dateOk = w[0] <= e.latest && e.earliest <= w[1];
      return typeOk && dateOk && p.names.some((n) => e.actorIds.includes(n) || e.placeIds.includes(n));
    };
    const found = curatedWindows.filter((e) => proposals.some((p) => matches(p, e, false)));
    const foundFamily = curatedWindows.filter((e) => proposals.some((p) => matches(p, e, true)));
    const correct = proposals.filter((p) => curatedWindows.some((e) => matches(p, e, false)));
    const correctFamily = proposals.filter((p) => curatedWindows.some((e) => matches(p, e, true)));
    const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '-');
    const ownMerges = new Set(
      draft.evidence.map((m) => m.event).filter((id) => curated.some((e) => e.record.id === id)),
    );
    console.log(
      `${source.id}: curated ${curated.length}, proposals ${proposals.length} (${offered.length} new, ${draft.evidence.length} merges, ${ownMerges.size} into its own curated events${rejectedByDefault ? `; ${rejectedByDefault} more offered as rejected` : ''}); recall ${found.length}/${curated.length} = ${pct(found.length, curated.length)} (family ${pct(foundFamily.length, curated.length)}); precision ${correct.length}/${proposals.length} = ${pct(correct.length, proposals.length)} (family ${pct(correctFamily.length, proposals.length)})`,
    );
    if (process.argv.includes('--curated') && !hidden)
      for (const e of curatedWindows)
        console.log(
          `   curated ${e.id} ${e.type} ${e.earliest}..${e.latest} [${[...e.actorIds, ...e.placeIds].join(' ')}]`,
        );
    if (process.argv.includes('--proposals') && !hidden) {
      for (const [i, p] of offered.entries())
        console.log(
          `   ${correctFamily.includes(proposals[i]!) ? 'ok ' : 'BAD'} new ${p.record.type} ${p.record.date.earliest}..${p.record.date.latest} [${proposals[i]!.names.join(' ')}] ${p.record.evidence[0]!.quote.slice(0, 90)}`,
        );
      for (const [i, m] of draft.evidence.entries())
        console.log(
          `   ${correctFamily.includes(proposals[offered.length + i]!) ? 'ok ' : 'BAD'} merge ${m.event} ← ${m.evidence[0]!.quote.slice(0, 80)}`,
        );
    }
    if (process.argv.includes('--missed') && !hidden)
      for (const e of curatedWindows)
        if (!foundFamily.includes(e)) console.log(`   missed ${e.id} ${e.type} ${e.earliest}..${e.latest}`);
    const add = (t: typeof zero) => ({
      curated: t.curated + curated.length,
      found: t.found + found.length,
      foundFamily: t.foundFamily + foundFamily.length,
      proposals: t.proposals + proposals.length,
      correct: t.correct + correct.length,
      correctFamily: t.correctFamily + correctFamily.length,
    });
    totals = add(totals);
    if (hidden) subtotals.heldOut = add(subtotals.heldOut);
    else subtotals.tuned = add(subtotals.tuned);
  }
  const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '-');
  const line = (label: string, t: typeof zero) =>
    console.log(
      `${label}: recall ${t.found}/${t.curated} = ${pct(t.found, t.curated)} (family ${pct(t.foundFamily, t.curated)}); precision ${t.correct}/${t.proposals} = ${pct(t.correct, t.proposals)} (family ${pct(t.correctFamily, t.proposals)})`,
    );
  if (heldOut.size > 0) {
    line('tuned on', subtotals.tuned);
    line('held out', subtotals.heldOut);
  }
  line('overall', totals);
}

void main();
