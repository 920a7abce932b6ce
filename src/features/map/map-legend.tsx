/**
 * The key to the map's own encodings (exact point vs. area, routes, the roles of a selected event's places).
 * Type colours have their own, global legend. A <details> element: compact, and opens with the keyboard.
 */
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { ROLE_STYLES, ROUTE_STYLE } from './map-styles.ts';
import { useMapControl } from './use-map-control.ts';

const INK = '#1f2937';

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg className="event-map-legend__swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true">
      {children}
    </svg>
  );
}

function RoleSwatch({ role }: { role: keyof typeof ROLE_STYLES }) {
  const style = ROLE_STYLES[role];
  if (style.areaOnly)
    return (
      <Swatch>
        <rect
          x="3"
          y="3"
          width="22"
          height="12"
          rx="2"
          fill="#6b7280"
          fillOpacity="0.2"
          stroke={INK}
          strokeWidth="2"
          strokeDasharray="4 3"
        />
      </Swatch>
    );
  return (
    <Swatch>
      <circle
        cx="14"
        cy="9"
        r="4"
        fill={style.hollow ? '#ffffff' : '#6b7280'}
        stroke={style.hollow ? INK : '#ffffff'}
        strokeWidth={style.hollow ? 2 : 1}
      />
      {style.ring && (
        <circle
          cx="14"
          cy="9"
          r="7"
          fill="none"
          stroke={style.ring.color}
          strokeWidth={Math.min(3, style.ring.weight)}
        />
      )}
    </Swatch>
  );
}

export function MapLegend() {
  const container = useMapControl('bottomleft', 'event-map-control event-map-legend');
  return createPortal(
    <details>
      <summary>Map key</summary>
      <ul>
        <li>
          <Swatch>
            <circle cx="14" cy="9" r="5" fill="#6b7280" stroke="#ffffff" />
          </Swatch>
          exact place (number: events there)
        </li>
        <li>
          <Swatch>
            <circle cx="14" cy="9" r="8" fill="#6b7280" fillOpacity="0.3" stroke="#6b7280" />
            <circle cx="14" cy="9" r="5" fill="#6b7280" stroke="#ffffff" />
          </Swatch>
          nearby places grouped (number: their events; click to zoom in)
        </li>
        <li>
          <Swatch>
            <rect
              x="3"
              y="3"
              width="22"
              height="12"
              rx="2"
              fill="#6b7280"
              fillOpacity="0.15"
              stroke="#6b7280"
              strokeDasharray="3 3"
            />
          </Swatch>
          dashed outline: country or region (location not exact)
        </li>
        <li>
          <Swatch>
            <path d="M2 13 Q 12 2 22 9" fill="none" stroke={ROUTE_STYLE.color} strokeWidth="2" strokeDasharray="4 3" />
            <path d="M20 5 L 26 10 L 19 12 Z" fill={ROUTE_STYLE.color} />
          </Swatch>
          route of a visit
        </li>
      </ul>
      <p className="event-map-legend__heading">Selected event: its places by role</p>
      <ul className="event-map-legend__roles">
        {(Object.keys(ROLE_STYLES) as (keyof typeof ROLE_STYLES)[]).map((role) => (
          <li key={role}>
            <RoleSwatch role={role} />
            {ROLE_STYLES[role].label}
          </li>
        ))}
      </ul>
    </details>,
    container,
  );
}
