/**
 * The explorer's layout: the map and the timeline side by side with the list and the details, all reading the same
 * store. Features never import each other; this file is where they meet.
 */
import { lazy, Suspense, useEffect, useState, type ComponentProps, type ComponentType } from 'react';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { FilterResult } from '../domain/event-filter.ts';
import { EventDetails } from '../features/details/event-details.tsx';
import { EmptyResult } from '../features/filters/empty-result.tsx';
import { FilterBar } from '../features/filters/filter-bar.tsx';
import { EventList } from '../features/list/event-list.tsx';
import { EventMap } from '../features/map/event-map.tsx';
import { SourceReader } from '../features/reader/source-reader.tsx';
import { StoryPanel } from '../features/story/story-panel.tsx';
import { useExplorerStore } from '../state/explorer-store.ts';
import { useFilteredEvents } from '../state/filtered-events.ts';
import { usePlayingRows } from '../state/playback-rows.ts';
import { finishInteraction, markReadyPart } from '../state/interaction-timing.ts';
import type { DatasetChoice } from '../queries/dataset-registry-query.ts';
import { restoreViewFromUrl, useUrlSync, type RestoreOptions, type UrlDataset } from '../state/url-sync.ts';
import { EmbedBar } from './embed-bar.tsx';
import { ExplorerHeader } from './explorer-header.tsx';
import { Legend } from './legend.tsx';
import { Notices } from './notices.tsx';
import { ViewBoundary } from './view-boundary.tsx';
// Types only (erased): the module itself is loaded as its own chunk, below.
import type * as TimelineModuleExports from '../features/timeline/event-timeline.tsx';

/**
 * The timeline view (vis-timeline, moment, vis-data and our wrapper: ~115 kB of the ~290 kB gzip the app used to
 * load up front) is its own chunk, so the initial JS stays within the budget that `npm run size` checks. It is
 * requested here, as this module is evaluated at startup, not when the explorer first renders: its download runs
 * in parallel with the dataset's, which the explorer waits for anyway, so the first screen is not later for it.
 */
type TimelineModule = typeof TimelineModuleExports;
type EventTimelineComponent = TimelineModule['EventTimeline'];
/** Set once the chunk has arrived (nearly always before the dataset), so the first render can skip the fallback. */
let loadedEventTimeline: EventTimelineComponent | null = null;
let timelineChunk: Promise<TimelineModule> | null = null;
/** The chunk, requested again if the last request failed (a network blip, a deploy that replaced it): Retry works. */
function loadTimelineChunk(): Promise<TimelineModule> {
  if (timelineChunk) return timelineChunk;
  const request = import('../features/timeline/event-timeline.tsx');
  timelineChunk = request;
  request.then(
    (module) => (loadedEventTimeline = module.EventTimeline),
    // Handled here so a failed download is not also an unhandled rejection; the lazy view rethrows it on render,
    // and the next mount (the view's Retry) asks again.
    () => {
      if (timelineChunk === request) timelineChunk = null;
    },
  );
  return request;
}
void loadTimelineChunk();

/**
 * The timeline, or a box of the same size while its chunk is still on its way. React.lazy suspends at least once
 * even when the chunk is already there, so the component chosen on mount is the loaded one when it can be (the
 * first render then shows the timeline, as `explorer:ready` expects); it is kept for the life of the mount, since
 * switching component types would remount the widget.
 */
function TimelineView(props: ComponentProps<EventTimelineComponent>) {
  // A lazy component per mount: React.lazy keeps a failed load for good, so a Retry needs a new one.
  const [Timeline] = useState<ComponentType<ComponentProps<EventTimelineComponent>>>(
    () => loadedEventTimeline ?? lazy(async () => ({ default: (await loadTimelineChunk()).EventTimeline })),
  );
  return (
    <Suspense
      fallback={
        <div className="app-state" aria-busy="true">
          <p role="status">Loading the timeline…</p>
        </div>
      }
    >
      <Timeline {...props} />
    </Suspense>
  );
}

