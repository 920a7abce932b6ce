/**
 * Everything known about the selected event, and the evidence behind it: each excerpt grouped by article with its
 * publisher and date, how many articles corroborate it, and where they disagree, each version side by side.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import type { Disagreement, Evidence, NewsEvent } from '../../domain/dataset-schema.ts';
import type { EventSummary, SourceMeta } from '../../domain/event-table.ts';
import { describePrecision } from '../../domain/date-display.ts';
import { formatDay } from '../../domain/iso-day.ts';
import { EVENT_TYPES } from '../../domain/taxonomy.ts';
import { useShallow } from 'zustand/react/shallow';
import { useExplorerStore } from '../../state/explorer-store.ts';
import { finishInteraction } from '../../state/interaction-timing.ts';
import { eventQueryOptions } from '../../queries/pack-chunks.ts';
import { MODALITY_LABELS, PLACE_ROLE_LABELS, TYPE_COLORS, typeLabel } from '../../shared/event-style.ts';
import './event-details.css';

const RESOLUTION_LABELS = {
  explicit: 'stated in the source',
  relative: 'resolved from the text against the publication date',
  inferred: 'inferred (not stated in the text)',
} as const;

/**
 * The event's hot fields (type, title, date, actors, places) show at once; its summary, evidence and date basis
 * come from the pack's details and texts, fetched on selection (a loading line, then the evidence; an error with
 * Retry if the fetch fails).
 */
