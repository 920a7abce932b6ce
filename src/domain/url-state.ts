/**
 * The one declared schema of what the URL holds, and its codec. Everything a user sees that is worth sharing
 * lives here: the selected event, the filters, the open article and the timeline's window. Parsing never throws:
 * a malformed parameter is dropped and reported, the rest of the link still applies.
 *
 * Parameters (all optional, see URL_PARAMETERS): dataset (the id of the open dataset, see dataset-registry.ts;
 * absent for the deployment's default), event, actor, place, type (comma-separated or repeated ids), from, to (ISO
 * days), q (free text), read (a source id open in the reader), window (the timeline's visible range, "start..end"),
 * story and step (a guided story open at a step, 1-based: see story.ts), embed (`1`: the compact view for an iframe
 * beside an article, without the header's controls; kept in every link the embedded explorer writes, so Back and
 * Forward inside the iframe stay embedded).
 * Every id but `dataset` refers to the open dataset: ids differ between datasets.
 *
 * Every part of a link that is not used is reported by name: an unknown key (`foo`, a case variant `EVENT`, array
 * syntax `q[]`), an empty value, a repeated single-valued key. The problems quote the link's own text, which is
 * untrusted: they are shown as text, never as HTML.
 */
import { isDatasetId } from './dataset-registry.ts';
import { isIsoDay } from './iso-day.ts';
import { codePointName } from './code-points.ts';

export interface DateWindow {
  /** Inclusive ISO days. */
  start: string;
  end: string;
}

export interface ViewState {
  /** The open dataset's id; null for the default dataset (whose links carry no `dataset` parameter). */
  dataset: string | null;
  event: string | null;
  actor: string[];
  place: string[];
  type: string[];
  from: string | null;
  to: string | null;
  q: string;
  read: string | null;
  window: DateWindow | null;
  /** The story open in the story panel, and its step (1-based); both null in free exploration. */
  story: string | null;
  step: number | null;
  /** The compact view for an iframe (`embed=1`): not a choice inside the view, but how the page is shown. */
  embed: boolean;
}

/** Every parameter a link may carry, in the order links write them. Parameter names are lower case. */
export const URL_PARAMETERS = [
  'dataset',
  'event',
  'actor',
  'place',
  'type',
  'from',
  'to',
  'q',
  'read',
  'window',
  'story',
  'step',
  'embed',
] as const satisfies readonly (keyof ViewState)[];

export type UrlParameter = (typeof URL_PARAMETERS)[number];

/** The parameters that hold a list of ids: repeated (`type=a&type=b`) or comma-separated, all of it is used. */
export const LIST_PARAMETERS = ['actor', 'place', 'type'] as const satisfies readonly UrlParameter[];

export const EMPTY_VIEW: ViewState = {
  dataset: null,
  event: null,
  actor: [],
  place: [],
  type: [],
  from: null,
  to: null,
  q: '',
  read: null,
  window: null,
  story: null,
  step: null,
  embed: false,
};

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_Q_LENGTH = 200;
const MAX_IDS = 100;
/** How many unknown keys one notice names; a link with more says how many others there were. */
const MAX_NAMED_KEYS = 20;
const KNOWN_PARAMETERS: ReadonlySet<string> = new Set(URL_PARAMETERS);

export interface ParsedView {
  view: ViewState;
  /** Human-readable problems with the link, one per dropped value. */
  problems: string[];
}

/**
 * Reads a URL query string ("?event=x&type=attack,visit") into a view; never throws. `dataset` is read as written:
 * the caller, who knows the deployment's default, maps the default's id to null (see `withDefaultDataset`).
 */