/** Which dataset the explorer shows, the others it can switch to, and how its links name it. */
export interface ExplorerDataset {
  current: DatasetChoice;
  /** Every dataset the switcher offers (the current one included): the served ones, then files opened here. */
  choices: DatasetChoice[];
  url: UrlDataset;
  onSwitch: (id: string) => void;
  /** How the first render restores the view (read once, when the explorer mounts). */
  restore: RestoreOptions;
}

/** The explorer of one dataset: the app mounts a new one (keyed by the dataset's id) for each dataset shown. */
export function Explorer({ index, dataset }: { index: DatasetIndex; dataset: ExplorerDataset }) {
  // Before any store-reading hook below: the first render already shows the link's view (and nothing of the
  // dataset shown before).
  useState(() => restoreViewFromUrl(index, dataset.url, dataset.restore));
  useUrlSync(index, dataset.url);
  useEscapeClearsSelection();
  const selectedId = useExplorerStore((s) => s.view.event);
  const readerSourceId = useExplorerStore((s) => s.view.read);
  const clearFilters = useExplorerStore((s) => s.clearFilters);
  const embedded = useExplorerStore((s) => s.view.embed);
  const inStory = useExplorerStore((s) => s.view.story !== null);
  // Embedded in a story, the side column is the story and its event: the steps lead, the list would crowd them.
  const showList = !embedded || !inStory;
  // The mounted timeline, asked for the days it shows when the filter bar takes them as the date range.
  const [timeline, setTimeline] = useState<TimelineModuleExports.TimelineReadout | null>(null);
  const result = useFilteredEvents(index);
  // With a text query the list shows the best matches first (result.listRows); the map and timeline keep date order.
  const visibleRows = result.rows;
  // While a playback plays, the list shows the events inside its window (the map and timeline draw it themselves).
  const playingRows = usePlayingRows(index, result.listRows);
  const listRows = playingRows ?? result.listRows;
  const selected = selectedId ? index.summaryById(selectedId) : undefined;
  const selectedIsHidden = selected !== undefined && !result.searchPending && result.mask[selected.row] !== 1;
  useDocumentTitle(selected?.title);
  useInteractionTimings(result);

  return (
    <div className={['explorer', embedded && 'is-embedded', inStory && 'in-story'].filter(Boolean).join(' ')}>
      {showList ? (
        <a className="skip-link" href="#event-list">
          Skip to the list of events
        </a>
      ) : (
        <a className="skip-link" href="#event-details">
          Skip to the story
        </a>
      )}
      {embedded ? (
        // Beside an article: a compact bar instead of the header, and no filter bar (a link's filters still apply,
        // and the bar says "N of M events"; the full explorer, one link away, has every control).
        <EmbedBar index={index} visibleCount={result.searchPending ? null : visibleRows.length} />
      ) : (
        <>
          <ExplorerHeader
            index={index}
            dataset={dataset}
            visibleCount={result.searchPending ? null : visibleRows.length}
          />
          <ViewBoundary view="filters">
            <FilterBar index={index} result={result} shownTimelineWindow={timeline?.shownWindow ?? null} />
          </ViewBoundary>
        </>
      )}
      <Notices />
      <main className="workspace">
        <section className="pane map-pane" aria-label="Map">
          <ViewBoundary view="map">
            <EventMap index={index} rows={visibleRows} />
          </ViewBoundary>
        </section>
        <section className="pane timeline-pane" aria-label="Timeline">
          <ViewBoundary view="timeline">
            <TimelineView index={index} rows={visibleRows} onReadout={setTimeline} />
          </ViewBoundary>
        </section>
        <div className={showList ? 'side' : 'side details-only'}>
          {showList && (
            <section className="pane list-pane" aria-labelledby="list-heading">
              <h2 id="list-heading" className="pane-heading">
                Events <span className="pane-count">{listRows.length.toLocaleString('en')}</span>
                {playingRows && <span className="pane-sort">in the playing window</span>}
                {result.ranked && !result.searchPending && <span className="pane-sort">best matches first</span>}
              </h2>
              {result.searchPending && (
                <p className="list-status" role="status">
                  Searching…
                </p>
              )}
              {result.searchPartial && !result.searchPending && (
                <p className="list-status" role="status">
                  Matches in titles so far; the full-text index (summaries, excerpts, names) is still loading…
                </p>
              )}
              <ViewBoundary view="list of events">
                {listRows.length > 0 ? (
                  <EventList index={index} rows={listRows} ranked={result.ranked} />
                ) : playingRows ? (
                  <p className="list-status">No events in the playing window.</p>
                ) : (
                  !result.searchPending && <EmptyResult index={index} />
                )}
              </ViewBoundary>
            </section>
          )}
          {/* Focusable so keyboard users can scroll it even when it holds no control (nothing selected). */}
          <section id="event-details" className="pane details-pane" aria-label="Event details" tabIndex={0}>
            {/* A story's step above the event it selects: its evidence is right below the step's text. */}
            <ViewBoundary view="story">
              <StoryPanel index={index} />
            </ViewBoundary>
            {selected && selectedIsHidden && (
              <div className="hidden-selection" role="status">
                The selected event does not match the current filters: it stays selected, but the list and the timeline
                show only matching events.{' '}
                <button type="button" className="link-button" onClick={clearFilters}>
                  Clear filters
                </button>
              </div>
            )}
            {selected ? (
              // Keyed by the event: a failure in one event's details goes away when another is selected.
              <ViewBoundary key={selected.id} view="details">
                <EventDetails index={index} event={selected} />
              </ViewBoundary>
            ) : (
              <div className="details-empty">
                <h2>What the articles say</h2>
                <p>
                  Select an event on the map, on the timeline or in the list to see its details and the exact sentences
                  that report it.
                </p>
                <Legend typesPresent={index.typesPresent} />
              </div>
            )}
          </section>
        </div>
      </main>
      {/* A short announcement of each selection; the details themselves are not live (they would be read in full). */}
      <p className="visually-hidden" aria-live="polite">
        {selected ? `Selected: ${selected.title}, ${selected.date.display}` : ''}
      </p>
      {readerSourceId && (
        <ViewBoundary key={readerSourceId} view="reader">
          <SourceReader index={index} sourceId={readerSourceId} />
        </ViewBoundary>
      )}
    </div>
  );
}

/**
 * Escape clears the selection, unless something nearer took it first: a popover, a map popup or the reader
 * closes on Escape and marks the event handled. Listening on window (the last stop of the bubble phase) lets
 * every component's own handler run before this one.
 */
function useEscapeClearsSelection(): void {
  useEffect(function listenForEscape() {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      const { view, selectEvent } = useExplorerStore.getState();
      if (view.event) selectEvent(null, 'list');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** The browser tab names the selected event, so tabs and history entries say what they show. */
function useDocumentTitle(title: string | undefined): void {
  useEffect(
    function nameTheTab() {
      document.title = title ? `${title} · News Event Explorer` : 'News Event Explorer';
    },
    [title],
  );
}

/**
 * In-page timings for `npm run bench`: ready once the first rows and timeline are committed; a filter or search
 * when its result is committed (a selection is timed by the details, once its evidence is shown). Effects run after
 * the children's effects, so the timeline and map have applied the change by then.
 */
function useInteractionTimings(result: FilterResult): void {
  useEffect(
    function markFilterPainted() {
      if (result.searchPending) return;
      markReadyPart('rows');
      finishInteraction('filter', { rows: result.rows.length });
      finishInteraction('search', { rows: result.rows.length });
    },
    [result],
  );
}
