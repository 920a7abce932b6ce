/**
 * The one store of the explorer: what the user has chosen (selection, filters, open article, timeline window)
 * and transient UI state (hover, notices, the last request to reveal the selection). Loaded data is not here: it
 * stays in the react-query cache.
 *
 * `view` is exactly what the URL holds (see domain/url-state.ts). How a change reaches the browser history (push,
 * replace or nothing) is the URL bridge's decision, from which fields changed (state/url-sync.ts): the store keeps
 * state, not instructions for it.
 *
 * The timeline's window is one value, `view.window`: the days the user chose (by moving or zooming the timeline, or
 * through a link), which is what links carry; null while the timeline follows the data (first load, after "Fit
 * all"). The days the timeline happens to show are a reading of the widget, not state of the app: they differ from
 * the chosen window while it follows the data, for the moment between a pan and its write, and where vis clamps a
 * link's window to its limits. The one thing that needs them ("Use timeline window") asks the mounted timeline at
 * the click (TimelineReadout, wired in app/explorer.tsx). A second window kept here was written on every settled
 * pan and left two values to reconcile.
 */
import { create } from 'zustand';
import { fromEpochDay } from '../domain/iso-day.ts';
import { playbackEnd, type Playback } from '../domain/playback.ts';
import type { DraftStep, StoryDraft } from '../domain/story-draft.ts';
import { hasSearchTerms } from '../domain/search-terms.ts';
import { EMPTY_VIEW, type DateWindow, type ViewState } from '../domain/url-state.ts';
import { startInteraction } from './interaction-timing.ts';

/**
 * The view a selection was made in (a link's selection comes through restoreView or startDataset instead); 'story'
 * for a story's step, which frames the views itself (the map on the step's extent, the timeline on its window).
 */
export type SelectionSource = 'timeline' | 'map' | 'list' | 'reader' | 'story';

/** A map extent in degrees. */
export interface MapExtent {
  south: number;
  west: number;
  north: number;
  east: number;
}

/**
 * A request to fly the map to an extent (a story's step), carried out once per id like a RevealRequest. `key`
 * names what asked ("story:step"), so the same step is not framed again when the URL restores it.
 */
export interface MapFrameRequest {
  id: number;
  key: string;
  extent: MapExtent;
}

/**
 * A request to bring the selected event into view, made once per change of the selection (each with its own id).
 * A view carries out each request at most once (it remembers the last id it handled), so a re-render or a later,
 * unrelated store change never moves it again. The request is not cleared once handled: every view reads it in its
 * own time (the timeline may mount later), and the map refits for the same request when the event's outline arrives.
 */
export interface RevealRequest {
  id: number;
  eventId: string;
  /**
   * The view the user selected the event in, which moves only if the event is not in view there already (the map
   * checks its bounds; the timeline's reveal already leaves an item drawn in view where it is). Null for a link.
   */
  madeIn: SelectionSource | null;
  /** A link with a window: the timeline shows exactly that window, even if the event lies outside it. */
  keepTimelineWindow: boolean;
}

export interface Notice {
  id: number;
  tone: 'warning' | 'info';
  message: string;
}

/**
 * A playback (domain/playback.ts) open on the timeline. While it plays, the window moves every frame here and
 * nowhere else: the map and the timeline draw it imperatively, the list follows a few times a second, and the date
 * filter is set aside (the window is the date filter now). Pausing writes the window into the date filter, so the
 * link then holds it.
 */
export interface PlaybackState extends Playback {
  playing: boolean;
}

/**
 * What a mounted view can be asked about what it shows, which is not state of the app (see the window above):
 * registered by the view while it is mounted, read at the moment of a click ("Add this view as a step").
 */
export interface ViewReadouts {
  timelineWindow: (() => DateWindow) | null;
  mapExtent: (() => MapExtent) | null;
}

export type FilterPatch = Partial<Pick<ViewState, 'actor' | 'place' | 'type' | 'from' | 'to' | 'q'>>;

