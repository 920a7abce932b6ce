/**
 * Which dataset is open: the URL's `dataset` parameter (read on load and on Back/Forward, written when the user
 * switches), and the datasets opened from files in this page. The explorer's own store holds the view inside a
 * dataset; this one only says which dataset that view belongs to.
 */
import { create } from 'zustand';
import { EMPTY_VIEW, parseViewState, serializeViewState } from '../domain/url-state.ts';
import type { DatasetChoice } from '../queries/dataset-registry-query.ts';

export interface DatasetNavState {
  /** The URL's `dataset` parameter as written (null: none, the default dataset). */
  param: string | null;
  /** Datasets opened from the user's files, for this page's life (they are not kept across a reload). */
  locals: DatasetChoice[];
  /** Reads the parameter again from the address bar (after Back/Forward, or a URL the explorer rewrote). */
  syncFromLocation: () => void;
  /** Opens another dataset from its start, as a new history entry (Back returns to the previous one). */
  switchTo: (id: string, defaultId: string) => void;
  addLocal: (choice: DatasetChoice) => void;
}

const paramInLocation = () => parseViewState(window.location.search).view.dataset;

export const useDatasetNav = create<DatasetNavState>()((set, get) => ({
  param: paramInLocation(),
  locals: [],
  syncFromLocation: () => {
    const param = paramInLocation();
    if (get().param !== param) set({ param });
  },
  switchTo: (id, defaultId) => {
    const param = id === defaultId ? null : id;
    // Filters and the selection start afresh: their ids belong to the dataset left behind.
    const search = serializeViewState({ ...EMPTY_VIEW, dataset: param });
    window.history.pushState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    set({ param });
  },
  addLocal: (choice) => set((s) => ({ locals: [...s.locals.filter((c) => c.id !== choice.id), choice] })),
}));

const LOCAL_COUNTER_KEY = 'news-event-explorer:local-datasets';

/**
 * A new id for a dataset opened from a file: local-1, local-2, … counting on across reloads of this tab, so that a
 * history entry of a file opened before a reload never opens a different file.
 */
export function nextLocalDatasetId(): string {
  let n = 1;
  try {
    n = (Number.parseInt(window.sessionStorage.getItem(LOCAL_COUNTER_KEY) ?? '', 10) || 0) + 1;
    window.sessionStorage.setItem(LOCAL_COUNTER_KEY, String(n));
  } catch {
    n = useDatasetNav.getState().locals.length + 1;
  }
  return `local-${n}`;
}

export const isLocalDatasetId = (id: string) => /^local-\d+$/.test(id);
