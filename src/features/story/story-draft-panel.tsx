/**
 * Writing a story in the app ("Write a story…" in the header's story picker): "Add view as step" records what the
 * user sees; this panel lists the steps for their text, order and removal, and exports the story as the YAML file
 * that data/stories/ holds (domain/story-yaml.ts, loaded on demand). The draft lives in the store for the session.
 */
import { useEffect, useId, useState } from 'react';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import {
  describeFilters,
  moveStep,
  readStoredDraft,
  stepOfView,
  type DraftStep,
  type StoryDraft,
} from '../../domain/story-draft.ts';
import { downloadFile } from '../../shared/download.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';

const STORAGE_PREFIX = 'news-event-explorer:story-draft:';

/** Where a dataset's draft is kept; none for a file opened in this browser (it is gone after a reload anyway). */
function storageKey(dataset: string | null): string | null {
  return dataset?.startsWith('local-') ? null : `${STORAGE_PREFIX}${dataset ?? 'default'}`;
}

/** Storage can be full, off or forbidden (private windows, policies): a draft then lives for the page only. */
function withStorage<T>(act: (storage: Storage) => T): T | null {
  try {
    return act(window.localStorage);
  } catch {
    return null;
  }
}

/**
 * Keeps the draft of the open dataset in the browser's storage, so that a reload or a closed tab does not lose an
 * author's work: restored when the explorer opens, written on every edit. Only a discard removes it — a dataset
 * switch empties the store without touching the stored draft.
 */
export function useStoredStoryDraft(): void {
  const dataset = useExplorerStore((s) => s.view.dataset);
  useEffect(
    function keepTheDraftAcrossReloads() {
      const key = storageKey(dataset);
      if (!key) return;
      const store = useExplorerStore.getState();
      if (!store.storyDraft) {
        const restored = readStoredDraft(withStorage((storage) => storage.getItem(key)));
        if (restored && restored.steps.length > 0) store.setStoryDraft(restored);
      }
      return useExplorerStore.subscribe((state, previous) => {
        const draft = state.storyDraft;
        if (draft && draft !== previous.storyDraft)
          withStorage((storage) => storage.setItem(key, JSON.stringify(draft)));
      });
    },
    [dataset],
  );
}

function discardDraft(): void {
  const { view, setStoryDraft } = useExplorerStore.getState();
  const key = storageKey(view.dataset);
  if (key) withStorage((storage) => storage.removeItem(key));
  setStoryDraft(null);
}

/** Records the current view as the next step of the story being written. */
export function addCurrentViewAsStep(index: DatasetIndex): void {
  const { view, readouts, addDraftStep } = useExplorerStore.getState();
  const shown = { window: readouts.timelineWindow?.() ?? null, extent: readouts.mapExtent?.() ?? null };
  const title = view.event ? index.summaryById(view.event)?.title : undefined;
  addDraftStep(stepOfView(view, shown, title));
}

function describeStep(index: DatasetIndex, step: DraftStep): string {
  const parts: string[] = [];
  const first = step.events[0];
  if (first) parts.push(index.summaryById(first)?.title ?? first);
  if (step.window) parts.push(`${step.window.start} to ${step.window.end}`);
  if (step.extent) parts.push('map extent');
  if (step.filters) parts.push(`filters: ${describeFilters(step.filters)}`);
  return parts.join(' · ');
}

