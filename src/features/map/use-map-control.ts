import L from 'leaflet';
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';

/**
 * A Leaflet control whose content React renders (through a portal into the returned element). The element is made
 * once, so the portal target is stable; the control is added in an effect and removed in its cleanup. Clicks and
 * wheel turns inside it do not reach the map.
 */
export function useMapControl(position: L.ControlPosition, className: string): HTMLElement {
  const map = useMap();
  const [container] = useState(() => {
    const div = L.DomUtil.create('div', className);
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  });

  useEffect(
    function addControl() {
      const control = new L.Control({ position });
      control.onAdd = () => container;
      control.addTo(map);
      return () => {
        control.remove();
      };
    },
    [map, position, container],
  );

  return container;
}
