/**
 * A story written in the app: "Add this view as a step" while exploring, then export it as YAML for
 * data/stories/ (domain/story.ts is the format; `npm run data` validates it against the events like the curated
 * ones). A step records what the user sees: the selected event, the timeline's window, the map's extent and the
 * active filters, with a text the user writes (the event's title until they do).
 */
import { isIsoDay } from './iso-day.ts';
import type { DateWindow, ViewState } from './url-state.ts';

export interface DraftExtent {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface DraftStepFilters {
  actor?: string[];
  place?: string[];
  type?: string[];
  from?: string;
  to?: string;
  q?: string;
}

export interface DraftStep {
  title?: string;
  text: string;
  events: string[];
  window?: DateWindow;
  extent?: DraftExtent;
  filters?: DraftStepFilters;
}

export interface StoryDraft {
  title: string;
  summary: string;
  steps: DraftStep[];
}

/** What the views show beside the view state: the timeline's days and the map's extent, when they are mounted. */
export interface ShownViews {
  window: DateWindow | null;
  extent: DraftExtent | null;
}

/** Degrees to two decimals (about a kilometre): a story's extent is a framing, not a measurement. */
const roundDegrees = (value: number) => Math.round(value * 100) / 100;

/** The filters of `view` that are set, as a step's filters; undefined when none is. */
export function filtersOfView(view: ViewState): DraftStepFilters | undefined {
  const filters: DraftStepFilters = {};
  if (view.actor.length) filters.actor = [...view.actor];
  if (view.place.length) filters.place = [...view.place];
  if (view.type.length) filters.type = [...view.type];
  if (view.from) filters.from = view.from;
  if (view.to) filters.to = view.to;
  if (view.q.trim()) filters.q = view.q.trim();
  return Object.keys(filters).length ? filters : undefined;
}

/**
 * The step that shows what the user sees now: the selected event, the window they chose (else the days on screen),
 * the map's extent and the filters. `eventTitle` is the selected event's title, the step's text until edited.
 */
export function stepOfView(view: ViewState, shown: ShownViews, eventTitle: string | undefined): DraftStep {
  const window = view.window ?? shown.window;
  const extent = shown.extent;
  const filters = filtersOfView(view);
  return {
    // Empty without an event: a text of ours would be exported as the author's (the export asks for one instead).
    text: eventTitle ?? '',
    events: view.event ? [view.event] : [],
    ...(window ? { window: { ...window } } : {}),
    ...(extent
      ? {
          extent: {
            south: roundDegrees(Math.max(-90, extent.south)),
            west: roundDegrees(Math.max(-180, extent.west)),
            north: roundDegrees(Math.min(90, extent.north)),
            east: roundDegrees(Math.min(180, extent.east)),
          },
        }
      : {}),
    ...(filters ? { filters } : {}),
  };
}

/** "Erdoğan and Putin, 2018–2021" → "erdogan-and-putin-2018-2021": a story id (and file name) from its title. */
export function storyIdOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'my-story';
}

/** The draft as a story (the shape of data/stories/*.yaml): empty optional texts are left out. */
export function storyOfDraft(draft: StoryDraft) {
  const title = draft.title.trim() || 'My story';
  return {
    id: storyIdOf(title),
    title,
    ...(draft.summary.trim() ? { summary: draft.summary.trim() } : {}),
    steps: draft.steps.map((step) => ({
      ...(step.title?.trim() ? { title: step.title.trim() } : {}),
      text: step.text.trim(),
      events: step.events,
      ...(step.window ? { window: step.window } : {}),
      ...(step.extent ? { extent: step.extent } : {}),
      ...(step.filters ? { filters: step.filters } : {}),
    })),
  };
}

/** Moves step `from` by `delta` places (clamped); the draft is not changed. */
export function moveStep(steps: readonly DraftStep[], from: number, delta: number): DraftStep[] {
  const to = Math.min(steps.length - 1, Math.max(0, from + delta));
  const next = [...steps];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isDay = (v: unknown): v is string => isString(v) && isIsoDay(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const asRecord = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

function readStep(value: unknown): DraftStep | null {
  const step = asRecord(value);
  if (!step || !isString(step.text) || !isStrings(step.events)) return null;
  const out: DraftStep = { text: step.text, events: step.events };
  if (isString(step.title)) out.title = step.title;
  const window = asRecord(step.window);
  if (window && isDay(window.start) && isDay(window.end)) out.window = { start: window.start, end: window.end };
  const extent = asRecord(step.extent);
  if (extent && [extent.south, extent.west, extent.north, extent.east].every(isFiniteNumber))
    out.extent = {
      south: extent.south as number,
      west: extent.west as number,
      north: extent.north as number,
      east: extent.east as number,
    };
  const filters = asRecord(step.filters);
  if (filters) {
    const kept: DraftStepFilters = {};
    for (const key of ['actor', 'place', 'type'] as const) if (isStrings(filters[key])) kept[key] = filters[key];
    for (const key of ['from', 'to'] as const) if (isDay(filters[key])) kept[key] = filters[key];
    if (isString(filters.q)) kept.q = filters.q;
    if (Object.keys(kept).length) out.filters = kept;
  }
  return out;
}

/**
 * A draft kept in the browser's storage (a reload must not lose an author's work), read back defensively: the
 * storage is the user's to edit, so anything that is not a draft's shape is dropped rather than trusted. Steps that
 * cannot be read are left out; null when nothing usable is there.
 */
export function readStoredDraft(text: string | null): StoryDraft | null {
  if (!text || text.length > 2_000_000) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const draft = asRecord(value);
  if (!draft || !Array.isArray(draft.steps)) return null;
  const steps = draft.steps.map(readStep).filter((s): s is DraftStep => s !== null);
  return {
    title: isString(draft.title) ? draft.title : '',
    summary: isString(draft.summary) ? draft.summary : '',
    steps,
  };
}

/** "type attack, ceasefire · text “idlib” · from 2020-01-01": a step's filters, said in full so none is a surprise. */
export function describeFilters(filters: DraftStepFilters): string {
  const parts: string[] = [];
  if (filters.type?.length) parts.push(`type ${filters.type.join(', ')}`);
  if (filters.actor?.length) parts.push(`actor ${filters.actor.join(', ')}`);
  if (filters.place?.length) parts.push(`place ${filters.place.join(', ')}`);
  if (filters.q) parts.push(`text “${filters.q}”`);
  if (filters.from) parts.push(`from ${filters.from}`);
  if (filters.to) parts.push(`to ${filters.to}`);
  return parts.join(' · ');
}
