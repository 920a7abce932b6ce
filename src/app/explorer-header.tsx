import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import { MONTH_SHORT_LABELS, monthOf, yearOf } from '../domain/iso-day.ts';
import { datasetQueryKey } from '../queries/dataset-query.ts';
import type { DatasetChoice } from '../queries/dataset-registry-query.ts';
import type { ExplorerDataset } from './explorer.tsx';
import { OpenFileButton } from './open-file.tsx';
import { ShareButtons } from './share.tsx';
import { StoryPicker } from '../features/story/story-panel.tsx';

export function ExplorerHeader({
  index,
  dataset,
  visibleCount,
}: {
  index: DatasetIndex;
  dataset: ExplorerDataset;
  /** null while the count is not known yet (the search index is still being built). */
  visibleCount: number | null;
}) {
  const total = index.size;
  const local = dataset.current.local;
  return (
    <header className="explorer-header">
      <div className="brand">
        <h1>News Event Explorer</h1>
        <p className="dataset-line">
          <span className="dataset-title">{index.title}</span>
          {local && <span className="local-badge">Local file — not shareable</span>}
          <span className="dataset-stats">
            {sourcesLabel(index)} · events {dateSpanLabel(index.extent)} ·{' '}
            <strong aria-live="polite">{eventCountLabel(visibleCount, total)}</strong>
          </span>
        </p>
      </div>
      <div className="header-actions">
        <StoryPicker index={index} />
        <DatasetSwitcher index={index} dataset={dataset} />
        <OpenFileButton />
        <ShareButtons index={index} local={local} />
      </div>
    </header>
  );
}

/** "57 events", "12 of 57 events", or "searching 57 events…" while the count is not known yet. */
export function eventCountLabel(visibleCount: number | null, total: number): string {
  if (visibleCount === null) return `searching ${total.toLocaleString('en')} events…`;
  if (visibleCount === total) return `${total.toLocaleString('en')} events`;
  return `${visibleCount.toLocaleString('en')} of ${total.toLocaleString('en')} events`;
}

/** "5 articles", or "1,200 sources" when they are not all articles (coded records of an imported dataset). */
function sourcesLabel(index: DatasetIndex): string {
  const n = index.sources.length;
  const articles = index.sources.every((s) => s.kind === 'article');
  return `${n.toLocaleString('en')} ${articles ? (n === 1 ? 'article' : 'articles') : n === 1 ? 'source' : 'sources'}`;
}

const shortMonth = (day: string) => MONTH_SHORT_LABELS[monthOf(day) - 1] ?? '';

/** "2018–2021", "Mar–Sep 2023", "Mar 2023": the span of a dataset's dates, as short as it can be said. */
export function dateSpanLabel(extent: { earliest: string; latest: string } | null): string {
  if (!extent) return 'no dates';
  const [a, b] = [extent.earliest, extent.latest];
  if (yearOf(a) !== yearOf(b)) return `${yearOf(a)}–${yearOf(b)}`;
  if (a.slice(0, 7) === b.slice(0, 7)) return `${shortMonth(a)} ${yearOf(a)}`;
  return `${shortMonth(a)}–${shortMonth(b)} ${yearOf(a)}`;
}

function choiceLabel(choice: DatasetChoice, index: DatasetIndex | undefined): string {
  // A loaded dataset is described from its pack (a deployment without a list of datasets knows no more).
  const title = index?.title || choice.title;
  const events = index?.size ?? choice.events;
  const extent = index ? index.extent : choice.extent;
  const parts = [
    events === null ? null : `${events.toLocaleString('en')} ${events === 1 ? 'event' : 'events'}`,
    events === null || events === 0 ? null : dateSpanLabel(extent),
    choice.local ? 'local file' : null,
  ].filter(Boolean);
  return parts.length ? `${title} — ${parts.join(', ')}` : title;
}

/** A native select: every browser and screen reader knows it, and it lists title, size and dates of each. */
function DatasetSwitcher({ index, dataset }: { index: DatasetIndex; dataset: ExplorerDataset }) {
  const id = useId();
  const client = useQueryClient();
  if (dataset.choices.length < 2) return null;
  return (
    <div className="dataset-switcher">
      <label htmlFor={id}>Dataset</label>
      <select id={id} value={dataset.current.id} onChange={(e) => dataset.onSwitch(e.target.value)}>
        {dataset.choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choiceLabel(
              choice,
              choice.id === dataset.current.id ? index : client.getQueryData<DatasetIndex>(datasetQueryKey(choice.id)),
            )}
          </option>
        ))}
      </select>
    </div>
  );
}
