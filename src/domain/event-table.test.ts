/**
 * A pack that is damaged, truncated or written by another tool with mistakes is refused with words that name the
 * file, the column and the row, never shown wrong. Each case changes one thing in a sound pack.
 */
import { tableFromArrays, tableFromIPC, tableToIPC, type Table } from '@uwdata/flechette';
import { describe, expect, it } from 'vitest';
import { PackError } from './arrow-columns.ts';
import { SCHEMA_VERSION } from './dataset-version.ts';
import { findManifestProblems, PACK_VERSION, type PackManifest } from './event-pack.ts';
import { closeOverAncestors, decodePack, type PackTables } from './event-table.ts';
import { packFromDataset } from './testing/index-from-dataset.ts';
import { makeDataset, makeEvent } from './testing/make-dataset.ts';

const dataset = makeDataset([
  makeEvent({ id: 'a', type: 'attack', placeIds: ['idlib'], actorIds: ['putin'] }),
  makeEvent({ id: 'b', type: 'meeting', placeIds: ['sochi'], actorIds: ['erdogan', 'putin'] }),
]);
const { files } = packFromDataset(dataset);
const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as PackManifest;
const tables = (): PackTables => ({
  events: tableFromIPC(files.get('events.arrow')!),
  actors: tableFromIPC(files.get('actors.arrow')!),
  places: tableFromIPC(files.get('places.arrow')!),
  sources: tableFromIPC(files.get('sources.arrow')!),
});

/** The same table with one column's values replaced (types as the writer infers them, or given). */
function withColumn(table: Table, name: string, values: unknown[], types: Record<string, unknown> = {}): Table {
  const columns = Object.fromEntries(table.schema.fields.map((f) => [f.name, table.getChild(f.name)!.toArray()]));
  const typesByName = Object.fromEntries(table.schema.fields.map((f) => [f.name, f.type]));
  return tableFromIPC(
    tableToIPC(
      tableFromArrays({ ...columns, [name]: values } as Record<string, unknown[]>, {
        types: { ...typesByName, ...types } as never,
      }),
      {
        format: 'file',
      },
    )!,
  );
}

const refusal = (change: Partial<PackTables>, m: PackManifest = manifest) => {
  try {
    decodePack(m, { ...tables(), ...change });
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    return (error as Error).message;
  }
  throw new Error('the pack was accepted');
};

describe('decodePack', () => {
  it('accepts the pack the build writes', () => {
    const pack = decodePack(manifest, tables());
    expect(pack.columns.size).toBe(dataset.events.length);
    expect(pack.places.map((p) => p.id)).toEqual(dataset.places.map((p) => p.id));
  });

  it('refuses row counts that differ from the manifest (a truncated or substituted table)', () => {
    const message = refusal({}, { ...manifest, counts: { ...manifest.counts, events: 3 } });
    expect(message).toMatch(/^events\.arrow: 2 rows, the manifest declares 3$/);
  });

  it('refuses a value outside the taxonomy, naming the column and row', () => {
    const events = withColumn(tables().events, 'type', ['attack', 'tea-party']);
    expect(refusal({ events })).toMatch(
      /events\.arrow: column "type", row 1: "tea-party" is not one of meeting, visit/,
    );
  });

  it('refuses a link to a place that does not exist', () => {
    const events = withColumn(tables().events, 'places', [[0], [99]]);
    expect(refusal({ events })).toMatch(/events\.arrow: column "places", row 1: reference 99 outside \[0, \d+\)/);
  });

  it('refuses an event that ends before it starts', () => {
    const t = tables().events;
    const events = withColumn(t, 'latest', [0, 0]);
    expect(refusal({ events })).toMatch(/events\.arrow: row 0: earliest is after latest/);
  });

  it('refuses a place hierarchy with a cycle', () => {
    const parents = dataset.places.map((_, row) => (row === 0 ? 1 : row === 1 ? 0 : null));
    const places = withColumn(tables().places, 'parent', parents);
    expect(refusal({ places })).toMatch(/places\.arrow: row 0: the parent places form a cycle/);
  });

  it('refuses a source address that is not http(s)', () => {
    const urls = dataset.sources.map(() => 'javascript:alert(1)');
    const sources = withColumn(tables().sources, 'url', urls);
    expect(refusal({ sources })).toMatch(/sources\.arrow: row 0: url is not an http\(s\) address/);
  });

  it('refuses a table that lacks a column', () => {
    const t = tables().events;
    const kept = t.schema.fields.filter((f) => f.name !== 'title');
    const columns = Object.fromEntries(kept.map((f) => [f.name, t.getChild(f.name)!.toArray()]));
    const types = Object.fromEntries(kept.map((f) => [f.name, f.type]));
    const events = tableFromIPC(
      tableToIPC(tableFromArrays(columns as Record<string, unknown[]>, { types: types as never }), { format: 'file' })!,
    );
    expect(refusal({ events })).toMatch(/events\.arrow: no column "title"/);
  });
});

describe('findManifestProblems', () => {
  it('accepts the manifest the build writes', () => expect(findManifestProblems(manifest, SCHEMA_VERSION)).toEqual([]));

  it('names each problem: versions, counts, file names that leave the pack folder, chunks that do not cover', () => {
    const broken = {
      ...manifest,
      packVersion: 9,
      schemaVersion: 'old',
      counts: { ...manifest.counts, sources: -1 },
      files: {
        ...manifest.files,
        events: { path: '../../etc/passwd', bytes: 1 },
        details: [{ ...manifest.files.details[0]!, rows: [0, 1] }],
      },
    };
    const problems = findManifestProblems(broken, SCHEMA_VERSION);
    expect(problems).toEqual(
      expect.arrayContaining([
        `packVersion: this app reads version ${PACK_VERSION}, the pack is 9`,
        `schemaVersion: this app reads version ${SCHEMA_VERSION}, the pack is "old"`,
        'counts.sources: expected a count',
        'files.events.path: expected a file name inside the pack folder',
        `files.details: the chunks cover 1 rows, the manifest declares ${dataset.events.length}`,
      ]),
    );
    expect(findManifestProblems('not a manifest', '1')).toEqual(['the manifest is not a JSON object']);
  });
});

describe('closeOverAncestors', () => {
  it('adds every ancestor once per event, however many of its places share them', () => {
    // Places: 0 Syria, 1 Idlib (in Syria), 2 Saraqib (in Idlib), 3 Sochi (no parent).
    const parent = Int32Array.of(-1, 0, 1, -1);
    const links = { offsets: Int32Array.of(0, 2, 3, 3), values: Int32Array.of(2, 1, 3) };
    const closure = closeOverAncestors(links, parent);
    const of = (row: number) => [...closure.values.subarray(closure.offsets[row], closure.offsets[row + 1])].sort();
    expect(of(0)).toEqual([0, 1, 2]);
    expect(of(1)).toEqual([3]);
    expect(of(2)).toEqual([]);
  });
});
