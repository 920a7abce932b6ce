/**
 * The bridge between the store and the address bar. On load and on Back/Forward the URL is parsed, checked
 * against the dataset (unknown ids become notices) and restored into the store; every other change to the view is
 * written back, pushing or replacing the history entry as the action asked.
 */
import { useEffect } from 'react';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import { parseViewState, reconcileView, sameView, serializeViewState } from '../domain/url-state.ts';
import { useExplorerStore } from './explorer-store.ts';

function readLocation(index: DatasetIndex, announce: boolean): void {
  const parsed = parseViewState(window.location.search);
  const reconciled = reconcileView(parsed.view, index.known);
  const store = useExplorerStore.getState();
  if (announce) {
    const problems = [...parsed.problems, ...reconciled.problems];
    if (problems.length) store.addNotices(problems.map((p) => `This link could not be followed in full: ${p}.`));
  }
  store.restoreView(reconciled.view);
}

const restored = new WeakSet<DatasetIndex>();

/**
 * Puts the link's view into the store before the explorer first renders, so no view draws the unfiltered dataset
 * first and then again (at 100,000 events that is seconds). Once per dataset: StrictMode renders twice, and the
 * notices must not double.
 */
export function restoreViewFromUrl(index: DatasetIndex): void {
  if (restored.has(index)) return;
  restored.add(index);
  readLocation(index, true);
}

export function useUrlSync(index: DatasetIndex): void {
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
      const onPopState = () => readLocation(index, false);
      window.addEventListener('popstate', onPopState);
      return () => {
        unsubscribe();
        window.removeEventListener('popstate', onPopState);
      };
    },
    [index],
  );
}
