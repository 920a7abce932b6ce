/**
 * The embedded explorer's only chrome (`?embed=1`, in an iframe beside an article): the dataset's title, how many
 * of its events are shown, and a link to the full explorer on the same view, in a new tab (a real link: it can be
 * opened, copied or middle-clicked like any other). No dataset switcher, file opener or story picker: the reader
 * beside an article follows the view the newsroom chose, and the full explorer is one click away.
 */
import type { DatasetIndex } from '../domain/dataset-index.ts';
import { viewUrl } from '../domain/embed-code.ts';
import { useExplorerStore } from '../state/explorer-store.ts';
import { eventCountLabel } from './explorer-header.tsx';

export function EmbedBar({ index, visibleCount }: { index: DatasetIndex; visibleCount: number | null }) {
  const view = useExplorerStore((s) => s.view);
  // The page's own address with the view of now: the link follows every step, selection and filter.
  const full = viewUrl(view, window.location.href, false);
  return (
    <header className="embed-bar">
      <div className="embed-brand">
        <h1 className="embed-title">{index.title || 'News Event Explorer'}</h1>
        <p className="embed-count" aria-live="polite">
          {eventCountLabel(visibleCount, index.size)}
        </p>
      </div>
      <a className="embed-open" href={full} target="_blank" rel="noopener">
        Open the full explorer<span className="visually-hidden"> (opens in a new tab)</span>
        <span aria-hidden="true"> ↗</span>
      </a>
    </header>
  );
}
