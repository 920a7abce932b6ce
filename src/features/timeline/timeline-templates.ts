/**
 * What vis-timeline draws for each item, built as DOM (never HTML strings: titles are untrusted), and the shapes of
 * the items it hands back: an event, a density bar, or one of vis's own clusters. Split from the controller, which
 * passes these to vis as its `template`, `tooltip.template` and `cluster.clusterCriteria`.
 */
import moment from 'moment';
import { bucketBreakdown, type BucketTimelineItem } from './timeline-buckets.ts';
import type { EventTimelineItem } from './timeline-items.ts';

/** Parse and format every date in UTC, so axis labels and item positions never shift with the user's time zone. */
export function utcMoment(input?: moment.MomentInput): moment.Moment {
  return moment(input).utc();
}

export function isBucket(item: unknown): item is BucketTimelineItem {
  return typeof item === 'object' && item !== null && (item as { kind?: unknown }).kind === 'bucket';
}

/** Item content: the title as a text node (titles are untrusted), a cluster's count, or a density bar's count. */
export function renderItemContent(item: unknown): HTMLElement {
  const element = document.createElement('span');
  if (isClusterData(item)) {
    element.className = 'tl-cluster-count';
    element.textContent = String(item.uiItems.length);
  } else if (isBucket(item)) {
    element.className = 'tl-bucket-content';
    // The bar itself is the item's background; this holds the count above it, and the full description for
    // assistive technology (the visible count alone says nothing about the period).
    const count = document.createElement('span');
    // The class names the count's length, for the container query that shows it only where it fits.
    count.className = `tl-bucket-count tl-chars-${Math.min(item.content.length, 7)}`;
    count.setAttribute('aria-hidden', 'true');
    count.textContent = item.content;
    const description = document.createElement('span');
    description.className = 'tl-visually-hidden';
    description.textContent = item.description;
    element.append(count, description);
  } else {
    element.className = 'tl-title';
    element.textContent = (item as EventTimelineItem | null)?.content ?? '';
  }
  return element;
}

/** Tooltip: title, date as the sources give it, type (and modality when it did not simply occur), as text. */
export function renderTooltip(item: unknown): HTMLElement {
  const root = document.createElement('div');
  root.className = 'tl-tooltip';
  const line = (className: string, text: string) => {
    const element = document.createElement('div');
    element.className = className;
    element.textContent = text;
    root.appendChild(element);
  };
  if (isClusterData(item)) {
    line('tl-tooltip-title', `${item.uiItems.length} events`);
    line('tl-tooltip-meta', 'Click to zoom in');
  } else if (isBucket(item)) {
    line('tl-tooltip-title', item.description);
    line('tl-tooltip-meta', bucketBreakdown(item.bucket));
    line('tl-tooltip-meta', 'Click to zoom in');
  } else if (item) {
    const event = item as EventTimelineItem;
    line('tl-tooltip-title', event.content);
    line('tl-tooltip-date', event.dateLabel);
    line('tl-tooltip-meta', event.modalityLabel ? `${event.typeLabel} · ${event.modalityLabel}` : event.typeLabel);
  }
  return root;
}

export interface ClusterData {
  isCluster: true;
  uiItems: unknown[];
  min?: number;
  max?: number;
}

export function isClusterData(item: unknown): item is ClusterData {
  return typeof item === 'object' && item !== null && (item as { isCluster?: unknown }).isCluster === true;
}

export function bothClusterable(a: unknown, b: unknown): boolean {
  return (
    (a as Partial<EventTimelineItem>).clusterable !== false && (b as Partial<EventTimelineItem>).clusterable !== false
  );
}