export function EventDetails({ index, event }: { index: DatasetIndex; event: EventSummary }) {
  const openReader = useExplorerStore((s) => s.openReader);
  const setFilters = useExplorerStore((s) => s.setFilters);
  // Only the filters the shortcuts toggle: the details need not re-render when the timeline pans.
  const view = useExplorerStore(useShallow((s) => ({ actor: s.view.actor, place: s.view.place })));
  const details = useQuery(eventQueryOptions(index, event.row));
  const full: NewsEvent | undefined = details.data;
  const bySource = groupBySource(full?.evidence ?? []);
  const totalSources = index.sources.length;
  useEffect(
    function markSelectionPainted() {
      if (full) finishInteraction('select', { event: full.id });
    },
    [full],
  );

  return (
    <article className="event-details" aria-labelledby="event-details-title">
      <header>
        <p className="event-kicker">
          <span className="type-chip" style={{ borderColor: TYPE_COLORS[event.type] }}>
            <span className="type-swatch" style={{ background: TYPE_COLORS[event.type] }} aria-hidden="true" />
            {typeLabel(event.type)}
          </span>
          <span className={`modality modality-${event.modality}`}>{MODALITY_LABELS[event.modality]}</span>
          {full && full.cameo !== '' && (
            <span className="cameo" title={`CAMEO code ${full.cameo}: ${EVENT_TYPES[event.type].description}`}>
              CAMEO {full.cameo}
            </span>
          )}
          {full?.classification && (
            <span className="source-classification" title="The source's own classification, kept as it wrote it">
              {full.classification.scheme}: {full.classification.type}
              {full.classification.subType ? ` › ${full.classification.subType}` : ''}
            </span>
          )}
        </p>
        <h2 id="event-details-title" tabIndex={-1}>
          {event.title}
        </h2>
        {full && !full.record && <p className="event-summary">{full.summary}</p>}
      </header>
      {details.isPending && (
        <p className="details-status" role="status">
          Loading the evidence…
        </p>
      )}
      {details.isError && (
        <div className="details-status" role="alert">
          <p>The evidence of this event could not be loaded: {details.error.message}</p>
          <button type="button" className="small-button" onClick={() => void details.refetch()}>
            Retry
          </button>
        </div>
      )}

      <dl className="event-facts">
        <dt>When</dt>
        <dd>
          <strong>{event.date.display}</strong>
          <span className="fact-note">
            {describePrecision(event.date.precision)}
            {event.date.qualifier ? `, ${event.date.qualifier}` : ''}
            {full ? `; ${RESOLUTION_LABELS[full.date.resolution]}` : ''}.
          </span>
          {full && (full.date.expression || full.date.note) && (
            <details className="date-basis">
              <summary>How this date was established</summary>
              {full.date.expression && (
                <p>
                  The article{full.date.anchor ? ` of ${formatDay(full.date.anchor)}` : ''} says “
                  <q className="verbatim">{full.date.expression.quote}</q>”
                  {full.date.anchor ? ', read against that publication date.' : '.'}
                </p>
              )}
              {full.date.note && <p>{full.date.note}</p>}
            </details>
          )}
        </dd>
        {event.actors.length > 0 && (
          <>
            <dt>Who</dt>
            <dd>
              <ul className="chip-list">
                {event.actors.map((link) => (
                  <FilterShortcut
                    key={`${link.actorId}-${link.role}`}
                    label={index.actorById.get(link.actorId)?.name ?? link.actorId}
                    detail={link.role}
                    chosen={view.actor}
                    id={link.actorId}
                    onChange={(actor) => setFilters({ actor })}
                  />
                ))}
              </ul>
            </dd>
          </>
        )}
        {event.places.length > 0 && (
          <>
            <dt>Where</dt>
            <dd>
              <ul className="chip-list">
                {event.places.map((link) => (
                  <FilterShortcut
                    key={`${link.placeId}-${link.role}`}
                    label={index.placeById.get(link.placeId)?.name ?? link.placeId}
                    detail={`${PLACE_ROLE_LABELS[link.role]}${link.precision !== 'exact' ? ` · ${link.precision} precision` : ''}`}
                    chosen={view.place}
                    id={link.placeId}
                    onChange={(place) => setFilters({ place })}
                  />
                ))}
              </ul>
            </dd>
          </>
        )}
        {event.fatalities !== null && (
          <>
            <dt>Deaths</dt>
            <dd>
              <strong>{event.fatalities.toLocaleString('en')}</strong>
              <span className="fact-note">
                {event.fatalities === 0
                  ? // ACLED codes 0 both when no one died and when no figure was reported: say so, not "no deaths".
                    'in the record: none reported, or no figure known'
                  : `reported fatalities${full?.record ? ', as coded in the record' : ''}`}
              </span>
            </dd>
          </>
        )}
      </dl>

      {full?.record && <CodedRecordView index={index} event={full} record={full.record} />}

      {full && full.disagreements.length > 0 && (
        <section className="disagreements" aria-labelledby="disagreements-title">
          <h3 id="disagreements-title">The sources disagree</h3>
          {full.disagreements.map((d, i) => (
            <DisagreementView key={i} disagreement={d} index={index} />
          ))}
        </section>
      )}

      {full && full.evidence.length > 0 && (
        <section className="evidence" aria-labelledby="evidence-title">
          <h3 id="evidence-title">
            Evidence{' '}
            <span className="corroboration">
              cited by {full.sourceIds.length} of {totalSources.toLocaleString('en')} sources
            </span>
          </h3>
          {[...bySource].map(([sourceId, spans]) => {
            const source = index.sourceById.get(sourceId);
            if (!source) return null;
            return (
              <div className="evidence-source" key={sourceId}>
                <SourceLine source={source} />
                {spans.map((span) => (
                  <blockquote key={span.start} className="excerpt">
                    {span.quote}
                  </blockquote>
                ))}
                {source.kind === 'article' ? (
                  <button type="button" className="link-button" onClick={() => openReader(sourceId)}>
                    Read in the article
                  </button>
                ) : (
                  <p className="fact-note">
                    Only the quoted excerpt is held, not the article
                    {source.url ? (
                      <>
                        :{' '}
                        <a href={source.url} target="_blank" rel="noopener noreferrer">
                          open it at its address
                        </a>
                      </>
                    ) : (
                      ''
                    )}
                    .
                  </p>
                )}
              </div>
            );
          })}
        </section>
      )}
      {full?.notes && (
        <section className="event-notes">
          <h3>Curator’s notes</h3>
          <p>{full.notes}</p>
        </section>
      )}
    </article>
  );
}

