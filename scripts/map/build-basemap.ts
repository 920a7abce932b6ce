/**
 * `npm run basemap` writes src/features/map/countries-110m.repaired.json: world-atlas's 1:110m countries with the
 * antimeridian repaired, packed for the page. Run it after upgrading world-atlas or changing the repair; the unit
 * test repair-basemap.test.ts fails while the committed file is stale.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import { buildWorldBasemap, packWorldBasemap } from '../../src/features/map/repair-basemap.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REPAIRED_BASEMAP = path.join(root, 'src', 'features', 'map', 'countries-110m.repaired.json');

/** The file's exact text, as this code produces it from the installed world-atlas. */
export async function repairedBasemapText(): Promise<string> {
  const topologyFile = path.join(root, 'node_modules', 'world-atlas', 'countries-110m.json');
  const topology = JSON.parse(await readFile(topologyFile, 'utf8')) as Topology;
  return `${JSON.stringify(packWorldBasemap(buildWorldBasemap(topology)))}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await repairedBasemapText();
  // Whole or not at all: written beside, then renamed over the old file.
  await writeFile(`${REPAIRED_BASEMAP}.tmp`, text);
  await rename(`${REPAIRED_BASEMAP}.tmp`, REPAIRED_BASEMAP);
  console.log(`wrote ${path.relative(root, REPAIRED_BASEMAP)} (${text.length.toLocaleString('en')} bytes)`);
}
