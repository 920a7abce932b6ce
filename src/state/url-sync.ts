/**
 * The bridge between the store and the address bar. On load and on Back/Forward the URL is parsed, checked
 * against the dataset (unknown ids become notices) and restored into the store; every other change to the view is
 * written back, pushing or replacing the history entry according to what changed (historyWrite).
 *
 * The URL also names the dataset (`?dataset=<id>`, absent for the default). The explorer is mounted once per
 * dataset (the app keys it by id): on mount the store is reset and the link's view restored; a history entry of
 * another dataset is left to the app, which mounts that dataset's explorer.
 */
import { useEffect } from 'react';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import {
  EMPTY_VIEW,
  parseViewState,
  reconcileView,
  sameView,
  serializeViewState,
  withDefaultDataset,
  type ViewState,
} from '../domain/url-state.ts';
import { framedEventOf, viewOfStep } from '../domain/story-steps.ts';
import { useExplorerStore } from './explorer-store.ts';

export type HistoryWrite = 'push' | 'replace' | 'none';

/**
 * How a change of the view reaches the browser history, decided from what changed: nothing when the link would not
 * change; replace when only the timeline window moved (panning must not fill Back with steps); else push, so that
 * Back walks through selections, filters and opened articles.
 */
export function historyWrite(previous: ViewState, next: ViewState): HistoryWrite {
  if (sameView(previous, next)) return 'none';
  return sameView({ ...previous, window: next.window }, next) ? 'replace' : 'push';
}

/** Which dataset an explorer shows, as its links write it. */
export interface UrlDataset {
  /** The `dataset` parameter of this dataset's links: null for the default dataset. */
  param: string | null;
  /** The deployment's default dataset id (a link that names it is the same as one that does not). */
  defaultId: string;
}

const problemNotice = (problem: string) => `This link could not be followed in full: ${problem}.`;

/** The URL's view for this dataset, reconciled with its ids; null when the URL is another dataset's. */
function readLocation(index: DatasetIndex, dataset: UrlDataset): { view: ViewState; problems: string[] } | null {
  const parsed = parseViewState(window.location.search);
  const view = withDefaultDataset(parsed.view, dataset.defaultId);
  if (view.dataset !== dataset.param) return null;
  const reconciled = reconcileView(view, index.known);
  return { view: reconciled.view, problems: [...parsed.problems, ...reconciled.problems] };
}

/**
 * Set while the store takes its view from the address bar (a link opened, Back/Forward, a dataset mounted): that
 * change is the URL's own and is not written back. Module-wide, because when a dataset is switched the explorer
 * being replaced still listens while the new one restores its view.
 */
let restoring = false;

function fromTheUrl(change: () => void): void {
  restoring = true;
  try {
    change();
  } finally {
    restoring = false;
  }
}

/** The index whose view the store holds, restored by the explorer mounted now. */
let restoredIndex: DatasetIndex | null = null;

export interface RestoreOptions {
  /** Show the dataset from its start, whatever the URL says (the link named a dataset that is not here). */
  ignoreLink?: boolean;
  /** Notices to show beside the link's own (the app's: a dataset not found, a list that could not be read). */
  notices?: readonly string[];
}

/**
 * Resets the store for `index` and puts the link's view into it before the explorer first renders, so no view
 * draws the unfiltered dataset first and then again (at 100,000 events that is seconds). Once per mount of the
 * explorer: StrictMode renders twice, and the notices must not double; a dataset shown again later (Back across a
 * switch) is restored again from its URL.
 */
export function restoreViewFromUrl(index: DatasetIndex, dataset: UrlDataset, options: RestoreOptions = {}): void {
  if (restoredIndex === index) return;
  restoredIndex = index;
  const read = options.ignoreLink ? null : readLocation(index, dataset);
  // An embedded page stays embedded when its link cannot be followed (it names a dataset that is not here): in an
  // iframe, the full explorer's header would be in the article's way.
  const embed = parseViewState(window.location.search).view.embed;
  const view = withStoryStep(index, read?.view ?? { ...EMPTY_VIEW, dataset: dataset.param, embed });
  fromTheUrl(() =>
    useExplorerStore
      .getState()
      .startDataset(view, [...(options.notices ?? []), ...(read?.problems ?? []).map(problemNotice)]),
  );
}

/**
 * A link that names only a story's step (`?story=x&step=3`, embedded or not) opens the step's view; one that also
 * names a selection, filters or a window opens exactly those (it is what the sender saw, perhaps after looking
 * around in the step).
 */
function withStoryStep(index: DatasetIndex, view: ViewState): ViewState {
  const story = view.story === null ? undefined : index.stories.find((s) => s.id === view.story);
  const stepOnly = { ...EMPTY_VIEW, dataset: view.dataset, story: view.story, step: view.step, embed: view.embed };
  if (!story || !sameView(stepOnly, view)) return view;
  return viewOfStep(view, story, view.step ?? 1, (id) => framedEventOf(index, id)).view;
}

export function useUrlSync(index: DatasetIndex, dataset: UrlDataset): void {
  const { param, defaultId } = dataset;
  useEffect(() => connectUrlToStore(index, { param, defaultId }), [index, param, defaultId]);
}

/**
 * Keeps the address bar and the store in step for one explorer until the returned function is called: writes each
 * change of the view to the history (historyWrite), and restores the view on Back/Forward.
 */
export function connectUrlToStore(index: DatasetIndex, dataset: UrlDataset): () => void {
  // Show the link the user actually sees (unknown or malformed parts dropped), without a new entry.
  const restored = serializeViewState(useExplorerStore.getState().view);
  if (restored !== window.location.search)
    window.history.replaceState(null, '', `${window.location.pathname}${restored}${window.location.hash}`);

  const unsubscribe = useExplorerStore.subscribe((state, previous) => {
    if (state.view === previous.view || restoring) return;
    const write = historyWrite(previous.view, state.view);
    if (write === 'none') return;
    const url = `${window.location.pathname}${serializeViewState(state.view)}${window.location.hash}`;
    if (write === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  });
  const onPopState = () => {
    // Another dataset's entry: the app mounts that dataset's explorer, which restores it.
    const read = readLocation(index, dataset);
    if (read) fromTheUrl(() => useExplorerStore.getState().restoreView(read.view));
  };
  window.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
    if (restoredIndex === index) restoredIndex = null;
  };
}
