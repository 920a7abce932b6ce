/**
 * Tooltip and popup contents for a place, built as DOM nodes with `textContent`: event titles and place names
 * come from news text and are untrusted, so they never pass through an HTML string.
 */
import type { Place } from '../../domain/dataset-schema.ts';
import type { EventSummary } from '../../domain/event-table.ts';

/** What a place's card and popup list of an event. */
export type ListedEvent = Pick<EventSummary, 'id' | 'title'> & { date: Pick<EventSummary['date'], 'display'> };

const KIND_NOTES: Record<Place['kind'], string> = {
  country: 'Country: the event is somewhere in it',
  admin1: 'Province: location not exact',
  region: 'Region: location not exact',
  water: 'Sea or waters: location not exact',
  city: 'City',
  site: 'Site',
};

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function countText(count: number): string {
  return count === 1 ? '1 event' : `${count} events`;
}

/** Hover card: the place, what kind of place it is, and the first of its `total` events' titles ("+N more"). */
export function placeTooltipContent(place: Place, total: number, first: readonly ListedEvent[]): HTMLElement {
  const root = element('div', 'event-map-card');
  root.append(
    element('div', 'event-map-card__name', place.name),
    element('div', 'event-map-card__kind', `${KIND_NOTES[place.kind]} · ${countText(total)}`),
  );
  const list = element('ul', 'event-map-card__events');
  for (const event of first) list.append(element('li', '', event.title));
  root.append(list);
  const more = total - first.length;
  if (more > 0) root.append(element('div', 'event-map-card__more', `+${more.toLocaleString('en')} more`));
  return root;
}

/** How many event titles a hover card lists. */
export const TOOLTIP_MAX_EVENTS = 5;

/**
 * Popup for a place with several events: each event is a button (title and date) that selects it. The list
 * scrolls when long; buttons are ordinary focusable buttons, so the keyboard can walk them.
 */
export function placePopupContent(
  place: Place,
  total: number,
  first: readonly ListedEvent[],
  selectedEventId: string | null,
  onPick: (eventId: string) => void,
): HTMLElement {
  const root = element('div', 'event-map-popup');
  const heading = element('div', 'event-map-popup__heading', `${place.name}: ${countText(total)}`);
  heading.id = `event-map-popup-${place.id}`;
  const list = element('ul', 'event-map-popup__events');
  list.setAttribute('aria-labelledby', heading.id);
  // A country can hold tens of thousands of events: list the first ones, and say how to see the rest.
  for (const event of first.slice(0, POPUP_MAX_EVENTS)) {
    const button = element('button', 'event-map-popup__event');
    button.type = 'button';
    if (event.id === selectedEventId) button.setAttribute('aria-current', 'true');
    button.append(
      element('span', 'event-map-popup__title', event.title),
      element('span', 'event-map-popup__date', event.date.display),
    );
    button.addEventListener('click', () => onPick(event.id));
    const item = element('li', '');
    item.append(button);
    list.append(item);
  }
  root.append(heading, list);
  if (total > POPUP_MAX_EVENTS)
    root.append(
      element(
        'p',
        'event-map-popup__more',
        `+${(total - POPUP_MAX_EVENTS).toLocaleString('en')} more: filter by ${place.name} to list them all.`,
      ),
    );
  return root;
}

export const POPUP_MAX_EVENTS = 50;

/** The small number drawn on a mark (a cluster's may be compact: see clusterCountText). */
export function countLabel(count: number | string, className: string): HTMLElement {
  return element('span', className, String(count));
}

/** A cluster's label: exact below 10,000, then compact ("12.3K", "1.2M") so that it fits on the disc. */
export function clusterCountText(count: number): string {
  if (count < 10_000) return String(count);
  return new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(count);
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}

/** A place of a cluster, as its hover card names it. */
export interface ClusterPlace {
  name: string;
  count: number;
}

/** The lines of a cluster's hover card. */
export interface ClusterCardText {
  name: string;
  kind: string;
  places: string[];
  more: string | null;
}

/**
 * What a cluster's hover card says: how many places and events it groups, that a click zooms in, and its places
 * with the most events (`top`, most first), with how many of its places are not named.
 */
export function clusterCardText(placeCount: number, eventCount: number, top: readonly ClusterPlace[]): ClusterCardText {
  const unnamed = placeCount - top.length;
  return {
    name: `${plural(placeCount, 'place')} · ${plural(eventCount, 'event')}`,
    kind: 'Nearby places grouped — click to zoom in',
    places: top.map((place) => `${place.name} · ${plural(place.count, 'event')}`),
    more: unnamed > 0 ? `+${plural(unnamed, 'more place')}` : null,
  };
}

/** Hover card of a cluster: the card of a place, with the cluster's most eventful places in place of events. */
export function clusterTooltipContent(
  placeCount: number,
  eventCount: number,
  top: readonly ClusterPlace[],
): HTMLElement {
  const text = clusterCardText(placeCount, eventCount, top);
  const root = element('div', 'event-map-card event-map-card--cluster');
  root.append(element('div', 'event-map-card__name', text.name), element('div', 'event-map-card__kind', text.kind));
  const list = element('ul', 'event-map-card__events');
  for (const line of text.places) list.append(element('li', '', line));
  root.append(list);
  if (text.more !== null) root.append(element('div', 'event-map-card__more', text.more));
  return root;
}