export function parseViewState(search: string): ParsedView {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const view: ViewState = { ...EMPTY_VIEW, actor: [], place: [], type: [] };

  const unknown = unknownKeys(params);
  if (unknown) problems.push(unknown);

  const single = (name: string): string | null => {
    const all = params.getAll(name);
    const value = all.map((v) => v.trim()).find((v) => v !== '') ?? null;
    if (all.length > 0 && value === null) problems.push(`"${name}" is empty; ignored`);
    else if (all.length > 1) problems.push(`"${name}" appears ${all.length} times; only "${shown(value!)}" is used`);
    return value;
  };
  const ids = (name: (typeof LIST_PARAMETERS)[number]): string[] => {
    const occurrences = params.getAll(name).map((v) =>
      v
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    );
    if (occurrences.some((values) => values.length === 0)) problems.push(`"${name}" is empty; ignored`);
    const values = occurrences.flat();
    const valid = values.filter((v) => ID.test(v) || (name === 'type' && /^[a-z_]+$/.test(v)));
    for (const bad of values.filter((v) => !valid.includes(v)))
      problems.push(`"${name}" value "${shown(bad)}" is not a valid id`);
    const unique = [...new Set(valid)];
    if (unique.length > MAX_IDS) problems.push(`"${name}" lists more than ${MAX_IDS} ids; the rest are ignored`);
    return unique.slice(0, MAX_IDS);
  };

  const dataset = single('dataset');
  if (dataset !== null) {
    if (isDatasetId(dataset)) view.dataset = dataset;
    else problems.push(`"dataset" value "${shown(dataset)}" is not a valid dataset id`);
  }
  const event = single('event');
  if (event !== null) {
    if (ID.test(event)) view.event = event;
    else problems.push(`"event" value "${shown(event)}" is not a valid event id`);
  }
  view.actor = ids('actor');
  view.place = ids('place');
  view.type = ids('type');
  for (const name of ['from', 'to'] as const) {
    const value = single(name);
    if (value === null) continue;
    if (isIsoDay(value)) view[name] = value;
    else problems.push(`"${name}" must be a date written YYYY-MM-DD, not "${shown(value)}"`);
  }
  if (view.from && view.to && view.from > view.to) {
    problems.push(`"from" (${view.from}) is after "to" (${view.to}); the date range is ignored`);
    view.from = null;
    view.to = null;
  }
  const q = single('q');
  if (q !== null) {
    if (q.length > MAX_Q_LENGTH) problems.push(`the search text is longer than ${MAX_Q_LENGTH} characters; it was cut`);
    view.q = q.slice(0, MAX_Q_LENGTH);
  }
  const read = single('read');
  if (read !== null) {
    if (ID.test(read)) view.read = read;
    else problems.push(`"read" value "${shown(read)}" is not a valid source id`);
  }
  const window = single('window');
  if (window !== null) {
    const [start, end, ...rest] = window.split('..');
    if (start && end && rest.length === 0 && isIsoDay(start) && isIsoDay(end)) {
      if (start <= end) view.window = { start, end };
      else problems.push(`"window" starts (${start}) after its end (${end}); the timeline shows all events`);
    } else problems.push(`"window" must be two dates "YYYY-MM-DD..YYYY-MM-DD", not "${shown(window)}"`);
  }
  const story = single('story');
  const step = single('step');
  if (story !== null) {
    if (ID.test(story)) {
      view.story = story;
      view.step = 1;
      if (step !== null) {
        if (/^\d{1,4}$/.test(step) && Number(step) >= 1) view.step = Number(step);
        else problems.push(`"step" must be a step number (1, 2, …), not "${shown(step)}"; the story opens at step 1`);
      }
    } else problems.push(`"story" value "${shown(story)}" is not a valid story id`);
  } else if (step !== null) problems.push(`"step" is given without "story"; ignored`);
  const embed = single('embed');
  if (embed !== null) {
    if (embed === '1') view.embed = true;
    else problems.push(`"embed" must be 1, not "${shown(embed)}"; the full explorer is shown`);
  }
  return { view, problems };
}

/** Writes a view as a query string (with "?", or "" for the empty view); stable parameter order. */
export function serializeViewState(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.dataset) params.set('dataset', view.dataset);
  if (view.event) params.set('event', view.event);
  if (view.actor.length) params.set('actor', view.actor.join(','));
  if (view.place.length) params.set('place', view.place.join(','));
  if (view.type.length) params.set('type', view.type.join(','));
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  if (view.q.trim()) params.set('q', view.q.trim());
  if (view.read) params.set('read', view.read);
  if (view.window) params.set('window', `${view.window.start}..${view.window.end}`);
  if (view.story) {
    params.set('story', view.story);
    params.set('step', String(view.step ?? 1));
  }
  if (view.embed) params.set('embed', '1');
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** The view with the default dataset written as null, so that its links never name it. */
export function withDefaultDataset(view: ViewState, defaultId: string): ViewState {
  return view.dataset === defaultId ? { ...view, dataset: null } : view;
}

