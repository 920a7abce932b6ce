/**
 * The header's share controls: the link to this view, and the iframe snippet that shows this view embedded beside
 * an article. Both copy what the view is at the moment of the click. A view of a file opened in this browser
 * cannot be shared (the file is not on any server): the buttons stay focusable and say so when pressed.
 */
import { useId, useRef, useState } from 'react';
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

export function ShareButtons({ index, local }: { index: DatasetIndex; local: boolean }) {
  const [status, setStatus] = useState<Status>('idle');
  const reset = useRef<number | undefined>(undefined);
  const descriptionId = useId();
  const copy = async (what: 'link' | 'code') => {
    window.clearTimeout(reset.current);
    if (local) {
      setStatus(`${what}-local`);
      return;
    }
    const text =
      what === 'link'
        ? window.location.href
        : embedCode(
            useExplorerStore.getState().view,
            window.location.href,
            frameTitle(index, useExplorerStore.getState().view),
          );
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`${what}-copied`);
    } catch {
      setStatus(`${what}-failed`);
    }
    reset.current = window.setTimeout(() => setStatus('idle'), what === 'code' ? 5000 : 2500);
  };
  return (
    <div className="copy-link" role="group" aria-label="Share this view">
      <div className="share-buttons">
        <button
          type="button"
          onClick={() => void copy('link')}
          aria-disabled={local || undefined}
          aria-describedby={local ? descriptionId : undefined}
        >
          Copy link to this view
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void copy('code')}
          aria-disabled={local || undefined}
          aria-describedby={local ? descriptionId : undefined}
          title="An <iframe> that shows this view beside an article, without the header"
        >
          Copy embed code
        </button>
      </div>
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
