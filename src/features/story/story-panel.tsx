/**
 * The story panel: a guided story's step (its text, "Step 3 of 8", previous and next), with the views following
 * each step (the store's showStoryStep: the timeline glides to the step's window, the map flies to its extent).
 * Arrow keys step through the story when no text field has the focus; the step is announced to screen readers.
 * Leaving returns to free exploration with the same selection.
 */
import { useEffect, useId } from 'react';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import type { Story } from '../../domain/story.ts';
import { frameOfStep, framedEventOf, viewOfStep } from '../../domain/story-steps.ts';
import { storyFrameKey, useExplorerStore } from '../../state/explorer-store.ts';
import './story.css';
import { StoryDraftPanel, useStoredStoryDraft } from './story-draft-panel.tsx';

/** Shows step `stepNumber` (1-based) of `story`. */
export function goToStep(index: DatasetIndex, story: Story, stepNumber: number): void {
  const { view, frame } = viewOfStep(useExplorerStore.getState().view, story, stepNumber, (id) =>
    framedEventOf(index, id),
  );
  useExplorerStore.getState().showStoryStep(view, frame.extent);
}

/** True when a key press belongs to the control that has the focus (typing, choosing, a slider). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

export function StoryPanel({ index }: { index: DatasetIndex }) {
  const storyId = useExplorerStore((s) => s.view.story);
  const draft = useExplorerStore((s) => s.storyDraft);
  const stepNumber = useExplorerStore((s) => s.view.step);
  const leaveStory = useExplorerStore((s) => s.leaveStory);
  const headingId = useId();
  useStoredStoryDraft();
  const story = storyId === null ? undefined : index.stories.find((s) => s.id === storyId);
  const current = story ? Math.min(Math.max(stepNumber ?? 1, 1), story.steps.length) : 0;
  const step = story?.steps[current - 1];

  // A step reached by a link or by Back/Forward has its view from the URL; the map is framed here (once per step).
  useEffect(
    function frameStepOnTheMap() {
      if (!story || !step) return;
      const { extent } = frameOfStep(step, (id) => framedEventOf(index, id));
      if (extent) useExplorerStore.getState().frameMap(storyFrameKey({ story: story.id, step: current }), extent);
    },
    [index, story, step, current],
  );

  useEffect(
    function stepWithArrowKeys() {
      if (!story) return;
      const onKey = (e: KeyboardEvent) => {
        if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isTyping(e.target)) return;
        const next = e.key === 'ArrowRight' ? current + 1 : e.key === 'ArrowLeft' ? current - 1 : null;
        if (next === null || next < 1 || next > story.steps.length) return;
        e.preventDefault();
        goToStep(index, story, next);
      };
      window.addEventListener('keydown', onKey);
      return () => window.removeEventListener('keydown', onKey);
    },
    [index, story, current],
  );

  if (!story || !step) return draft ? <StoryDraftPanel index={index} draft={draft} /> : null;
  const title = step.title ?? (step.events[0] ? index.summaryById(step.events[0])?.title : undefined) ?? story.title;
  const total = story.steps.length;
  return (
    <section className="story-panel" aria-labelledby={headingId}>
      <div className="story-bar">
        <p className="story-title">{story.title}</p>
        <button type="button" className="small-button" onClick={leaveStory}>
          Leave story
        </button>
      </div>
      <p className="story-count" aria-hidden="true">
        Step {current} of {total}
      </p>
      <h2 id={headingId} className="story-step-title">
        {title}
      </h2>
      <p className="story-text">{step.text}</p>
      <nav className="story-nav" aria-label="Story steps">
        <button
          type="button"
          className="small-button"
          disabled={current <= 1}
          onClick={() => goToStep(index, story, current - 1)}
        >
          ← Previous
        </button>
        <span className="story-keys">or the arrow keys</span>
        <button
          type="button"
          className="small-button primary"
          disabled={current >= total}
          onClick={() => goToStep(index, story, current + 1)}
        >
          Next →
        </button>
      </nav>
      <p className="visually-hidden" aria-live="polite">
        {`Step ${current} of ${total}: ${title}`}
      </p>
    </section>
  );
}

/** Stands in the picker for the story being written (domain/story-draft.ts). */
const WRITE_A_STORY = '__write';

/**
 * The dataset's stories, to open one at its first step, and "Write a story…", which opens the draft panel where
 * views are added as steps. A native select: every browser and screen reader knows it.
 */
export function StoryPicker({ index }: { index: DatasetIndex }) {
  const id = useId();
  const storyId = useExplorerStore((s) => s.view.story);
  const writing = useExplorerStore((s) => s.storyDraft !== null);
  const value = storyId ?? (writing ? WRITE_A_STORY : '');
  return (
    <div className="dataset-switcher story-picker">
      <label htmlFor={id}>Story</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const store = useExplorerStore.getState();
          if (e.target.value === WRITE_A_STORY) {
            store.leaveStory();
            if (!store.storyDraft) store.setStoryDraft({ title: '', summary: '', steps: [] });
            return;
          }
          const story = index.stories.find((s) => s.id === e.target.value);
          if (story) goToStep(index, story, 1);
          else store.leaveStory();
        }}
      >
        <option value="">Explore freely</option>
        {index.stories.map((story) => (
          <option key={story.id} value={story.id}>
            {story.title} ({story.steps.length} steps)
          </option>
        ))}
        <option value={WRITE_A_STORY}>{writing ? 'The story you are writing' : 'Write a story…'}</option>
      </select>
    </div>
  );
}
