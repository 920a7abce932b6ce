import L from 'leaflet';

interface CanvasInternals {
  _ctx?: CanvasRenderingContext2D;
  _redraw: () => void;
}

/**
 * `L.canvas(options)`, safe to remove at any time. Leaflet 1.9.4 redraws synchronously on `moveend` and forgets
 * an animation-frame redraw already queued; if the renderer is removed in between (StrictMode's second mount,
 * unmount right after a fitBounds), that queued redraw runs on a destroyed canvas and throws on `clearRect`.
 */
export function createCanvasRenderer(options: L.RendererOptions): L.Canvas {
  const renderer = L.canvas(options);
  const internals = renderer as unknown as CanvasInternals;
  const redraw = internals._redraw;
  internals._redraw = function redrawIfAttached(this: CanvasInternals) {
    if (this._ctx) redraw.call(this);
  };
  return renderer;
}
