/**
 * The optional online basemap: OpenStreetMap's standard tiles, off by default (the app works offline). When tiles
 * fail to load, the layer is switched off again, the embedded basemap stays, and the control says why.
 */
import L from 'leaflet';
import { useEffect, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMap } from 'react-leaflet';
import { OSM_ATTRIBUTION, OSM_TILE_URL } from './online-tiles.ts';
import { useMapControl } from './use-map-control.ts';

export function OnlineTilesControl() {
  const map = useMap();
  const container = useMapControl('topright', 'leaflet-bar event-map-control event-map-tiles');
  const [enabled, setEnabled] = useState(false);
  const [failed, setFailed] = useState(false);
  const id = useId();

  useEffect(
    function showOnlineTiles() {
      if (!enabled) return;
      const layer = L.tileLayer(OSM_TILE_URL, { attribution: OSM_ATTRIBUTION, maxZoom: 19, noWrap: true });
      // A stray failed tile among loaded ones is not an outage; failing before any tile has loaded is.
      let loadedAny = false;
      const onTileLoad = () => {
        loadedAny = true;
      };
      const onTileError = () => {
        if (loadedAny) return;
        setFailed(true);
        setEnabled(false);
      };
      layer.on('tileload', onTileLoad);
      layer.on('tileerror', onTileError);
      layer.addTo(map);
      return () => {
        // Only our listener: Leaflet's attribution control listens for this layer's 'remove' to drop its credit.
        layer.off('tileload', onTileLoad);
        layer.off('tileerror', onTileError);
        layer.remove();
      };
    },
    [map, enabled],
  );

  return createPortal(
    <div className="event-map-tiles__body">
      <input
        id={id}
        type="checkbox"
        checked={enabled}
        onChange={(e) => {
          setEnabled(e.target.checked);
          if (e.target.checked) setFailed(false);
        }}
      />
      <label htmlFor={id}>Online map tiles (OpenStreetMap)</label>
      <p className="event-map-tiles__note" role="status">
        {failed ? 'Online tiles unavailable; showing the embedded map' : ''}
      </p>
    </div>,
    container,
  );
}
