/**
 * The one online resource the app may contact: OpenStreetMap's standard tiles, only while the user has switched
 * "Online map tiles" on. The Content-Security-Policy (src/app/content-security-policy.ts) allows exactly this
 * origin for images, so the two cannot drift apart.
 */
export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/** "https://tile.openstreetmap.org": where the tiles come from, as a CSP source. */
export const OSM_TILE_ORIGIN = new URL(OSM_TILE_URL).origin;
