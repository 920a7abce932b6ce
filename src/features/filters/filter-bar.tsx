/**
 * Narrowing the data the way analysts think about it: facets for type, actor and place with live counts, a date
 * range (typed, or taken from the timeline's window), free-text search, clear-all, and export of what is shown.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import type { FilterResult } from '../../domain/event-filter.ts';
import { isFilterActive, typeCount } from '../../domain/event-filter.ts';
import { isIsoDay } from '../../domain/iso-day.ts';
import { EVENT_TYPE_IDS } from '../../domain/taxonomy.ts';
import type { DateWindow } from '../../domain/url-state.ts';
import { loadEvents } from '../../queries/pack-chunks.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';
import { useEventFilter } from '../../state/filtered-events.ts';
import { downloadFile } from '../../shared/download.ts';
import { TYPE_COLORS, typeLabel } from '../../shared/event-style.ts';
import { FacetMenu, useDismissablePopover, type FacetOption } from './facet-menu.tsx';
import './filters.css';

const SEARCH_DEBOUNCE_MS = 250;

/**
 * Memoised: a selection or a hover re-renders the explorer, not this view (its props did not change).
 * `shownTimelineWindow` reads the days the mounted timeline shows (null while there is none).
 */
export const FilterBar = memo(function FilterBar({
  index,
  result,
  shownTimelineWindow,
}: {
  index: DatasetIndex;
  result: FilterResult;
  shownTimelineWindow: (() => DateWindow) | null;
}) {
  const filter = useEventFilter();
  const setFilters = useExplorerStore((s) => s.setFilters);
  const clearFilters = useExplorerStore((s) => s.clearFilters);
  const chosenWindow = useExplorerStore((s) => s.view.window);
  // The window the user chose (the link's), else the days on screen, as they are at the click.
  const applyTimelineWindow = () => {
    const window = chosenWindow ?? shownTimelineWindow?.();
    if (window) setFilters({ from: window.start, to: window.end });
  };

  const typeOptions = useMemo<FacetOption[]>(
    () =>
      EVENT_TYPE_IDS.filter((t) => index.typesPresent.has(t)).map((t) => ({
        id: t,
        label: typeLabel(t),
        count: typeCount(result, t),
        swatch: TYPE_COLORS[t],
      })),
    [index, result],
  );
  const actorOptions = useMemo<FacetOption[]>(
    () =>
      index.actors.map((a, row) => ({
        id: a.id,
        label: a.name,
        count: result.counts.actor[row] ?? 0,
        ...(a.aliases.length ? { detail: a.aliases.filter((alias) => alias !== a.name).join(', ') } : {}),
      })),
    [index, result.counts.actor],
  );
  const placeOptions = useMemo<FacetOption[]>(
    () =>
      index.places.map((p, row) => {
        const parent = p.parentId ? index.placeById.get(p.parentId) : undefined;
        return {
          id: p.id,
          label: p.name,
          count: result.counts.place[row] ?? 0,
          ...(parent ? { detail: `in ${parent.name}` } : {}),
        };
      }),
    [index, result.counts.place],
  );

  return (
    <div className="filter-bar" role="search" aria-label="Filter events">
      <SearchBox value={filter.q} onCommit={(q) => setFilters({ q })} />
      <FacetMenu label="Types" options={typeOptions} selected={filter.type} onChange={(type) => setFilters({ type })} />
      <FacetMenu
        label="Actors"
        options={actorOptions}
        selected={filter.actor}
        onChange={(actor) => setFilters({ actor })}
      />
      <FacetMenu
        label="Places"
        options={placeOptions}
        selected={filter.place}
        onChange={(place) => setFilters({ place })}
        note="A place includes everything inside it: Syria includes Idlib."
      />
      <DateRange from={filter.from} to={filter.to} onChange={(range) => setFilters(range)} />
      <fieldset className="date-range">
        <legend className="visually-hidden">Timeline window</legend>
        <button
          type="button"
          className="small-button"
          disabled={!chosenWindow && !shownTimelineWindow}
          onClick={applyTimelineWindow}
          title="Use the dates visible on the timeline as the range"
        >
          Use timeline window
        </button>
      </fieldset>
      {isFilterActive(filter) && (
        <button type="button" className="small-button clear-all" onClick={clearFilters}>
          Clear all filters
        </button>
      )}
      <ExportMenu index={index} result={result} />
    </div>
  );
});

/**
 * From/to days. Each box keeps what is being typed and applies it once it is a whole date (a four-digit year:
 * typing a year digit by digit passes through 0002, 0020, 0202) or when the box is left. A start after the end is
 * not applied (it would show only the long events that span both): the boxes say so and the range in force stays.
 */
