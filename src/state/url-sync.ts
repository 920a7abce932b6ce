/**
 * The bridge between the store and the address bar. On load and on Back/Forward the URL is parsed, checked
 * against the dataset (unknown ids become notices) and restored into the store; every other change to the view is
 * written back, pushing or replacing the history entry as the action asked.
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
import { useExplorerStore } from './explorer-store.ts';

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
  const view = read?.view ?? { ...EMPTY_VIEW, dataset: dataset.param };
  useExplorerStore
    .getState()
    .startDataset(view, [...(options.notices ?? []), ...(read?.problems ?? []).map(problemNotice)]);
}

export function useUrlSync(index: DatasetIndex, dataset: UrlDataset): void {
  const { param, defaultId } = dataset;
  useEffect(
    function syncUrlWithStore() {
      // Show the link the user actually sees (unknown or malformed parts dropped), without a new entry.
      const restored = serializeViewState(useExplorerStore.getState().view);
      if (restored !== window.location.search)
        window.history.replaceState(null, '', `${window.location.pathname}${restored}${window.location.hash}`);

      const unsubscribe = useExplorerStore.subscribe((state, previous) => {
        if (state.view === previous.view || state.historyMode === 'none') return;
        if (sameView(state.view, previous.view)) return;
        const url = `${window.location.pathname}${serializeViewState(state.view)}${window.location.hash}`;
        if (state.historyMode === 'push') window.history.pushState(null, '', url);
        else window.history.replaceState(null, '', url);
      });
      const onPopState = () => {
        // Another dataset's entry: the app mounts that dataset's explorer, which restores it.
        const read = readLocation(index, { param, defaultId });
        if (read) useExplorerStore.getState().restoreView(read.view);
      };
      window.addEventListener('popstate', onPopState);
      return () => {
        unsubscribe();
        window.removeEventListener('popstate', onPopState);
        if (restoredIndex === index) restoredIndex = null;
      };
    },
    [index, param, defaultId],
  );
}