/** An actor or place of the event; pressing it adds it to (or removes it from) that facet's filter. */
function FilterShortcut({
  id,
  label,
  detail,
  chosen,
  onChange,
}: {
  id: string;
  label: string;
  detail: string;
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const active = chosen.includes(id);
  return (
    <li>
      <button
        type="button"
        className="chip"
        aria-pressed={active}
        title={active ? `Stop filtering by ${label}` : `Show only events with ${label}`}
        onClick={() => onChange(active ? chosen.filter((c) => c !== id) : [...chosen, id])}
      >
        {label}
        <span className="chip-role">
          <span className="visually-hidden">, </span>
          {detail}
        </span>
      </button>
    </li>
  );
}

function SourceLine({ source }: { source: SourceMeta }) {
  return (
    <p className="source-line">
      <cite>{source.title}</cite>
      <span>
        {source.publisher === 'unknown' || source.publisher === '' ? 'Publisher unknown' : source.publisher} ·{' '}
        {source.publishedAt ? formatDay(source.publishedAt) : 'publication date unknown'}
        {source.publishedAtBasis === 'inferred' && (
          <abbr title={source.publishedAtNote} className="inferred-mark">
            {' '}
            (date inferred)
          </abbr>
        )}
      </span>
    </p>
  );
}

function DisagreementView({ disagreement, index }: { disagreement: Disagreement; index: DatasetIndex }) {
  const shownSource = index.sourceById.get(disagreement.shown);
  return (
    <div className="disagreement">
      <p>{disagreement.summary}</p>
      <ul>
        {disagreement.versions.map((v, i) => {
          const source = index.sourceById.get(v.sourceId);
          return (
            <li key={i} className={v.sourceId === disagreement.shown ? 'is-shown' : undefined}>
              <strong>{v.claim}</strong>
              <span className="version-source"> — according to {source ? describeSource(source) : v.sourceId}</span>
              <blockquote className="excerpt">{v.quote}</blockquote>
            </li>
          );
        })}
      </ul>
      <p className="fact-note">
        Shown:{' '}
        {disagreement.shown === 'combined'
          ? 'an interval covering every version'
          : `the version of ${shownSource ? describeSource(shownSource) : disagreement.shown}`}
        . {disagreement.why}
      </p>
    </div>
  );
}

/** "the article of 28 September 2021 (Reuters)" or, with no publisher, "the article of 28 September 2021". */
function describeSource(source: SourceMeta): string {
  const publisher = source.publisher === 'unknown' ? '' : ` (${source.publisher})`;
  return source.publishedAt ? `the article of ${formatDay(source.publishedAt)}${publisher}` : `the article${publisher}`;
}

/**
 * A coded record (ACLED, a spreadsheet row): the coders' summary, said to be theirs and never shown as a quote;
 * the outlets they cite; and every field of the record the product has no column for, verbatim.
 */
function CodedRecordView({
  index,
  event,
  record,
}: {
  index: DatasetIndex;
  event: NewsEvent;
  record: NonNullable<NewsEvent['record']>;
}) {
  const source = index.sourceById.get(record.sourceId);
  const attributes = Object.entries(event.attributes);
  return (
    <section className="coded-record" aria-labelledby="coded-record-title">
      <h3 id="coded-record-title">Coded record</h3>
      <p className="source-line">
        <cite>{source?.title ?? record.sourceId}</cite>
        <span>
          Record {record.recordId}
          {source?.publisher ? ` · coded by ${source.publisher}` : ''}
        </span>
      </p>
      <p className="coders-summary-label">Summary written by the coders — not a quote of an article:</p>
      <p className="coders-summary">{event.summary}</p>
      <p className="fact-note">
        {record.outlets ? (
          <>
            Reported by: <span className="record-outlets">{record.outlets}</span>
          </>
        ) : (
          'The record names no outlet.'
        )}
      </p>
      {attributes.length > 0 && (
        <details className="record-fields">
          <summary>Other fields of the record ({attributes.length})</summary>
          <dl>
            {attributes.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value === '' ? '—' : value}</dd>
              </div>
            ))}
          </dl>
          <p className="fact-note">Read from {record.location}.</p>
        </details>
      )}
    </section>
  );
}

function groupBySource(evidence: readonly Evidence[]): Map<string, Evidence[]> {
  const groups = new Map<string, Evidence[]>();
  for (const span of evidence) {
    const group = groups.get(span.sourceId);
    if (group) group.push(span);
    else groups.set(span.sourceId, [span]);
  }
  return groups;
}