function DateRange({
  from,
  to,
  onChange,
}: {
  from: string | null;
  to: string | null;
  onChange: (range: { from: string | null; to: string | null }) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const apply = (next: { from: string | null; to: string | null }) => {
    if (next.from === from && next.to === to) return;
    if (next.from && next.to && next.from > next.to) {
      setError(`“From” (${next.from}) is after “To” (${next.to}): this range was not applied.`);
      return;
    }
    setError(null);
    onChange(next);
  };
  return (
    <fieldset className="date-range">
      <legend className="visually-hidden">Date range</legend>
      <DayInput
        label="From"
        value={from}
        max={to}
        invalid={error !== null}
        onCommit={(day) => apply({ from: day, to })}
      />
      <DayInput
        label="To"
        value={to}
        min={from}
        invalid={error !== null}
        onCommit={(day) => apply({ from, to: day })}
      />
      {error && (
        <span id="date-range-error" role="alert" className="date-range-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}

function DayInput({
  label,
  value,
  min = null,
  max = null,
  invalid,
  onCommit,
}: {
  label: string;
  value: string | null;
  min?: string | null;
  max?: string | null;
  invalid: boolean;
  onCommit: (day: string | null) => void;
}) {
  const [draft, setDraft] = useState(value ?? '');
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // The range changed elsewhere (a link, Back, "Use timeline window", clear all): show it.
    setLastValue(value);
    setDraft(value ?? '');
  }
  const commit = (text: string) => onCommit(isIsoDay(text) ? text : null);
  return (
    <label>
      {label}
      <input
        type="date"
        value={draft}
        min={min ?? undefined}
        max={max ?? undefined}
        aria-invalid={invalid}
        aria-describedby={invalid ? 'date-range-error' : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          // Empty (cleared) or a whole date with a real four-digit year: apply now; else wait for blur.
          if (e.target.value === '' || /^[1-9]\d{3}-/.test(e.target.value)) commit(e.target.value);
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
    </label>
  );
}

/** Typing updates the box at once and the filter after a pause, so the timeline is not rebuilt per keystroke. */
function SearchBox({ value, onCommit }: { value: string; onCommit: (q: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // The filter changed elsewhere (clear all, Back): show it.
    setLastValue(value);
    setDraft(value);
  }
  useEffect(
    function commitAfterPause() {
      if (draft === value) return;
      const timer = window.setTimeout(() => onCommit(draft), SEARCH_DEBOUNCE_MS);
      return () => window.clearTimeout(timer);
    },
    [draft, value, onCommit],
  );
  return (
    <input
      type="search"
      className="search-box"
      placeholder="Search titles, excerpts, people, places…"
      aria-label="Search events"
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onCommit(draft);
      }}
    />
  );
}

function ExportMenu({ index, result }: { index: DatasetIndex; result: FilterResult }) {
  const count = result.rows.length;
  const [status, setStatus] = useState<string | null>(null);
  // The exporters (and the CSV library) load on first use: most sessions never export. An export needs the full
  // events (summaries, evidence), which the pack keeps out of the first load: fetched here, chunk by chunk.
  const exportAs = async (format: 'csv' | 'geojson') => {
    setStatus(`Preparing ${count.toLocaleString('en')} events…`);
    try {
      const [{ eventsToCsv, eventsToGeoJson }, events] = await Promise.all([
        import('../../domain/export.ts'),
        loadEvents(index, result.rows),
      ]);
      if (format === 'csv') download(`\uFEFF${eventsToCsv(events, index)}`, 'text/csv;charset=utf-8', 'csv');
      else download(eventsToGeoJson(events, index), 'application/geo+json', 'geojson');
      setStatus(null);
    } catch (error) {
      setStatus(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const download = (content: string, type: string, extension: string) =>
    downloadFile(content, type, `events-${count}.${extension}`);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismissablePopover(rootRef, open, close);
  const empty = count === 0;
  return (
    <div className="export facet" ref={rootRef}>
      <button
        type="button"
        className="facet-button"
        aria-expanded={open}
        disabled={empty}
        onClick={() => setOpen(!open)}
        title={empty ? 'No events to export' : `Export the ${count} events shown`}
      >
        Export
        <span aria-hidden="true" className="facet-caret">
          ▾
        </span>
      </button>
      {open && (
        <div className="facet-panel export-panel" role="group" aria-label="Export the events shown">
          <button
            type="button"
            className="small-button"
            onClick={() => {
              setOpen(false);
              void exportAs('csv');
            }}
          >
            Export CSV
          </button>
          <span className="facet-note">One row per event, for spreadsheets</span>
          <button
            type="button"
            className="small-button"
            onClick={() => {
              setOpen(false);
              void exportAs('geojson');
            }}
          >
            Export GeoJSON
          </button>
          <span className="facet-note">One point per event and place, for QGIS</span>
        </div>
      )}
      {status && (
        <span className="export-status" role="status">
          {status}
        </span>
      )}
    </div>
  );
}
