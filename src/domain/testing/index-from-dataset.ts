/**
 * Tests run the real path: a dataset is encoded as its pack, decoded and indexed exactly as the app does after
 * fetching it, so what the views and the engine see in tests is what they see in the browser.
 */
import { tableFromIPC } from '@uwdata/flechette';
import { indexDataset, type DatasetIndex } from '../dataset-index.ts';
import type { Dataset } from '../dataset-schema.ts';
import type { PackManifest } from '../event-pack.ts';
import { decodePack, type LoadedPack } from '../event-table.ts';
import { encodePack } from '../pack-encoder.ts';

export function packFromDataset(dataset: Dataset): { pack: LoadedPack; files: Map<string, Uint8Array> } {
  const files = new Map(encodePack(dataset).map((f) => [f.path, f.bytes]));
  const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')!)) as PackManifest;
  const table = (path: string) => tableFromIPC(files.get(path)!);
  const pack = decodePack(manifest, {
    events: table(manifest.files.events.path),
    actors: table(manifest.files.actors.path),
    places: table(manifest.files.places.path),
    sources: table(manifest.files.sources.path),
  });
  return { pack, files };
}

export function indexFromDataset(dataset: Dataset): DatasetIndex {
  return indexDataset(packFromDataset(dataset).pack);
}
