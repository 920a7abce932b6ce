/** Says why nothing matches and offers the ways to widen the result, one filter at a time. */
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';
import { useEventFilter } from '../../state/filtered-events.ts';
import { typeLabel } from '../../shared/event-style.ts';
import type { EventType } from '../../domain/taxonomy.ts';

export function EmptyResult({ index }: { index: DatasetIndex }) {
  const filter = useEventFilter();
  const setFilters = useExplorerStore((s) => s.setFilters);
  const clearFilters = useExplorerStore((s) => s.clearFilters);
  const names = (ids: string[], lookup: (id: string) => string | undefined) =>
    ids.map((id) => lookup(id) ?? id).join(' or ');
  const parts: { text: string; remove: () => void }[] = [];
  if (filter.q.trim()) parts.push({ text: `text “${filter.q.trim()}”`, remove: () => setFilters({ q: '' }) });
  if (filter.type.length)
    parts.push({
      text: `type ${filter.type.map((t) => typeLabel(t as EventType)).join(' or ')}`,
      remove: () => setFilters({ type: [] }),
    });
  if (filter.actor.length)
    parts.push({
      text: `actor ${names(filter.actor, (id) => index.actorById.get(id)?.name)}`,
      remove: () => setFilters({ actor: [] }),
    });
  if (filter.place.length)
    parts.push({
      text: `place ${names(filter.place, (id) => index.placeById.get(id)?.name)}`,
      remove: () => setFilters({ place: [] }),
    });
  if (filter.from || filter.to)
    parts.push({
      text: `dates ${filter.from ?? 'any'} to ${filter.to ?? 'any'}`,
      remove: () => setFilters({ from: null, to: null }),
    });
  return (
    <div className="empty-result" role="status">
      <p>
        <strong>No events match all of these filters.</strong> Remove one to widen the result:
      </p>
      <ul>
        {parts.map((part) => (
          <li key={part.text}>
            <button type="button" className="chip" onClick={part.remove}>
              Remove {part.text}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={clearFilters}>
        Clear all filters
      </button>
    </div>
  );
}
