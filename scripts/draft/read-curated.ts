/** Reads the curated records of a data/ folder (without validating them: the build does that). */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { ActorRecord, EventRecord, PlaceRecord, SourceRecord } from '../../src/domain/dataset-schema.ts';
import type { CuratedData } from './draft.ts';

export async function readCurated(dir: string): Promise<CuratedData> {
  const read = async <T>(file: string) => (parse(await readFile(path.join(dir, file), 'utf8')) ?? []) as T[];
  const eventFiles = (await readdir(path.join(dir, 'events'))).filter((n) => /\.ya?ml$/.test(n)).sort();
  const events: CuratedData['events'] = [];
  for (const file of eventFiles)
    for (const record of await read<EventRecord>(path.join('events', file)))
      events.push({ file, record: { ...record, actors: record.actors ?? [], places: record.places ?? [] } });
  return {
    sources: await read<SourceRecord>('sources/sources.yaml'),
    places: (await read<PlaceRecord>('places.yaml')).map((p) => ({ ...p, aliases: p.aliases ?? [] })),
    actors: (await read<ActorRecord>('actors.yaml')).map((a) => ({ ...a, aliases: a.aliases ?? [] })),
    events,
  };
}
