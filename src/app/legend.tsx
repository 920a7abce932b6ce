import type { EventType } from '../domain/taxonomy.ts';
import { EVENT_TYPE_IDS } from '../domain/taxonomy.ts';
import { TYPE_COLORS, typeLabel } from '../shared/event-style.ts';

/** What the colours and shapes mean, on the map and on the timeline. */
export function Legend({ typesPresent }: { typesPresent: ReadonlySet<EventType> }) {
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h3 id="legend-title">How to read the views</h3>
      <ul className="legend-types" aria-label="Event types">
        {EVENT_TYPE_IDS.filter((t) => typesPresent.has(t)).map((type) => (
          <li key={type}>
            <span className="type-swatch" style={{ background: TYPE_COLORS[type] }} aria-hidden="true" />
            {typeLabel(type)}
          </li>
        ))}
      </ul>
      <ul className="legend-styles">
        <li>
          <span className="legend-sample sample-point" aria-hidden="true" /> A dot on the timeline: the day is known.
        </li>
        <li>
          <span className="legend-sample sample-range" aria-hidden="true" /> A hatched bar: only a span of days, weeks
          or months is known.
        </li>
        <li>
          <span className="legend-sample sample-planned" aria-hidden="true" /> Dashed outline: planned or announced, not
          (yet) reported as happened.
        </li>
        <li>
          <span className="legend-sample sample-area" aria-hidden="true" /> Dashed area on the map: the place is a
          country or region, not an exact point.
        </li>
      </ul>
    </section>
  );
}