export interface ExplorerState {
  view: ViewState;
  /** The last request to reveal the selected event (null with no selection). */
  reveal: RevealRequest | null;
  /** The last request to frame the map on an extent. */
  mapFrame: MapFrameRequest | null;
  hoveredEventId: string | null;
  notices: Notice[];
  /** The open playback, null when none is (then nothing moves on its own). */
  playback: PlaybackState | null;
  /** A story being written in the app ("Add this view as a step"), null when none is. */
  storyDraft: StoryDraft | null;
  readouts: ViewReadouts;

  selectEvent: (eventId: string | null, source: SelectionSource) => void;
  setFilters: (patch: FilterPatch) => void;
  clearFilters: () => void;
  openReader: (sourceId: string | null) => void;
  setWindow: (window: DateWindow | null) => void;
  /**
   * Shows a story's step: `view` is the step's view (see domain/story-steps.ts viewOfStep), its event revealed by
   * the story's own framing, and the map flown to `extent` when there is one.
   */
  showStoryStep: (view: ViewState, extent: MapExtent | null) => void;
  /** Flies the map to `extent` unless the last frame request was already for `key`. */
  frameMap: (key: string, extent: MapExtent) => void;
  /** Back to free exploration: the story closes, the selection, filters and window stay as they are. */
  leaveStory: () => void;
  hoverEvent: (eventId: string | null) => void;
  /** Plays `playback` from its window. */
  play: (playback: Playback) => void;
  /** Moves the playing window to start on `start` (an epoch day): once a frame while it plays, or a scrub. */
  movePlayback: (start: number) => void;
  /** The width or the speed the user chose for the window. */
  setPlaybackChoice: (choice: Partial<Pick<Playback, 'widthDays' | 'daysPerSecond'>>) => void;
  /** Stops the window where it is and makes it the date filter. */
  pause: () => void;
  /** Puts a paused window at `playback` (the position slider): it is the date filter at once. */
  seek: (playback: Playback) => void;
  /** Adds `step` at the end of the story being written (a new draft when there is none). */
  addDraftStep: (step: DraftStep) => void;
  /** Replaces the story being written (an edit), or drops it (null). */
  setStoryDraft: (draft: StoryDraft | null) => void;
  /** A view registers (or, unmounting, withdraws) what it can be asked. */
  setReadout: <K extends keyof ViewReadouts>(kind: K, readout: ViewReadouts[K]) => void;
  /** Replaces the whole view from the URL (Back/Forward); a selection that changed is revealed as a link's is. */
  restoreView: (view: ViewState) => void;
  /**
   * A dataset was opened: everything the store holds is forgotten (ids differ between datasets) and `view` is
   * the view, with `notices` the only notices.
   */
  startDataset: (view: ViewState, notices: string[]) => void;
  addNotices: (messages: string[], tone?: Notice['tone']) => void;
  dismissNotice: (id: number) => void;
}

let nextNoticeId = 1;
let nextRevealId = 1;
let nextFrameId = 1;

/**
 * A link's selection is revealed everywhere, except that a link's window is kept on the timeline; a story's step
 * frames the map itself.
 */
function revealLinked(view: ViewState): RevealRequest | null {
  if (view.event === null) return null;
  const madeIn = view.story === null ? null : 'story';
  return { id: nextRevealId++, eventId: view.event, madeIn, keepTimelineWindow: view.window !== null };
}

/** A window as the date filter: the days it covers, as ISO days. */
const dateFilterOf = (playback: Playback) => ({
  from: fromEpochDay(playback.start),
  to: fromEpochDay(playbackEnd(playback)),
});

export const storyFrameKey = (view: Pick<ViewState, 'story' | 'step'>) => `${view.story}:${view.step}`;

