import { useState } from 'react';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import { yearOf } from '../domain/iso-day.ts';

export function ExplorerHeader({
  index,
  visibleCount,
}: {
  index: DatasetIndex;
  /** null while the count is not known yet (the search index is still being built). */
  visibleCount: number | null;
}) {
  const { extent } = index;
  const total = index.size;
  const years = extent ? `${yearOf(extent.earliest)}–${yearOf(extent.latest)}` : 'no dates';
  return (
    <header className="explorer-header">
      <div className="brand">
        <h1>News Event Explorer</h1>
        <p className="dataset-line">
          <span className="dataset-title">{index.title}</span>
          <span className="dataset-stats">
            {index.sources.length.toLocaleString('en')} articles · events {years} ·{' '}
            <strong aria-live="polite">
              {visibleCount === null
                ? `searching ${total.toLocaleString('en')} events…`
                : visibleCount === total
                  ? `${total.toLocaleString('en')} events`
                  : `${visibleCount.toLocaleString('en')} of ${total.toLocaleString('en')} events`}
            </strong>
          </span>
        </p>
      </div>
      <CopyLinkButton />
    </header>
  );
}

function CopyLinkButton() {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    window.setTimeout(() => setStatus('idle'), 2500);
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>
        Copy link to this view
      </button>
      <span role="status" className="copy-status">
        {status === 'copied' ? 'Link copied' : status === 'failed' ? 'Copy failed: use the address bar' : ''}
      </span>
    </div>
  );
}
