/**
 * The article itself, with the selected event's excerpts highlighted and scrolled into view, and every other
 * event's excerpts marked lightly and clickable. A modal dialog: Escape or the close button returns to the map.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import { sourceTextQueryOptions } from '../../queries/pack-chunks.ts';
import { formatDay } from '../../domain/iso-day.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';
import { segmentText, type HighlightSpan } from './highlight-segments.ts';
import './source-reader.css';

export function SourceReader({ index, sourceId }: { index: DatasetIndex; sourceId: string }) {
  const source = index.sourceById.get(sourceId);
  const sourceRow = index.sourceRowById.get(sourceId) ?? -1;
  // The article's text and the spans citing it come from the pack's text chunk, fetched when the reader opens.
  const article = useQuery({ ...sourceTextQueryOptions(index, sourceRow), enabled: sourceRow >= 0 });
  const selectedId = useExplorerStore((s) => s.view.event);
  const selectEvent = useExplorerStore((s) => s.selectEvent);
  const openReader = useExplorerStore((s) => s.openReader);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLDivElement>(null);

  const spans = useMemo<HighlightSpan[]>(
    () =>
      (article.data?.spans ?? []).map((span) => ({
        start: span.start,
        end: span.end,
        eventId: index.summary(span.eventRow).id,
      })),
    [index, article.data],
  );
  const segments = useMemo(
    () => (article.data ? segmentText(article.data.text, spans, selectedId) : []),
    [article.data, spans, selectedId],
  );

  useEffect(function openAsModalAndReturnFocus() {
    const dialog = dialogRef.current;
    // Where focus was when the reader opened ("Read in the article"): it goes back there when the reader closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // If the opener is gone (another event was picked in the reader), the details' heading takes focus.
      const target = opener?.isConnected ? opener : document.getElementById('event-details-title');
      window.setTimeout(() => target?.focus({ preventScroll: false }), 0);
    };
  }, []);

  useEffect(
    function scrollToExcerpt() {
      const first = textRef.current?.querySelector('mark.is-current');
      first?.scrollIntoView({ block: 'center' });
    },
    [segments],
  );

  if (!source) return null;
  const selected = selectedId ? index.summaryById(selectedId) : undefined;
  const reportsSelected = selected ? spans.some((span) => span.eventId === selected.id) : false;
  const titleOf = (eventId: string) => index.summaryById(eventId)?.title ?? eventId;

  return (
    <dialog
      ref={dialogRef}
      className="source-reader"
      aria-labelledby="reader-title"
      onCancel={(e) => {
        e.preventDefault();
        openReader(null);
      }}
    >
      <header className="reader-header">
        <div>
          <p className="reader-kicker">
            {source.publisher === 'unknown' ? 'Publisher unknown' : source.publisher} ·{' '}
            {source.publishedAt
              ? `published ${formatDay(source.publishedAt)}${source.publishedAtBasis === 'inferred' ? ' (inferred from the text)' : ' (dateline)'}`
              : 'publication date unknown'}
            {source.kind === 'excerpts' ? ' · only the excerpts quoted by the dataset are held' : ''}
          </p>
          <h2 id="reader-title">{source.title}</h2>
          {article.isPending && (
            <p className="reader-context" role="status">
              Loading the article…
            </p>
          )}
          {article.isError && (
            <div className="reader-context" role="alert">
              <p>The article could not be loaded: {article.error.message}</p>
              <button type="button" className="small-button" onClick={() => void article.refetch()}>
                Retry
              </button>
            </div>
          )}
          {article.data && selected && reportsSelected && (
            <p className="reader-context">
              Highlighted: the excerpts for <strong>{selected.title}</strong>. Lightly marked passages belong to other
              events; click one to select it.
            </p>
          )}
          {article.data && selected && !reportsSelected && (
            <p className="reader-context">
              This article does not report <strong>{selected.title}</strong>. The marked passages belong to the events
              it does report; click one to select it.
            </p>
          )}
          {article.data && !selected && (
            <p className="reader-context">Marked passages are the excerpts of events; click one to select it.</p>
          )}
        </div>
        <button type="button" className="reader-close" onClick={() => openReader(null)} aria-label="Close the article">
          ×
        </button>
      </header>
      <div className="reader-text" ref={textRef}>
        {segments.map((segment) => {
          if (segment.current)
            return (
              <mark key={segment.start} className="is-current">
                {segment.text}
              </mark>
            );
          const otherId = segment.otherEventIds[0];
          if (otherId)
            return (
              <mark
                key={segment.start}
                className="is-other"
                role="button"
                tabIndex={0}
                title={`Select: ${titleOf(otherId)}`}
                onClick={() => selectEvent(otherId, 'reader')}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    selectEvent(otherId, 'reader');
                  }
                }}
              >
                {segment.text}
              </mark>
            );
          return <span key={segment.start}>{segment.text}</span>;
        })}
      </div>
      <footer className="reader-footer">
        <p>{source.publishedAtNote}</p>
        {source.url ? (
          <a href={source.url} target="_blank" rel="noreferrer noopener">
            Original article
          </a>
        ) : (
          <p>Original address unknown; this is the text as received ({source.file}).</p>
        )}
      </footer>
    </dialog>
  );
}
