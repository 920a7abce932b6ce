/**
 * The Content-Security-Policy of the built app, written into index.html as a <meta http-equiv> by the Vite plugin in
 * vite.config.ts (build only: the dev server serves CSS as inline <style> elements, which it forbids).
 *
 * Everything is the app's own origin: no inline scripts, no eval, no inline <style> elements (the app sets styles
 * through the CSSOM, which CSP does not govern). Images may also be `data:` URLs (Leaflet's control icons, the
 * favicon) and the OpenStreetMap tile server, which a static policy must allow up front although the app contacts
 * it only while the user has switched online tiles on. Workers are module workers from the app's own files; the
 * exports are blob: downloads through <a download>, a navigation CSP does not restrict. A <meta> policy cannot set
 * frame-ancestors, report-uri or sandbox: a server that wants them must send the policy as a header.
 */
import { OSM_TILE_ORIGIN } from '../features/map/online-tiles.ts';

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', OSM_TILE_ORIGIN],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The policy as one header value: "default-src 'self'; script-src 'self'; …". */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
