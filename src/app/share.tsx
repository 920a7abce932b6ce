/**
 * The header's share menu: a disclosure button "Share" that opens two actions, the link to this view and the
 * iframe snippet that shows this view embedded beside an article. Both copy what the view is at the moment of the
 * click; one live status line says what happened. A view of a file opened in this browser cannot be shared (the
 * file is not on any server): the actions stay focusable and say so when pressed. One button in the header rather
 * than two: the header's controls keep to one row beside the dataset's title.
 */
import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import { embedCode } from '../domain/embed-code.ts';
import type { ViewState } from '../domain/url-state.ts';
import { useExplorerStore } from '../state/explorer-store.ts';

type Status = 'idle' | 'link-copied' | 'code-copied' | 'link-failed' | 'code-failed' | 'link-local' | 'code-local';

const STATUS_TEXT: Record<Status, string> = {
  idle: '',
  'link-copied': 'Link copied',
  'code-copied': 'Embed code copied: paste it into the article’s HTML',
  'link-failed': 'Copy failed: use the address bar',
  'code-failed': 'Copy failed: the browser did not allow it',
  'link-local': 'Not copied: this view shows a local file, which a link cannot carry.',
  'code-local': 'Not copied: this view shows a local file, which an embedded page cannot carry.',
};

/** What the embedded frame is named for screen readers: the story, else the selected event, else the dataset. */
export function frameTitle(index: DatasetIndex, view: ViewState): string {
  const story = view.story === null ? undefined : index.stories.find((s) => s.id === view.story);
  const event = view.event === null ? undefined : index.summaryById(view.event);
  const what = story?.title ?? event?.title ?? index.title;
  return what ? `${what} · News Event Explorer` : 'News Event Explorer';
}

/** Closes the open panel on a press outside it, and on Escape (which then clears nothing else: handled here). */
function useDismiss(rootRef: RefObject<HTMLElement | null>, open: boolean, close: (refocus: boolean) => void) {
  useEffect(
    function closeOnOutsidePressOrEscape() {
      if (!open) return;
      const onPointer = (e: PointerEvent) => {
        if (!rootRef.current?.contains(e.target as Node)) close(false);
      };
      const onKey = (e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        close(true);
      };
      document.addEventListener('pointerdown', onPointer);
      document.addEventListener('keydown', onKey);
      return () => {
        document.removeEventListener('pointerdown', onPointer);
        document.removeEventListener('keydown', onKey);
      };
    },
    [rootRef, open, close],
  );
}

export function ShareButtons({ index, local }: { index: DatasetIndex; local: boolean }) {
  const [status, setStatus] = useState<Status>('idle');
  const [open, setOpen] = useState(false);
  const reset = useRef<number | undefined>(undefined);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();
  const panelId = useId();
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) toggleRef.current?.focus();
  }, []);
  useDismiss(rootRef, open, close);
  const copy = async (what: 'link' | 'code') => {
    window.clearTimeout(reset.current);
    // The action's button goes with the panel: the focus returns to "Share", and the status says what happened.
    close(true);
    if (local) {
      setStatus(`${what}-local`);
      return;
    }
    const { view } = useExplorerStore.getState();
    const text =
      what === 'link' ? window.location.href : embedCode(view, window.location.href, frameTitle(index, view));
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`${what}-copied`);
    } catch {
      setStatus(`${what}-failed`);
    }
    reset.current = window.setTimeout(() => setStatus('idle'), what === 'code' ? 5000 : 2500);
  };
  const describedBy = local ? descriptionId : undefined;
  return (
    <div className="copy-link" ref={rootRef}>
      <button
        ref={toggleRef}
        type="button"
        className="share-toggle"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-describedby={describedBy}
        onClick={() => setOpen(!open)}
      >
        Share
        <span aria-hidden="true" className="share-caret">
          ▾
        </span>
      </button>
      {open && (
        <div id={panelId} className="share-panel" role="group" aria-label="Share this view">
          <button
            type="button"
            onClick={() => void copy('link')}
            aria-disabled={local || undefined}
            aria-describedby={describedBy}
          >
            Copy link to this view
          </button>
          <button
            type="button"
            onClick={() => void copy('code')}
            aria-disabled={local || undefined}
            aria-describedby={describedBy}
          >
            Copy embed code
          </button>
          <p className="share-hint">
            The embed code is an iframe for an article’s HTML: this view, compact, with a link to the full explorer.
          </p>
        </div>
      )}
      {local && (
        <span id={descriptionId} className="copy-note">
          This view's link cannot be shared: the file stays in this browser.
        </span>
      )}
      <span role="status" className="copy-status">
        {STATUS_TEXT[status]}
      </span>
    </div>
  );
}
