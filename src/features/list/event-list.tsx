/**
 * The events as an accessible list: the keyboard and screen-reader way through the data. A listbox with
 * aria-activedescendant (arrow keys move, Enter selects), virtualised so 100,000 events cost a screenful of rows.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, memo, useEffect, useMemo, useRef, useState } from 'react';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';
import { TYPE_COLORS, typeLabel } from '../../shared/event-style.ts';
import './event-list.css';
import { placeLine } from '../../domain/place-line.ts';

const ROW_HEIGHT = 64;

/** `rows`: the event rows to list, in the order shown (date order, or best match first while searching). */
/** Memoised: a selection or a hover re-renders the explorer, not this view (its props did not change). */
export const EventList = memo(function EventList({
  index,
  rows,
  ranked,
}: {
  index: DatasetIndex;
  rows: Int32Array;
  ranked: boolean;
}) {
  const selectedId = useExplorerStore((s) => s.view.event);
  const selectEvent = useExplorerStore((s) => s.selectEvent);
  const hoverEvent = useExplorerStore((s) => s.hoverEvent);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);

  // The TanStack virtualizer returns functions that the React Compiler must not memoise; this component is not compiled.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const selectedIndex = useMemo(() => {
    const row = selectedId ? index.rowOf(selectedId) : undefined;
    return row === undefined ? -1 : rows.indexOf(row);
  }, [index, rows, selectedId]);
  useEffect(
    function followSelection() {
      if (selectedIndex < 0) return;
      setActiveIndex(selectedIndex);
      virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    },
    [selectedIndex, virtualizer],
  );
  const active = Math.min(activeIndex, Math.max(0, rows.length - 1));

  const moveTo = (next: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, next));
    setActiveIndex(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: rows.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const row = rows[active];
      if (row !== undefined) selectEvent(index.summary(row).id, 'list');
    }
  };

  if (rows.length === 0)
    return (
      <p className="event-list-empty" role="status">
        No events to list.
      </p>
    );

  const activeEvent = rows[active] === undefined ? undefined : index.summary(rows[active]!);
  return (
    <div
      ref={scrollRef}
      id="event-list"
      className="event-list"
      role="listbox"
      tabIndex={0}
      aria-label={`Events, ${rows.length} in ${ranked ? 'order of relevance' : 'date order'}`}
      aria-activedescendant={activeEvent ? optionId(activeEvent.id) : undefined}
      onKeyDown={onKeyDown}
      onMouseLeave={() => hoverEvent(null)}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const event = index.summary(rows[row.index]!);
          const places = placeLine(event.places, (id) => index.placeById.get(id)?.name);
          return (
            <div
              key={event.id}
              id={optionId(event.id)}
              role="option"
              aria-selected={event.id === selectedId}
              aria-setsize={rows.length}
              aria-posinset={row.index + 1}
              className={`event-row${row.index === active ? ' is-active' : ''}${event.id === selectedId ? ' is-selected' : ''}`}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              onClick={() => {
                setActiveIndex(row.index);
                selectEvent(event.id, 'list');
              }}
              onMouseEnter={() => hoverEvent(event.id)}
            >
              <span className="event-row-type">
                <span className="type-swatch" style={{ background: TYPE_COLORS[event.type] }} aria-hidden="true" />
                {typeLabel(event.type)}
                {event.modality !== 'occurred' && <span className="event-row-modality"> · {event.modality}</span>}
                {event.sourceType && event.sourceType !== typeLabel(event.type) && (
                  <span className="event-row-source-type" title="The source's own type">
                    {' '}
                    · {event.sourceType}
                  </span>
                )}
                {event.fatalities !== null && event.fatalities > 0 && (
                  <span className="event-row-fatalities">
                    {' '}
                    · {event.fatalities.toLocaleString('en')} {event.fatalities === 1 ? 'death' : 'deaths'}
                  </span>
                )}
              </span>
              <span className="event-row-date">{event.date.display}</span>
              <span className="event-row-title">{event.title}</span>
              {places && <span className="event-row-places">{places}</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
});

function optionId(eventId: string): string {
  return `event-option-${eventId}`;
}
