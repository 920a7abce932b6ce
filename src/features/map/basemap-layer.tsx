/**
 * The embedded offline basemap: light land on the pale sea of the map container, thin borders, in its own pane
 * below everything else. Drawn on a canvas and never interactive.
 */
import L from 'leaflet';
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import { createCanvasRenderer } from './canvas-renderer.ts';
import { ensurePane, PANES } from './map-panes.ts';
import { BASEMAP_ATTRIBUTION, loadWorldBasemap, loadedWorldBasemap, type WorldBasemap } from './world-basemap.ts';

const LAND_STYLE: L.PathOptions = {
  stroke: true,
  color: '#a9a59a',
  weight: 0.7,
  opacity: 1,
  fill: true,
  fillColor: '#e8e6df',
  fillOpacity: 1,
  interactive: false,
};

/** The basemap once loaded (null until then, or if it failed: the map then shows the sea and the marks only). */
export function useWorldBasemap(): WorldBasemap | null {
  const [world, setWorld] = useState<WorldBasemap | null>(loadedWorldBasemap);
  useEffect(function loadBasemapOnce() {
    if (loadedWorldBasemap()) return;
    let active = true;
    loadWorldBasemap().then(
      (loaded) => {
        if (active) setWorld(loaded);
      },
      (error: unknown) => console.error('The embedded basemap could not be loaded', error),
    );
    return () => {
      active = false;
    };
  }, []);
  return world;
}

export function BasemapLayer({ world }: { world: WorldBasemap | null }) {
  const map = useMap();

  useEffect(
    function addBasemapLayer() {
      if (!world) return;
      ensurePane(map, 'basemap');
      const renderer = createCanvasRenderer({ pane: PANES.basemap.name, padding: 0.5 });
      const group = L.layerGroup([], { pane: PANES.basemap.name, attribution: BASEMAP_ATTRIBUTION });
      for (const country of world.countries)
        group.addLayer(L.polygon(country.polygons, { ...LAND_STYLE, renderer, pane: PANES.basemap.name }));
      group.addTo(map);
      return () => {
        group.remove();
        renderer.remove();
      };
    },
    [map, world],
  );

  return null;
}
