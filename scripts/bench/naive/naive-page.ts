/**
 * The naive baseline of `npm run bench`: what a first version of the explorer would do with the same two
 * libraries. It fetches data/dataset.json, creates one vis-timeline item per event and one Leaflet circle marker
 * (L.circleMarker on Leaflet's default renderer, SVG: one DOM node per mark) per event × place, each with a popup.
 * No virtualised list, no density bars, no canvas, no worker, no basemap.
 *
 * It emits the Performance entries the harness reads: mark `naive:ready` (data fetched, every item and marker
 * created and painted); measures `naive:filter` (rebuild for one type, to the paint after it), `naive:unfilter`
 * (back to all events) and `naive:select` (select and focus an item, open its marker's popup, to the paint).
 *
 * Served as plain JavaScript: bench.ts strips the types with TypeScript's transpileModule (type imports vanish).
 */
import type * as Leaflet from 'leaflet';
import type { DataItem, Timeline } from 'vis-timeline';
import type { DataSet } from 'vis-data';
import type { Dataset, NewsEvent } from '../../../src/domain/dataset-schema.ts';

/** The UMD globals of leaflet.js and vis-timeline-graph2d.min.js, loaded by index.html before this module. */
declare const L: typeof Leaflet;
declare const vis: { Timeline: typeof Timeline; DataSet: typeof DataSet };

declare global {
  interface Window {
    /** Selects the event in the middle of the dataset; the harness calls it and waits for `naive:select`. */
    naiveSelect?: () => void;
  }
}

const MS_PER_DAY = 86_400_000;

/**
 * Resolves after the next paint, as the app measures it (src/state/interaction-timing.ts): a frame callback runs
 * before the paint, and a message posted from it is delivered after that frame has been painted.
 */
function nextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
}

function dayStart(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}

function timelineItem(event: NewsEvent, row: number): DataItem {
  const single = event.date.earliest === event.date.latest;
  return {
    id: row,
    content: event.title,
    start: dayStart(event.date.earliest),
    // Inclusive days: a range ends at the start of the day after its last day.
    ...(single
      ? { type: 'point' }
      : { type: 'range', end: new Date(dayStart(event.date.latest).getTime() + MS_PER_DAY) }),
  };
}

async function main(): Promise<void> {
  const status = document.getElementById('status')!;
  const typeFilter = document.getElementById('type-filter') as HTMLSelectElement;
  const response = await fetch('../data/dataset.json');
  if (!response.ok) throw new Error(`data/dataset.json: HTTP ${response.status}`);
  const dataset = (await response.json()) as Dataset;
  const placeById = new Map(dataset.places.map((p) => [p.id, p]));

  const map = L.map('map').setView([36, 38], 4);
  const markerLayer = L.layerGroup().addTo(map);
  const markersByRow = new Map<number, Leaflet.CircleMarker[]>();
  const addMarkers = (rows: readonly number[]) => {
    for (const row of rows) {
      const event = dataset.events[row]!;
      const markers: Leaflet.CircleMarker[] = [];
      for (const link of event.places) {
        const place = placeById.get(link.placeId);
        if (!place) continue;
        const marker = L.circleMarker([place.lat, place.lon], { radius: 5, weight: 1 });
        // A function, so the title reaches the DOM as text (a string popup would be HTML).
        marker.bindPopup(() => {
          const content = document.createElement('div');
          content.textContent = event.title;
          return content;
        });
        markers.push(marker);
        markerLayer.addLayer(marker);
      }
      markersByRow.set(row, markers);
    }
  };

  const items = new vis.DataSet<DataItem>();
  const timeline = new vis.Timeline(document.getElementById('timeline')!, items, { height: '380px', stack: true });
  const allRows = dataset.events.map((_, row) => row);
  /** Replaces everything shown; returns how long each library took, synchronously (layout and paint come after). */
  const show = (rows: readonly number[]) => {
    const t0 = performance.now();
    items.clear();
    items.add(rows.map((row) => timelineItem(dataset.events[row]!, row)));
    timeline.fit({ animation: false });
    const t1 = performance.now();
    markerLayer.clearLayers();
    markersByRow.clear();
    addMarkers(rows);
    const t2 = performance.now();
    return { rows: rows.length, timelineMs: t1 - t0, mapMs: t2 - t1 };
  };
  const loaded = show(allRows);
  await nextPaint();
  performance.mark('naive:ready', { detail: loaded });
  status.textContent = `${dataset.events.length} events`;

  // Types by frequency, so that the harness's "first type" is the most common one (the app's facet order too).
  const typeCounts = new Map<string, number>();
  for (const event of dataset.events) typeCounts.set(event.type, (typeCounts.get(event.type) ?? 0) + 1);
  for (const [value, label] of [
    ['', 'All'],
    ...[...typeCounts].sort((a, b) => b[1] - a[1]).map(([type, count]) => [type, `${type} (${count})`]),
  ])
    typeFilter.add(new Option(label, value));
  typeFilter.disabled = false;
  typeFilter.addEventListener('change', () => {
    performance.mark('naive:filter:start');
    const type = typeFilter.value;
    const detail = show(type ? allRows.filter((row) => dataset.events[row]!.type === type) : allRows);
    void nextPaint().then(() =>
      performance.measure(type ? 'naive:filter' : 'naive:unfilter', { start: 'naive:filter:start', detail }),
    );
  });

  window.naiveSelect = () => {
    performance.mark('naive:select:start');
    const row = Math.floor(dataset.events.length / 2);
    timeline.setSelection(row);
    timeline.focus(row, { animation: false });
    markersByRow.get(row)?.[0]?.openPopup();
    void nextPaint().then(() => performance.measure('naive:select', 'naive:select:start'));
  };
}

main().catch((error: unknown) => {
  document.getElementById('status')!.textContent = `failed: ${String(error)}`;
  throw error;
});