/** True when two views would produce the same URL. */
export function sameView(a: ViewState, b: ViewState): boolean {
  return serializeViewState(a) === serializeViewState(b);
}

/** The ids a link may name, to check a parsed view against the loaded dataset. */
/** Membership tests only (a Set works): at a million events the event ids are looked up, not copied into a Set. */
interface IdLookup {
  has(id: string): boolean;
}

export interface KnownIds {
  events: IdLookup;
  actors: IdLookup;
  places: IdLookup;
  types: IdLookup;
  sources: IdLookup;
  /** The number of steps of each story, by id. */
  storySteps: { get(id: string): number | undefined };
}

/**
 * Drops the ids a view names that the dataset does not have, and says which: a link made on another version of
 * the data still opens, showing what it can.
 */
export function reconcileView(view: ViewState, known: KnownIds): ParsedView {
  const problems: string[] = [];
  const keep = (name: string, ids: string[], set: IdLookup) => {
    const unknown = ids.filter((id) => !set.has(id));
    if (unknown.length) problems.push(`unknown ${name} ${unknown.map((id) => `"${id}"`).join(', ')} ignored`);
    return ids.filter((id) => set.has(id));
  };
  const next: ViewState = {
    ...view,
    actor: keep('actor', view.actor, known.actors),
    place: keep('place', view.place, known.places),
    type: keep('type', view.type, known.types),
  };
  if (view.event && !known.events.has(view.event)) {
    problems.push(`there is no event "${view.event}" in this dataset`);
    next.event = null;
  }
  if (view.read && !known.sources.has(view.read)) {
    problems.push(`there is no article "${view.read}" in this dataset`);
    next.read = null;
  }
  if (view.story) {
    const steps = known.storySteps.get(view.story);
    if (steps === undefined) {
      problems.push(`there is no story "${view.story}" in this dataset`);
      next.story = null;
      next.step = null;
    } else if ((view.step ?? 1) > steps) {
      problems.push(`the story "${view.story}" has ${steps} steps, not ${view.step}; it opens at its last step`);
      next.step = steps;
    }
  }
  return { view: next, problems };
}

/**
 * Untrusted link text as a problem quotes it: at most 40 characters, with invisible characters (controls, bidi
 * overrides, zero-width marks) written as code points, so that a crafted link cannot disguise what it carries.
 */
function shown(value: string): string {
  const cut = value.length > 40 ? `${value.slice(0, 39)}…` : value;
  return cut.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, codePointName);
}

/** The parameter a mistyped key was probably meant to be: `EVENT`, ` q`, `q[]`, `amp;event` (an HTML-escaped &). */
function intendedParameter(key: string): string | null {
  const guess = key
    .trim()
    .toLowerCase()
    .replace(/^amp;/, '')
    .replace(/\[[^\]]*\]$/, '');
  return KNOWN_PARAMETERS.has(guess) ? guess : null;
}

/** One problem naming every key of the link that is not a parameter (each once), or null when there is none. */
function unknownKeys(params: URLSearchParams): string | null {
  const keys = [...new Set(params.keys())].filter((key) => !KNOWN_PARAMETERS.has(key));
  if (keys.length === 0) return null;
  const named = keys.slice(0, MAX_NAMED_KEYS).map((key) => {
    const meant = intendedParameter(key);
    return meant ? `"${shown(key)}" (did you mean "${meant}"?)` : `"${shown(key)}"`;
  });
  const others = keys.length - named.length;
  const list =
    others > 0
      ? `${named.join(', ')} and ${others} other${others === 1 ? '' : 's'}`
      : named.length > 1
        ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)!}`
        : named[0]!;
  return `unknown parameter${keys.length === 1 ? '' : 's'} ${list} ignored`;
}
