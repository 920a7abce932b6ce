import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DatasetSchema, findDatasetInconsistencies, type Dataset, type NewsEvent } from '../dataset-schema.ts';
import { applyFilter, type EventFilter } from '../event-filter.ts';
import { indexFromDataset } from '../testing/index-from-dataset.ts';
import { acledInterval, acledTitle, productType } from './acled.ts';
import { formatImportProblem, importSource, type ImportOptions, type ImportResult } from './index.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../data/fixtures/import');
const readFixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
/** The fixture's rows as a spreadsheet program reads them (header names as written, BOM dropped). */
const rowsOf = (name: string) =>
  Papa.parse<Record<string, string>>(readFixture(name).replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  }).data;
/** The physical line (1-based) on which the row whose text starts with `prefix` begins. */
const lineOf = (name: string, prefix: string) =>
  readFixture(name)
    .split(/\r\n|\n|\r/)
    .findIndex((line) => line.startsWith(prefix)) + 1;

const options = (fileName: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  format: 'acled',
  fileName,
  datasetId: 'test',
  ...extra,
});
const importFixture = (name: string, extra: Partial<ImportOptions> = {}) =>
  importSource(readFixture(name), options(name, extra));

function expectValid(dataset: Dataset | null): asserts dataset is Dataset {
  expect(dataset).not.toBeNull();
  const checked = DatasetSchema.safeParse(dataset);
  expect(checked.success ? [] : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  expect(findDatasetInconsistencies(dataset!)).toEqual([]);
}

const byRecord = (dataset: Dataset, recordId: string): NewsEvent => {
  const event = dataset.events.find((e) => e.record?.recordId === recordId);
  if (!event) throw new Error(`no event of record ${recordId}`);
  return event;
};

describe('ACLED import: the 2023 layout (acled-2023.csv)', async () => {
  const rows = rowsOf('acled-2023.csv');
  const distinctIds = new Set(rows.map((r) => r.event_id_cnty));
  const result: ImportResult = await importFixture('acled-2023.csv');
  const dataset = result.dataset!;

  it('produces a dataset that passes the schema and its cross-record checks', () => {
    expectValid(result.dataset);
    expect(result.problems).toEqual([]);
  });

  it('reads every row, despite the BOM, CRLF, multi-line notes and the trailing blank line', () => {
    expect(result.rowsRead).toBe(rows.length);
    expect(result.eventsImported).toBe(distinctIds.size);
    expect(dataset.events.map((e) => e.record!.recordId)).toEqual([...distinctIds]);
  });

  it('drops the identical duplicate row with a warning naming both lines', () => {
    const duplicated = rows.find((r, i) => rows.findIndex((o) => o.event_id_cnty === r.event_id_cnty) !== i)!;
    const id = duplicated.event_id_cnty!;
    const lines = readFixture('acled-2023.csv')
      .split(/\r\n|\n|\r/)
      .flatMap((line, i) => (line.startsWith(`${id},`) ? [i + 1] : []));
    expect(lines).toHaveLength(2);
    expect(result.warnings).toContainEqual(
      expect.stringContaining(`${id} on line ${lines[1]} repeats line ${lines[0]}`),
    );
  });

  it('gives each record its physical line: multi-line quoted notes and CRLF counted, the BOM not', () => {
    for (const row of rows) {
      const event = byRecord(dataset, row.event_id_cnty!);
      expect(event.record!.location).toBe(`acled-2023.csv, line ${lineOf('acled-2023.csv', `${row.event_id_cnty},`)}`);
    }
  });

  it('keeps ACLED ids, notes as the summary, the outlets and fatalities, with one coded-record source', () => {
    expect(dataset.sources).toHaveLength(1);
    const source = dataset.sources[0]!;
    expect(source).toMatchObject({ kind: 'coded-record', text: '', url: 'https://acleddata.com/' });
    expect(source.publisher).toContain('ACLED');
    expect(source.title).toBe('ACLED export acled-2023.csv');
    for (const row of rows) {
      const event = byRecord(dataset, row.event_id_cnty!);
      expect(event.id).toBe(row.event_id_cnty!.toLowerCase());
      expect(event.summary).toBe(row.notes);
      expect(event.evidence).toEqual([]);
      expect(event.record).toMatchObject({ sourceId: source.id, outlets: row.source || null });
      expect(event.sourceIds).toEqual([source.id]);
      expect(event.fatalities).toBe(row.fatalities === '' ? null : Number(row.fatalities));
      expect(event.classification).toEqual({ scheme: 'ACLED', type: row.event_type, subType: row.sub_event_type });
    }
  });

  it('keeps every unmapped column verbatim in attributes', () => {
    for (const row of rows) {
      const event = byRecord(dataset, row.event_id_cnty!);
      for (const column of [
        'disorder_type',
        'inter1',
        'inter2',
        'interaction',
        'civilian_targeting',
        'iso',
        'region',
        'admin1',
        'year',
        'source_scale',
        'tags',
        'timestamp',
        'time_precision',
        'geo_precision',
      ])
        expect(event.attributes[column]).toBe(row[column] || undefined);
      for (const mapped of ['notes', 'event_id_cnty', 'latitude', 'source', 'actor1'])
        expect(event.attributes).not.toHaveProperty(mapped);
    }
  });

  it('turns time_precision into honest intervals: the day, the seven days around the coded day, the month', () => {
    for (const row of rows) {
      const { date } = byRecord(dataset, row.event_id_cnty!);
      const day = row.event_date!;
      if (row.time_precision === '1')
        expect(date).toMatchObject({ earliest: day, latest: day, precision: 'day', note: null });
      if (row.time_precision === '2') {
        expect(date.precision).toBe('week');
        expect(date.earliest < day && day < date.latest).toBe(true);
        expect(date.note).toContain('time_precision 2');
      }
      if (row.time_precision === '3') {
        expect(date).toMatchObject({ earliest: `${day.slice(0, 7)}-01`, precision: 'month' });
        expect(date.latest.slice(0, 7)).toBe(day.slice(0, 7));
        expect(date.display).toMatch(/^[A-Z][a-z]+ \d{4}$/);
      }
      expect(date.anchor).toBeNull();
    }
    expect(new Set(rows.map((r) => r.time_precision))).toEqual(new Set(['1', '2', '3']));
  });

  it('maps geo_precision to the place link precision (1 exact, 2 near, 3 region), role area', () => {
    const expected: Record<string, string> = { '1': 'exact', '2': 'near', '3': 'region' };
    for (const row of rows) {
      const event = byRecord(dataset, row.event_id_cnty!);
      expect(event.places).toHaveLength(1);
      expect(event.places[0]).toMatchObject({ role: 'area', precision: expected[row.geo_precision!] });
      const place = dataset.places.find((p) => p.id === event.places[0]!.placeId)!;
      expect(place).toMatchObject({
        name: row.location,
        lat: Number(row.latitude),
        lon: Number(row.longitude),
        kind: 'city',
      });
    }
  });

  it('builds the place hierarchy country → admin1 → admin2 → admin3 → location, with country codes', () => {
    const byId = new Map(dataset.places.map((p) => [p.id, p]));
    for (const row of rows) {
      const event = byRecord(dataset, row.event_id_cnty!);
      const chain: string[] = [];
      for (
        let place = byId.get(event.places[0]!.placeId);
        place;
        place = place.parentId ? byId.get(place.parentId) : undefined
      )
        chain.unshift(place.name);
      // Levels named like the level above are folded into it; the rest are all there, in order.
      const expected = [row.country, row.admin1, row.admin2, row.admin3].filter(
        (name, i, all) => name && name.toLowerCase() !== all[i - 1]?.toLowerCase(),
      );
      expect(chain).toEqual([...expected, row.location]);
      const country = byId.get(event.places[0]!.placeId)!.countryCode;
      expect(country).toBe(row.iso === '760' ? 'SY' : 'TR');
    }
    const syria = dataset.places.find((p) => p.name === 'Syria')!;
    expect(syria.kind).toBe('country');
    const idleb = dataset.places.find((p) => p.name === 'Idleb' && p.kind === 'admin1')!;
    expect(idleb.parentId).toBe(syria.id);
    // An area's point is the mean of its events' points.
    const idlebRows = rows.filter(
      (r, i) => r.admin1 === 'Idleb' && rows.findIndex((o) => o.event_id_cnty === r.event_id_cnty) === i,
    );
    const mean = idlebRows.reduce((sum, r) => sum + Number(r.latitude), 0) / idlebRows.length;
    expect(idleb.lat).toBeCloseTo(mean, 4);
  });

  it('lets a filter on a country include the events of its admin areas and locations', () => {
    const index = indexFromDataset(dataset);
    const none: EventFilter = { actor: [], place: [], type: [], from: null, to: null, q: '' };
    const ids = (place: string) =>
      Array.from(applyFilter(index, { ...none, place: [place] }, null).rows, (row) => index.summary(row).id).sort();
    const syria = dataset.places.find((p) => p.name === 'Syria')!.id;
    const idleb = dataset.places.find((p) => p.name === 'Idleb' && p.kind === 'admin1')!.id;
    const expectedSyria = [
      ...new Set(rows.filter((r) => r.country === 'Syria').map((r) => r.event_id_cnty!.toLowerCase())),
    ].sort();
    const expectedIdleb = [
      ...new Set(rows.filter((r) => r.admin1 === 'Idleb').map((r) => r.event_id_cnty!.toLowerCase())),
    ].sort();
    expect(ids(syria)).toEqual(expectedSyria);
    expect(ids(idleb)).toEqual(expectedIdleb);
    expect(expectedIdleb.length).toBeLessThan(expectedSyria.length);
  });

  it('keeps accented names and gives them readable ids', () => {
    expect(dataset.places.find((p) => p.name === 'Şanlıurfa' && p.kind === 'admin1')?.id).toBe('sanliurfa');
    expect(dataset.places.find((p) => p.name === "Ma'arrat al-Nu'man")?.id).toBe('maarrat-al-numan');
  });

  it('makes one actor per distinct name, its kind from inter1/inter2, roles by event type', () => {
    const names = new Set(
      rows.flatMap((r) =>
        [r.actor1, r.actor2, ...`${r.assoc_actor_1};${r.assoc_actor_2}`.split(';')]
          .map((n) => n!.trim())
          .filter(Boolean),
      ),
    );
    expect(new Set(dataset.actors.map((a) => a.name))).toEqual(names);
    expect(new Set(dataset.actors.map((a) => a.id)).size).toBe(dataset.actors.length);
    const actor = (name: string) => dataset.actors.find((a) => a.name === name)!;
    expect(actor('Military Forces of Syria (2000-)').kind).toBe('armed-forces');
    expect(actor('Hayat Tahrir al Sham').kind).toBe('armed-group');
    expect(actor('Protesters (Turkey)').kind).toBe('group');
    // ACLED codes a state's forces abroad as "External/Other forces": they are still armed forces.
    expect(actor('Military Forces of Turkey (2016-)').kind).toBe('armed-forces');
    expect(actor('Military Forces of Russia (2000-)').kind).toBe('armed-forces');
    expect(actor('Turkistan Islamic Party').kind).toBe('armed-group');
    const roles = (recordId: string) =>
      Object.fromEntries(
        byRecord(dataset, recordId).actors.map((l) => [dataset.actors.find((a) => a.id === l.actorId)!.name, l.role]),
      );
    for (const row of rows) {
      const r = roles(row.event_id_cnty!);
      if (row.event_type === 'Battles') expect(new Set(Object.values(r))).toEqual(new Set(['participant']));
      if (row.event_type === 'Explosions/Remote violence' || row.event_type === 'Violence against civilians') {
        expect(r[row.actor1!]).toBe('attacker');
        if (row.actor2) expect(r[row.actor2]).toBe('target');
      }
      if (row.event_type === 'Protests') {
        expect(r[row.actor1!]).toBe('participant');
        for (const name of row
          .assoc_actor_1!.split(';')
          .map((n) => n.trim())
          .filter(Boolean))
          expect(r[name]).toBe('organiser');
      }
      if (row.sub_event_type === 'Agreement') expect(new Set(Object.values(r))).toEqual(new Set(['signatory']));
    }
    // An empty actor2 is simply no second actor.
    const oneSided = rows.find((r) => r.actor2 === '' && r.assoc_actor_1 === '')!;
    expect(byRecord(dataset, oneSided.event_id_cnty!).actors).toHaveLength(1);
  });

  it('maps ACLED types to the product types and titles events from sub-type, actors and location', () => {
    for (const row of rows) {
      const event = byRecord(dataset, row.event_id_cnty!);
      expect(event.type).toBe(productType(row.event_type!, row.sub_event_type!));
      expect(event.title).toBe(
        acledTitle(row.event_type!, row.sub_event_type!, row.actor1!, row.actor2!, row.location!),
      );
      expect(event.title).toContain(row.location);
    }
  });

  it('dates the coded-record source by the latest timestamp of its records', () => {
    const latest = Math.max(...rows.map((r) => Number(r.timestamp)));
    expect(dataset.sources[0]!.publishedAt).toBe(new Date(latest * 1000).toISOString().slice(0, 10));
    expect(dataset.sources[0]!.publishedAtBasis).toBe('inferred');
  });

  it('is deterministic: the same file gives the same dataset', async () => {
    expect(JSON.stringify((await importFixture('acled-2023.csv')).dataset)).toBe(JSON.stringify(dataset));
  });
});

describe('ACLED import: the layout before 2023 (acled-legacy.csv)', async () => {
  const rows = rowsOf('acled-legacy.csv');
  const result = await importFixture('acled-legacy.csv');

  it('reads upper-case headers, "05 March 2020" dates and numeric inter codes', () => {
    expectValid(result.dataset);
    const dataset = result.dataset;
    expect(result.eventsImported).toBe(rows.length);
    const kinds: Record<string, string> = {
      '1': 'armed-forces',
      '2': 'armed-group',
      '3': 'armed-group',
      '6': 'group',
      '7': 'group',
    };
    for (const row of rows) {
      const event = byRecord(dataset, row.event_id_cnty!);
      expect(event.date.earliest.slice(0, 4)).toBe(row.year);
      const actor = dataset.actors.find((a) => a.name === row.actor1)!;
      if (row.inter1 !== '8') expect(actor.kind).toBe(kinds[row.inter1!]);
      expect(event.attributes).toMatchObject({
        data_id: row.data_id,
        event_id_no_cnty: row.event_id_no_cnty,
        iso3: row.iso3,
        interaction: row.interaction,
      });
      expect(event.attributes).not.toHaveProperty('disorder_type');
    }
    expect(dataset.description).toContain('before March 2023');
  });

  it('reads the same events as the 2023 layout', async () => {
    const current = (await importFixture('acled-2023.csv')).dataset!;
    for (const row of rows) {
      const old = byRecord(result.dataset!, row.event_id_cnty!);
      const now = byRecord(current, row.event_id_cnty!.replace('SYR7', 'SYR9').replace('TUR2', 'TUR3'));
      expect(old.date).toEqual(now.date);
      expect(old.title).toBe(now.title);
      expect(old.type).toBe(now.type);
    }
  });
});

describe('ACLED import: bad input (acled-invalid.csv)', async () => {
  const text = readFixture('acled-invalid.csv');
  const lines = text.split('\n');
  const lineWith = (value: string) => lines.findIndex((l) => l.includes(value)) + 1;
  const refused = await importFixture('acled-invalid.csv');

  it('refuses the file by default, listing every refused row', () => {
    expect(refused.dataset).toBeNull();
    expect(refused.rowsRefused).toBe(5);
    expect(refused.problems.map((p) => [p.line, p.column, p.value])).toEqual([
      [lineWith('31 Febuary 2020'), 'event_date', '31 Febuary 2020'],
      [lineWith(',123,'), 'latitude', '123'],
      [lineWith('2020,4,'), 'time_precision', '4'],
      [lineWith('SYR90001,2020-02-28'), 'event_id_cnty', 'SYR90001'],
      [lineWith('05/03/2020'), 'event_date', '05/03/2020'],
    ]);
  });

  it('names the file, line, column, value and what was expected in every message', () => {
    expect(formatImportProblem(refused.problems[0]!)).toBe(
      `acled-invalid.csv line ${lineWith('31 Febuary 2020')}, column "event_date": "31 Febuary 2020" — expected a day such as "05 March 2020" or "2020-03-05"`,
    );
    for (const p of refused.problems) {
      expect(p.file).toBe('acled-invalid.csv');
      expect(p.expected.length).toBeGreaterThan(10);
      expect(formatImportProblem(p)).toContain(`line ${p.line}, column "${p.column}": "${p.value}" — expected `);
    }
    expect(refused.problems[3]!.expected).toContain(`first on line ${lineWith('SYR90001,2020-02-27')}`);
    expect(refused.problems[4]!.expected).toContain('the order of day and month is not known');
  });

  it('imports the rest with skipInvalid and counts what it skipped', async () => {
    const result = await importFixture('acled-invalid.csv', { skipInvalid: true });
    expectValid(result.dataset);
    expect(result.skipped).toBe(5);
    expect(result.eventsImported).toBe(result.rowsRead - 5);
    expect(result.problems).toHaveLength(5);
    expect(result.dataset.events.map((e) => e.record!.recordId)).toEqual(['SYR90001', 'SYR90008']);
  });

  it('refuses a file without the required columns, even with skipInvalid', async () => {
    const result = await importSource(
      'event_id_cnty,event_date\nSYR1,2020-03-05\n',
      options('x.csv', { skipInvalid: true }),
    );
    expect(result.dataset).toBeNull();
    expect(result.problems.map((p) => p.column)).toEqual([
      'event_type',
      'sub_event_type',
      'actor1',
      'country',
      'location',
      'latitude',
      'longitude',
    ]);
    expect(result.problems[0]).toMatchObject({ line: 1, value: null });
  });

  it('reports a row with an unclosed quote, and rows whose values do not match the header', async () => {
    const header = readFixture('acled-2023.csv')
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!;
    const result = await importSource(`${header}\nSYR1,2020-03-05,"unclosed\n`, options('q.csv'));
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 2, column: null, expected: expect.stringContaining('closing double quote') }),
    ]);
    const short = await importSource(`${header}\nSYR1,2020-03-05\n`, options('s.csv'));
    expect(short.problems[0]).toMatchObject({ line: 2, column: null, expected: expect.stringContaining('31 values') });
  });

  it('caps the listed problems and counts the rest', async () => {
    const header = readFixture('acled-2023.csv')
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!;
    const row = readFixture('acled-2023.csv').split('\r\n')[1]!;
    const bad = Array.from({ length: 1200 }, (_, i) => row.replace(/^SYR90001,2020-02-27/, `SYR${i},1 Smarch 2020`));
    const seen: number[] = [];
    const result = await importSource(`${header}\n${bad.join('\n')}\n`, options('many.csv'), undefined, {
      onProblem: (p) => seen.push(p.line!),
    });
    expect(result.problems).toHaveLength(1000);
    expect(result.moreProblems).toBe(200);
    expect(seen).toHaveLength(1200);
    expect(seen.at(-1)).toBe(1201);
  });
});