export const useExplorerStore = create<ExplorerState>()((set, get) => ({
  view: EMPTY_VIEW,
  reveal: null,
  mapFrame: null,
  hoveredEventId: null,
  notices: [],
  playback: null,
  storyDraft: null,
  readouts: { timelineWindow: null, mapExtent: null },

  selectEvent: (eventId, source) => {
    if (get().view.event === eventId) return;
    startInteraction('select');
    const reveal = eventId === null ? null : { id: nextRevealId++, eventId, madeIn: source, keepTimelineWindow: false };
    set((s) => ({ view: { ...s.view, event: eventId }, reveal }));
  },
  setFilters: (patch) => {
    startInteraction(patch.q !== undefined && hasSearchTerms(patch.q) ? 'search' : 'filter');
    // Dates the user typed take over from a playing window: it stops where it is, the typed range applies.
    const datesChosen = patch.from !== undefined || patch.to !== undefined;
    set((s) => ({
      view: { ...s.view, ...patch },
      playback: datesChosen && s.playback?.playing ? { ...s.playback, playing: false } : s.playback,
    }));
  },
  clearFilters: () => {
    startInteraction('filter');
    set((s) => ({
      view: { ...s.view, actor: [], place: [], type: [], from: null, to: null, q: '' },
    }));
  },
  openReader: (sourceId) => {
    if (get().view.read === sourceId) return;
    set((s) => ({ view: { ...s.view, read: sourceId } }));
  },
  setWindow: (window) => set((s) => ({ view: { ...s.view, window } })),
  showStoryStep: (view, extent) => {
    startInteraction('select');
    const reveal: RevealRequest | null =
      view.event === null
        ? null
        : { id: nextRevealId++, eventId: view.event, madeIn: 'story', keepTimelineWindow: view.window !== null };
    const mapFrame = extent ? { id: nextFrameId++, key: storyFrameKey(view), extent } : get().mapFrame;
    set({ view, reveal, mapFrame });
  },
  frameMap: (key, extent) => {
    if (get().mapFrame?.key !== key) set({ mapFrame: { id: nextFrameId++, key, extent } });
  },
  leaveStory: () => set((s) => ({ view: { ...s.view, story: null, step: null } })),
  hoverEvent: (eventId) => {
    if (get().hoveredEventId !== eventId) set({ hoveredEventId: eventId });
  },
  // Playback is free exploration: it leaves a story (whose step would contradict the moving window).
  play: (playback) =>
    set((s) => ({ playback: { ...playback, playing: true }, view: { ...s.view, story: null, step: null } })),
  movePlayback: (start) => {
    const { playback } = get();
    if (playback && playback.start !== start) set({ playback: { ...playback, start } });
  },
  setPlaybackChoice: (choice) => {
    const { playback } = get();
    if (playback) set({ playback: { ...playback, ...choice } });
  },
  pause: () => {
    const { playback } = get();
    if (!playback?.playing) return;
    startInteraction('filter');
    set((s) => ({ playback: { ...playback, playing: false }, view: { ...s.view, ...dateFilterOf(playback) } }));
  },
  addDraftStep: (step) =>
    set((s) => ({
      storyDraft: s.storyDraft
        ? { ...s.storyDraft, steps: [...s.storyDraft.steps, step] }
        : { title: '', summary: '', steps: [step] },
    })),
  setStoryDraft: (storyDraft) => set({ storyDraft }),
  setReadout: (kind, readout) => set((s) => ({ readouts: { ...s.readouts, [kind]: readout } })),
  seek: (playback) => {
    if (get().playback?.playing) {
      get().movePlayback(playback.start);
      return;
    }
    startInteraction('filter');
    set((s) => ({
      playback: { ...playback, playing: false },
      view: { ...s.view, story: null, step: null, ...dateFilterOf(playback) },
    }));
  },
  // Back to the same event (another filter, another window) asks no view to move.
  // A link or Back/Forward stops a playing window without writing it: the view now is the one the URL holds.
  restoreView: (view) =>
    set((s) => ({
      view,
      reveal: view.event === s.view.event ? s.reveal : revealLinked(view),
      playback: s.playback && { ...s.playback, playing: false },
    })),
  startDataset: (view, notices) =>
    set({
      view,
      reveal: revealLinked(view),
      mapFrame: null,
      hoveredEventId: null,
      playback: null,
      storyDraft: null,
      notices: notices.map((message) => ({ id: nextNoticeId++, tone: 'warning', message })),
    }),
  addNotices: (messages, tone = 'warning') => {
    if (messages.length === 0) return;
    set((s) => ({ notices: [...s.notices, ...messages.map((message) => ({ id: nextNoticeId++, tone, message }))] }));
  },
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
