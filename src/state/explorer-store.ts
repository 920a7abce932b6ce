/**
 * The one store of the explorer: what the user has chosen (selection, filters, open article, timeline window)
 * and transient UI state (hover, notices). Loaded data is not here: it stays in the react-query cache.
 *
 * `view` is exactly what the URL holds (see domain/url-state.ts). How a change reaches the browser history (push,
 * replace or nothing) is the URL bridge's decision, from which fields changed (state/url-sync.ts): the store keeps
 * state, not instructions for it.
 */
import { create } from 'zustand';
import { hasSearchTerms } from '../domain/search-terms.ts';
import { EMPTY_VIEW, type DateWindow, type ViewState } from '../domain/url-state.ts';
import { startInteraction } from './interaction-timing.ts';

export type SelectionOrigin = 'timeline' | 'map' | 'list' | 'details' | 'reader' | 'url';

export interface Notice {
  id: number;
  tone: 'warning' | 'info';
  message: string;
}

export type FilterPatch = Partial<Pick<ViewState, 'actor' | 'place' | 'type' | 'from' | 'to' | 'q'>>;

export interface ExplorerState {
  view: ViewState;
  /** Where the current selection came from: the view that made it need not scroll to it. */
  selectionOrigin: SelectionOrigin | null;
  hoveredEventId: string | null;
  /** The days the timeline shows right now (not in the URL unless the user moved it: see `view.window`). */
  shownRange: DateWindow | null;
  notices: Notice[];

  selectEvent: (eventId: string | null, origin: SelectionOrigin) => void;
  setFilters: (patch: FilterPatch) => void;
  clearFilters: () => void;
  openReader: (sourceId: string | null) => void;
  setWindow: (window: DateWindow | null) => void;
  setShownRange: (range: DateWindow) => void;
  hoverEvent: (eventId: string | null) => void;
  /** Replaces the whole view from the URL (first load, Back/Forward). */
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

export const useExplorerStore = create<ExplorerState>()((set, get) => ({
  view: EMPTY_VIEW,
  selectionOrigin: null,
  hoveredEventId: null,
  shownRange: null,
  notices: [],

  selectEvent: (eventId, origin) => {
    if (get().view.event === eventId) return;
    startInteraction('select');
    set((s) => ({ view: { ...s.view, event: eventId }, selectionOrigin: origin }));
  },
  setFilters: (patch) => {
    startInteraction(patch.q !== undefined && hasSearchTerms(patch.q) ? 'search' : 'filter');
    set((s) => ({ view: { ...s.view, ...patch } }));
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
  setShownRange: (range) => {
    const current = get().shownRange;
    if (current?.start !== range.start || current.end !== range.end) set({ shownRange: range });
  },
  hoverEvent: (eventId) => {
    if (get().hoveredEventId !== eventId) set({ hoveredEventId: eventId });
  },
  restoreView: (view) => set({ view, selectionOrigin: 'url' }),
  startDataset: (view, notices) =>
    set({
      view,
      selectionOrigin: 'url',
      hoveredEventId: null,
      shownRange: null,
      notices: notices.map((message) => ({ id: nextNoticeId++, tone: 'warning', message })),
    }),
  addNotices: (messages, tone = 'warning') => {
    if (messages.length === 0) return;
    set((s) => ({ notices: [...s.notices, ...messages.map((message) => ({ id: nextNoticeId++, tone, message }))] }));
  },
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