describe('ACLED mappings', () => {
  it('maps every documented type and sub-type', () => {
    expect(productType('Battles', 'Armed clash')).toBe('clash');
    expect(productType('Explosions/Remote violence', 'Air/drone strike')).toBe('attack');
    expect(productType('Violence against civilians', 'Attack')).toBe('attack');
    expect(productType('Protests', 'Peaceful protest')).toBe('protest');
    expect(productType('Riots', 'Violent demonstration')).toBe('protest');
    expect(productType('Riots', 'Mob violence')).toBe('attack');
    expect(productType('Strategic developments', 'Agreement')).toBe('agreement');
    expect(productType('Strategic developments', 'Headquarters or base established')).toBe('deployment');
    expect(productType('Strategic developments', 'Non-violent transfer of territory')).toBe('deployment');
    expect(productType('Strategic developments', 'Looting/property destruction')).toBe('attack');
    expect(productType('Strategic developments', 'Disrupted weapons use')).toBe('attack');
    expect(productType('Strategic developments', 'Arrests')).toBe('other');
    expect(productType('Strategic Developments', 'Other')).toBe('other');
    expect(productType('Cyber operations', 'Hack')).toBeNull();
  });

  it('writes titles from the sub-type, the actors and the location', () => {
    expect(
      acledTitle(
        'Explosions/Remote violence',
        'Shelling/artillery/missile attack',
        'Military Forces of Syria (2000-)',
        '',
        'Kafr Nabl',
      ),
    ).toBe('Shelling/artillery/missile attack by Military Forces of Syria (2000-) in Kafr Nabl');
    expect(acledTitle('Battles', 'Armed clash', 'A', 'B', 'X')).toBe('Armed clash between A and B in X');
    expect(acledTitle('Strategic developments', 'Other', 'A', '', 'X')).toBe('Strategic developments by A in X');
  });

  it('widens time_precision 2 to the week around the coded day and 3 to its month', () => {
    expect(acledInterval('2020-03-04', 1)).toEqual({ earliest: '2020-03-04', latest: '2020-03-04', precision: 'day' });
    expect(acledInterval('2020-03-04', 2)).toEqual({ earliest: '2020-03-01', latest: '2020-03-07', precision: 'week' });
    expect(acledInterval('2020-02-15', 3)).toEqual({
      earliest: '2020-02-01',
      latest: '2020-02-29',
      precision: 'month',
    });
  });

  it('treats an unknown event type as "other" with a warning, keeping ACLED\'s type', async () => {
    const text = readFixture('acled-2023.csv').replace(
      'Explosions/Remote violence,Shelling',
      'Cyber operations,Shelling',
    );
    const result = await importSource(text, options('x.csv'));
    expectValid(result.dataset);
    expect(result.dataset.events[0]).toMatchObject({ type: 'other', classification: { type: 'Cyber operations' } });
    expect(result.warnings).toContainEqual(expect.stringContaining('"Cyber operations"'));
  });
});