export function StoryDraftPanel({ index, draft }: { index: DatasetIndex; draft: StoryDraft }) {
  const headingId = useId();
  const titleId = useId();
  const setStoryDraft = useExplorerStore((s) => s.setStoryDraft);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; lines: string[] } | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const update = (patch: Partial<StoryDraft>) => setStoryDraft({ ...draft, ...patch });
  const updateStep = (at: number, patch: Partial<DraftStep>) =>
    update({ steps: draft.steps.map((step, i) => (i === at ? { ...step, ...patch } : step)) });

  const exportYaml = async () => {
    try {
      const { exportStoryYaml } = await import('../../domain/story-yaml.ts');
      const result = exportStoryYaml(draft);
      if (!result.ok) {
        setStatus({ tone: 'error', lines: ['The story was not exported:', ...result.problems] });
        return;
      }
      downloadFile(result.text, 'application/yaml', result.fileName);
      setStatus({ tone: 'ok', lines: [`Exported ${result.fileName}: put it in data/stories/ and run npm run data.`] });
    } catch (error) {
      setStatus({
        tone: 'error',
        lines: [`The export failed: ${error instanceof Error ? error.message : String(error)}`],
      });
    }
  };

  return (
    <section className="story-draft" aria-labelledby={headingId}>
      <div className="story-bar">
        <h2 id={headingId} className="story-draft-heading">
          Your story{' '}
          <span className="pane-count">{draft.steps.length === 1 ? '1 step' : `${draft.steps.length} steps`}</span>
        </h2>
        <button type="button" className="small-button primary" onClick={() => addCurrentViewAsStep(index)}>
          {draft.steps.length === 0 ? 'Add view as step' : `Add view as step ${draft.steps.length + 1}`}
        </button>
      </div>
      {draft.steps.length === 0 && (
        <p className="story-draft-meta">
          Select an event, frame the map and the timeline, set filters if the step needs them, then add the view as a
          step. Each step keeps all of it, and a text you write.
        </p>
      )}
      <label className="story-draft-field" htmlFor={titleId}>
        Story title
        <input
          id={titleId}
          type="text"
          value={draft.title}
          maxLength={200}
          placeholder="How Sochi 2018 led to the March 2020 ceasefire"
          onChange={(e) => update({ title: e.target.value })}
        />
      </label>
      <ol className="story-draft-steps">
        {draft.steps.map((step, i) => (
          // Steps have no id of their own; the index is their identity while the list is edited in place.
          <li key={i} className="story-draft-step">
            <label className="story-draft-field">
              Step {i + 1} text
              <textarea
                value={step.text}
                rows={2}
                maxLength={2000}
                placeholder="What this step shows, in a sentence or two"

                onChange={(e) => updateStep(i, { text: e.target.value })}
              />
            </label>
            <p className="story-draft-meta">{describeStep(index, step)}</p>
            <div className="story-draft-step-actions">
              <button
                type="button"
                className="small-button"
                disabled={i === 0}
                aria-label={`Move step ${i + 1} up`}
                onClick={() => update({ steps: moveStep(draft.steps, i, -1) })}
              >
                ↑
              </button>
              <button
                type="button"
                className="small-button"
                disabled={i === draft.steps.length - 1}
                aria-label={`Move step ${i + 1} down`}
                onClick={() => update({ steps: moveStep(draft.steps, i, 1) })}
              >
                ↓
              </button>
              <button
                type="button"
                className="small-button"
                aria-label={`Remove step ${i + 1}`}
                onClick={() =>
                  draft.steps.length === 1 ? discardDraft() : update({ steps: draft.steps.filter((_, at) => at !== i) })
                }
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="story-draft-actions">
        <button
          type="button"
          className="small-button"
          disabled={draft.steps.length === 0}
          onClick={() => void exportYaml()}
        >
          Export story as YAML
        </button>
        {draft.steps.length === 0 ? (
          <button type="button" className="small-button" onClick={discardDraft}>
            Close
          </button>
        ) : confirmDiscard ? (
          <>
            <button type="button" className="small-button" onClick={discardDraft}>
              Discard {draft.steps.length === 1 ? 'the step' : `all ${draft.steps.length} steps`}
            </button>
            <button type="button" className="small-button" onClick={() => setConfirmDiscard(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className="small-button" onClick={() => setConfirmDiscard(true)}>
            Discard…
          </button>
        )}
      </div>
      <div role="status" className={status?.tone === 'error' ? 'story-draft-status is-error' : 'story-draft-status'}>
        {status?.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </section>
  );
}
