/**
 * What a story's steps do to the views: the window and extent a step frames, the view it shows, and the ids it
 * names that a dataset lacks. Pure; types only from the schema (story.ts), so the app loads no schema library
 * for them.
 */
import type { Story, StoryStep } from './story.ts';
import type { DatasetIndex } from './dataset-index.ts';
import { addDays, toEpochDay } from './iso-day.ts';
import type { DateWindow, ViewState } from './url-state.ts';

/** What a step needs to know of an event to frame it: its days and where it happened. */
export interface FramedEvent {
  earliest: string;
  latest: string;
  /** [lat, lon] of each of its places. */
  points: readonly (readonly [number, number])[];
}

export interface StepFrame {
  window: DateWindow | null;
  extent: { south: number; west: number; north: number; east: number } | null;
}

/**
 * The window and extent a step shows: its own when given, else the span of its events' days and the bounds of
 * their places; null when neither the step nor its events say (the view then stays where it is).
 */
export function frameOfStep(step: StoryStep, eventOf: (id: string) => FramedEvent | undefined): StepFrame {
  const events = step.events.map(eventOf).filter((e): e is FramedEvent => e !== undefined);
  let window: DateWindow | null = step.window ?? null;
  if (!window && events.length > 0)
    window = {
      start: events.reduce((min, e) => (e.earliest < min ? e.earliest : min), events[0]!.earliest),
      end: events.reduce((max, e) => (e.latest > max ? e.latest : max), events[0]!.latest),
    };
  let extent = step.extent ?? null;
  const points = events.flatMap((e) => e.points);
  if (!extent && points.length > 0)
    extent = {
      south: Math.min(...points.map((p) => p[0])),
      north: Math.max(...points.map((p) => p[0])),
      west: Math.min(...points.map((p) => p[1])),
      east: Math.max(...points.map((p) => p[1])),
    };
  return { window, extent };
}

/** What a dataset offers a story to refer to. */
export interface StoryReferences {
  events: ReadonlySet<string>;
  actors: ReadonlySet<string>;
  places: ReadonlySet<string>;
}

/** A reference of a story to something the dataset does not have, with the path of the field that makes it. */
export interface StoryReferenceProblem {
  path: (string | number)[];
  message: string;
}

/** Every id a story names that its dataset does not hold (events, and actors and places in filters). */
export function findUnknownStoryReferences(story: Story, refs: StoryReferences): StoryReferenceProblem[] {
  const problems: StoryReferenceProblem[] = [];
  story.steps.forEach((step, s) => {
    step.events.forEach((id, i) => {
      if (!refs.events.has(id)) problems.push({ path: ['steps', s, 'events', i], message: unknown('event', id) });
    });
    for (const kind of ['actor', 'place'] as const)
      step.filters?.[kind]?.forEach((id, i) => {
        const known = kind === 'actor' ? refs.actors : refs.places;
        if (!known.has(id)) problems.push({ path: ['steps', s, 'filters', kind, i], message: unknown(kind, id) });
      });
  });
  return problems;
}

function unknown(kind: string, id: string): string {
  return `unknown ${kind} "${id}": expected the id of ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} of the dataset`;
}

/** Days added on each side of a window taken from a step's events: a fifth of its span, and at least a week. */
function paddedWindow(window: DateWindow): DateWindow {
  const span = toEpochDay(window.end) - toEpochDay(window.start);
  const pad = Math.max(7, Math.round(span / 5));
  return { start: addDays(window.start, -pad), end: addDays(window.end, pad) };
}

/**
 * The view a story's step shows (`stepNumber` 1-based): its first event selected (the others framed with it),
 * its filters in place of the user's (none: every event shows), the timeline on its window (the events' span,
 * padded so they do not sit on the edges), the reader closed. Everything else of `view` is kept.
 */
export function viewOfStep(
  view: ViewState,
  story: Story,
  stepNumber: number,
  eventOf: (id: string) => FramedEvent | undefined,
): { view: ViewState; frame: StepFrame } {
  const step = story.steps[Math.min(Math.max(stepNumber, 1), story.steps.length) - 1]!;
  const frame = frameOfStep(step, eventOf);
  const window = frame.window && !step.window ? paddedWindow(frame.window) : frame.window;
  const f = step.filters ?? {};
  return {
    view: {
      ...view,
      story: story.id,
      step: story.steps.indexOf(step) + 1,
      event: step.events.find((id) => eventOf(id) !== undefined) ?? null,
      actor: f.actor ?? [],
      place: f.place ?? [],
      type: f.type ?? [],
      from: f.from ?? null,
      to: f.to ?? null,
      q: f.q ?? '',
      read: null,
      window,
    },
    frame: { ...frame, window },
  };
}

/** An event of a loaded dataset as a step frames it: its days and the points of its places. */
export function framedEventOf(index: DatasetIndex, eventId: string): FramedEvent | undefined {
  const event = index.summaryById(eventId);
  if (!event) return undefined;
  const points = event.places.flatMap(({ placeId }) => {
    const place = index.placeById.get(placeId);
    return place ? [[place.lat, place.lon] as const] : [];
  });
  return { earliest: event.date.earliest, latest: event.date.latest, points };
}
