/**
 * A multi-select facet in a popover: searchable, with live counts (how many events each value would show given
 * the other filters). Chosen values stay on top; values with no matching events are listed but dimmed.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { foldText } from '../../domain/search-terms.ts';

export interface FacetOption {
  id: string;
  label: string;
  count: number;
  /** Extra words shown after the label and matched by the search box (aliases, parent place). */
  detail?: string;
  swatch?: string;
}

const MAX_SHOWN = 200;

/**
 * Closes a popover on a click outside it or on Escape (which then goes no further: the explorer's own Escape would
 * clear the selection), and gives focus back to its button.
 */
export function useDismissablePopover(rootRef: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEffect(
    function closeOnOutsideClickOrEscape() {
      if (!open) return;
      const onPointer = (e: PointerEvent) => {
        if (!rootRef.current?.contains(e.target as Node)) close();
      };
      const onKey = (e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        close();
        rootRef.current?.querySelector<HTMLButtonElement>('.facet-button')?.focus();
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

export function FacetMenu({
  label,
  options,
  selected,
  onChange,
  note,
}: {
  label: string;
  options: readonly FacetOption[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  note?: string;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  const close = useCallback(() => setOpen(false), []);
  useDismissablePopover(rootRef, open, close);

  const chosen = useMemo(() => new Set(selected), [selected]);
  // The order is fixed when the popover opens: re-sorting as boxes are ticked would move rows under the pointer.
  const [order, setOrder] = useState<ReadonlyMap<string, number>>(new Map());
  const toggleOpen = () => {
    if (!open) {
      const sorted = [...options].sort(
        (a, b) =>
          Number(chosen.has(b.id)) - Number(chosen.has(a.id)) || b.count - a.count || a.label.localeCompare(b.label),
      );
      setOrder(new Map(sorted.map((o, i) => [o.id, i])));
    }
    setOpen(!open);
  };
  const shown = useMemo(() => {
    const folded = foldText(query.trim());
    const matching = folded
      ? options.filter((o) => foldText(`${o.label} ${o.detail ?? ''}`).includes(folded))
      : [...options];
    return matching.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  }, [options, query, order]);

  const toggle = (id: string) => onChange(chosen.has(id) ? selected.filter((s) => s !== id) : [...selected, id]);

  return (
    <div className="facet" ref={rootRef}>
      <button
        type="button"
        className={`facet-button${selected.length ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggleOpen}
      >
        {label}
        {selected.length > 0 && <span className="facet-badge">{selected.length}</span>}
        <span aria-hidden="true" className="facet-caret">
          ▾
        </span>
      </button>
      {open && (
        <div className="facet-panel" id={panelId} role="group" aria-label={`Filter by ${label.toLowerCase()}`}>
          {options.length > 8 && (
            <input
              type="search"
              className="facet-search"
              placeholder={`Find ${label.toLowerCase()}…`}
              aria-label={`Find ${label.toLowerCase()}`}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              autoFocus
            />
          )}
          {note && <p className="facet-note">{note}</p>}
          <ul className="facet-options">
            {shown.slice(0, MAX_SHOWN).map((option) => (
              <li key={option.id} className={option.count === 0 && !chosen.has(option.id) ? 'is-empty' : undefined}>
                <label>
                  <input type="checkbox" checked={chosen.has(option.id)} onChange={() => toggle(option.id)} />
                  {option.swatch && (
                    <span className="type-swatch" style={{ background: option.swatch }} aria-hidden="true" />
                  )}
                  <span className="facet-label">
                    {option.label}
                    {option.detail && <span className="facet-detail"> {option.detail}</span>}
                  </span>
                  <span className="facet-count" aria-label={`${option.count} events`}>
                    {option.count}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {shown.length > MAX_SHOWN && (
            <p className="facet-note">{shown.length - MAX_SHOWN} more: type to narrow the list.</p>
          )}
          {shown.length === 0 && <p className="facet-note">Nothing matches “{query}”.</p>}
          {selected.length > 0 && (
            <button type="button" className="link-button facet-clear" onClick={() => onChange([])}>
              Clear {label.toLowerCase()}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
