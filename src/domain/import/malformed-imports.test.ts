/**
 * Malformed imports, one table: every input path of the importers (ACLED exports, plain spreadsheets, GeoJSON; as
 * text, as bytes, as a Blob the browser opens) refuses bytes that are not UTF-8, control characters, values over
 * the dataset limits, unknown country codes and dates outside the years, each with file, line (or feature),
 * column and what was expected, and no dataset. See issue 9 ("Hardening") and README "Bad input is refused".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatImportProblem, importChunks, importSource, type ImportFormat } from './index.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../data/fixtures/import');
const FILE: Record<ImportFormat, string> = { acled: 'acled.csv', csv: 'events.csv', geojson: 'events.geojson' };
const encoder = new TextEncoder();

/* ------------------------------------------------------------------ inputs */

const acledText = readFileSync(path.join(FIXTURES, 'acled-2023.csv'), 'utf8').replace(/^\uFEFF/, '');
const [ACLED_HEADER, ACLED_ROW] = acledText.split('\r\n') as [string, string];
const ACLED_COLUMNS = ACLED_HEADER.split(',');
const ACLED_CELLS = Papa.parse<string[]>(ACLED_ROW).data[0]!;
/** An ACLED export of one row (the fixture's first, with changes), the row on line 2. */
function acled(changes: Record<string, string> = {}, header = ACLED_HEADER): string {
  const row = [...ACLED_CELLS];
  for (const [column, value] of Object.entries(changes)) {
    const i = ACLED_COLUMNS.indexOf(column);
    if (i < 0) throw new Error(`no column ${column}`);
    row[i] = value;
  }
  return `${header}\n${Papa.unparse([row])}\n`;
}

const PLAIN_COLUMNS = [
  'id', 'date', 'start', 'end', 'title', 'summary', 'type', 'actors', 'places', 'place', 'lat', 'lon',
  'country_code', 'source_url', 'source_title', 'publisher', 'published', 'excerpt', 'desk',
]; // prettier-ignore
const PLAIN_DEFAULTS: Record<string, string> = {
  id: 'ev-1',
  date: '2020-03-05',
  title: 'Talks in Sochi',
  place: 'Sochi',
  lat: '43.6',
  lon: '39.73',
};
/** A spreadsheet of one row (line 2): the defaults with changes. */
function plain(changes: Record<string, string> = {}, header = PLAIN_COLUMNS.join(',')): string {
  const row = PLAIN_COLUMNS.map((c) => changes[c] ?? PLAIN_DEFAULTS[c] ?? '');
  return `${header}\n${Papa.unparse([row])}\n`;
}

/** A FeatureCollection of one Point feature whose properties are a plain row's, with changes. */
function geojson(properties: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [39.73, 43.6] },
        properties: { id: 'ev-1', date: '2020-03-05', title: 'Talks in Sochi', place: 'Sochi', ...properties },
      },
    ],
  });
}

/** The text with `marker` replaced by raw bytes; and where those bytes are (offset, line, byte in the line). */
function withBytes(text: string, marker: string, bad: number[]) {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`no marker ${marker}`);
  const before = encoder.encode(text.slice(0, at));
  const after = encoder.encode(text.slice(at + marker.length));
  const bytes = new Uint8Array(before.length + bad.length + after.length);
  bytes.set(before);
  bytes.set(bad, before.length);
  bytes.set(after, before.length + bad.length);
  const line = text.slice(0, at).split('\n').length;
  const lineStart = encoder.encode(text.slice(0, text.lastIndexOf('\n', at - 1) + 1)).length;
  return { bytes, offset: before.length, line, byteInLine: before.length - lineStart + 1 };
}

const MARK = 'XBADX';
const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
const saveAs = (format: ImportFormat) =>
  format === 'geojson' ? 'save the file as UTF-8' : 'save the file as UTF-8 (in Excel: "CSV UTF-8")';

interface Case {
  name: string;
  format: ImportFormat;
  input: string | Uint8Array;
  /** A substring of the formatted problems: file, line or feature, column, and the expectation. */
  expected: string;
}
const cases: Case[] = [];

/* ------------------------------------------------------------------ bytes that are not UTF-8 */

const textsWithMarker: Record<ImportFormat, string> = {
  acled: acled({ location: `Ari${MARK}ha` }),
  csv: plain({ place: `Soc${MARK}hi` }),
  geojson: geojson({ place: `Soc${MARK}hi` }),
};
const BAD_BYTES: [string, number[]][] = [
  ['a Latin-1 é (Excel\'s plain "CSV" on Windows)', [0xe9]],
  ['a Windows-1252 curly quote', [0x93]],
  ['a continuation byte without a lead', [0x80]],
  ['an overlong encoding of "/"', [0xc0, 0xaf]],
  ['a UTF-16 surrogate encoded as UTF-8 (CESU-8)', [0xed, 0xa0, 0x80]],
  ['a lead byte beyond U+10FFFF', [0xf5, 0x80, 0x80, 0x80]],
  ['a three-byte sequence cut short by an ASCII letter', [0xe2, 0x82]],
];
for (const format of ['acled', 'csv', 'geojson'] as const) {
  for (const [name, bad] of BAD_BYTES) {
    const { bytes, offset, line, byteInLine } = withBytes(textsWithMarker[format], MARK, bad);
    cases.push({
      name: `${format}: ${name}`,
      format,
      input: bytes,
      expected: `${FILE[format]} line ${line} — expected UTF-8 text, but byte ${hex(bad[0]!)} at byte offset ${offset.toLocaleString('en-US')} (byte ${byteInLine} of line ${line}) is not UTF-8: ${saveAs(format)}`,
    });
  }
  const text = textsWithMarker[format].replace(MARK, '');
  const truncated = withBytes(`${text}${MARK}`, MARK, [0xf0, 0x9f, 0x98]);
  cases.push({
    name: `${format}: a four-byte character cut short by the end of the file`,
    format,
    input: truncated.bytes,
    expected: `byte 0xF0 at byte offset ${truncated.offset.toLocaleString('en-US')} (byte ${truncated.byteInLine} of line ${truncated.line}) is not UTF-8`,
  });
  cases.push({
    name: `${format}: UTF-16 with a byte-order mark (Excel's "Unicode text")`,
    format,
    input: new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le')),
    expected: `${FILE[format]} line 1 — expected UTF-8 text, but byte 0xFF at byte offset 0 (byte 1 of line 1) is not UTF-8 (it starts with a UTF-16 byte-order mark, as Excel's "Unicode text" writes it)`,
  });
  cases.push({
    name: `${format}: a gzip-compressed file`,
    format,
    input: new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb, 0x48]),
    expected: `${FILE[format]} line 1 — expected UTF-8 text, but byte 0x8B at byte offset 1 (byte 2 of line 1) is not UTF-8 (it is gzip-compressed: decompress it first)`,
  });
  cases.push({
    name: `${format}: an Excel workbook (a ZIP archive)`,
    format,
    input: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xa4]),
    expected:
      'is not UTF-8 (it is a ZIP archive or an Excel workbook: open it and save it as "CSV UTF-8", or unzip it first)',
  });
}
{
  const header = withBytes(acled({}, `${ACLED_HEADER},r${MARK}gion`), MARK, [0xe9]);
  cases.push({
    name: 'acled: a byte that is not UTF-8 in the header',
    format: 'acled',
    input: header.bytes,
    expected: `acled.csv line 1 — expected UTF-8 text, but byte 0xE9 at byte offset ${header.offset} (byte ${header.offset + 1} of line 1)`,
  });
  const later = withBytes(`${plain()}ev-2,2020-03-06,,,Caf${MARK} talks,,,,,Sochi,43.6,39.73\n`, MARK, [0xe9]);
  cases.push({
    name: 'csv: a byte that is not UTF-8 after a valid row, on line 3',
    format: 'csv',
    input: later.bytes,
    expected: `events.csv line 3 — expected UTF-8 text, but byte 0xE9 at byte offset ${later.offset} (byte ${later.byteInLine} of line 3)`,
  });
}

/* ------------------------------------------------------------------ control characters */

const controlExpected = (at: number, codePoint: string) =>
  `expected text without control characters (tab and line breaks are allowed): character ${at} is the control character ${codePoint}`;
const CONTROLS: [string, string][] = [
  ['\u0000', 'U+0000'],
  ['\u0007', 'U+0007'],
  ['\u0008', 'U+0008'],
  ['\u000b', 'U+000B'],
  ['\u000c', 'U+000C'],
  ['\u001b', 'U+001B'],
  ['\u007f', 'U+007F'],
  ['\u0085', 'U+0085'],
  ['\u009b', 'U+009B'],
];
for (const [char, codePoint] of CONTROLS) {
  cases.push({
    name: `csv: ${codePoint} in a title`,
    format: 'csv',
    input: plain({ title: `Talk${char}s` }),
    expected: `events.csv line 2, column "title" — ${controlExpected(5, codePoint)}`,
  });
}
cases.push(
  {
    name: 'csv: a NUL in an extra column',
    format: 'csv',
    input: plain({ desk: 'ab\u0000' }),
    expected: `events.csv line 2, column "desk" — ${controlExpected(3, 'U+0000')}`,
  },
  {
    name: 'csv: an escape in a multi-line summary names the line the row starts on',
    format: 'csv',
    input: `${plain()}ev-2,2020-03-06,,,T,"one\ntwo\u001b[31m",,,,Sochi,43.6,39.73\n`,
    expected: `events.csv line 3, column "summary" — ${controlExpected(8, 'U+001B')}`,
  },
  {
    name: 'csv: a control character in a column name',
    format: 'csv',
    input: plain({}, `${PLAIN_COLUMNS.join(',')}\u0001`),
    expected: `events.csv line 1, column "number 19" — expected a column name: text without control characters (tab and line breaks are allowed): character 5 is the control character U+0001`,
  },
  {
    name: 'csv: a NUL in a value of a column beyond the header',
    format: 'csv',
    input: `title,date\nTalks,2020-03-05,x\u0000\n`,
    expected: `events.csv line 2, column "number 3" — ${controlExpected(2, 'U+0000')}`,
  },
  {
    name: 'acled: a NUL in notes',
    format: 'acled',
    input: acled({ notes: 'On 27\u0000 February' }),
    expected: `acled.csv line 2, column "notes" — ${controlExpected(6, 'U+0000')}`,
  },
  {
    name: 'acled: a BEL in actor1',
    format: 'acled',
    input: acled({ actor1: '\u0007Military' }),
    expected: `acled.csv line 2, column "actor1" — ${controlExpected(1, 'U+0007')}`,
  },
  {
    name: 'acled: a C1 character in location',
    format: 'acled',
    input: acled({ location: 'Ari\u0090ha' }),
    expected: `acled.csv line 2, column "location" — ${controlExpected(4, 'U+0090')}`,
  },
  {
    name: 'acled: a DEL in tags (an attribute)',
    format: 'acled',
    input: acled({ tags: 'crowd size=\u007f' }),
    expected: `acled.csv line 2, column "tags" — ${controlExpected(12, 'U+007F')}`,
  },
  {
    name: 'acled: a control character in a column name',
    format: 'acled',
    input: acled({}, ACLED_HEADER.replace('region', 're\u0002gion')),
    expected: `acled.csv line 1, column "number ${ACLED_COLUMNS.indexOf('region') + 1}" — expected a column name: text without control characters`,
  },
  {
    name: 'geojson: a NUL written as a JSON escape in a title',
    format: 'geojson',
    input: geojson({ title: 'Talks\u0000' }),
    expected: `events.geojson, features[0].properties.title — ${controlExpected(6, 'U+0000')}`,
  },
  {
    name: 'geojson: a raw C1 character (which JSON allows) in a summary',
    format: 'geojson',
    input: geojson({ summary: 'A\u0085B' }),
    expected: `events.geojson, features[0].properties.summary — ${controlExpected(2, 'U+0085')}`,
  },
  {
    name: 'geojson: an escape in a list of actors',
    format: 'geojson',
    input: geojson({ actors: ['Russia', 'Tur\u001bkey'] }),
    expected: `events.geojson, features[0].properties.actors — ${controlExpected(12, 'U+001B')}`,
  },
  {
    name: 'geojson: a control character in a property name',
    format: 'geojson',
    input: geojson({ 'de\u0007sk': 'x' }),
    expected: `events.geojson, features[0].properties."de\\u0007sk" — expected a property name: text without control characters`,
  },
  {
    name: 'geojson: half a surrogate pair in a title',
    format: 'geojson',
    input:
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[39.7,43.6]},"properties":{"date":"2020-03-05","title":"Talks \\ud83d"}}]}',
    expected: `events.geojson, features[0].properties.title — expected whole characters: character 7 is half a UTF-16 surrogate pair (U+D83D)`,
  },
);

/* ------------------------------------------------------------------ the dataset limits */

const limit = (what: string, max: string, has: number) =>
  `expected ${what} of at most ${max} characters (the dataset limit); this one has ${has.toLocaleString('en-US')}`;
const longUrl = `https://example.org/${'a'.repeat(1981)}`;
cases.push(
  {
    name: 'csv: an id of 101 characters',
    format: 'csv',
    input: plain({ id: 'e'.repeat(101) }),
    expected: `events.csv line 2, column "id" — ${limit('an id', '100', 101)}`,
  },
  {
    name: 'csv: a title of 301 characters',
    format: 'csv',
    input: plain({ title: 't'.repeat(301) }),
    expected: `events.csv line 2, column "title" — ${limit('a title', '300', 301)}`,
  },
  {
    name: 'csv: a summary of 5,001 characters',
    format: 'csv',
    input: plain({ summary: 's'.repeat(5001) }),
    expected: `events.csv line 2, column "summary" — ${limit('a summary', '5,000', 5001)}`,
  },
  {
    name: 'csv: a place name of 201 characters',
    format: 'csv',
    input: plain({ place: 'p'.repeat(201) }),
    expected: `events.csv line 2, column "place" — ${limit('a name', '200', 201)}`,
  },
  {
    name: 'csv: one actor name of 201 characters among short ones',
    format: 'csv',
    input: plain({ actors: `Russia; ${'a'.repeat(201)}; Turkey` }),
    expected: `events.csv line 2, column "actors" — expected names (";"-separated) of at most 200 characters each (the dataset limit); one has 201`,
  },
  {
    name: 'csv: one place name of 250 characters in places',
    format: 'csv',
    input: plain({ places: `Idlib; ${'b'.repeat(250)}` }),
    expected: `events.csv line 2, column "places" — expected names (";"-separated) of at most 200 characters each (the dataset limit); one has 250`,
  },
  {
    name: 'csv: a source_url of 2,001 characters',
    format: 'csv',
    input: plain({ source_url: longUrl }),
    expected: `events.csv line 2, column "source_url" — ${limit('a web address', '2,000', 2001)}`,
  },
  {
    name: 'csv: a source_title of 301 characters',
    format: 'csv',
    input: plain({ source_title: 'h'.repeat(301) }),
    expected: `events.csv line 2, column "source_title" — ${limit('a title', '300', 301)}`,
  },
  {
    name: 'csv: a publisher of 201 characters',
    format: 'csv',
    input: plain({ publisher: 'n'.repeat(201) }),
    expected: `events.csv line 2, column "publisher" — ${limit('a name', '200', 201)}`,
  },
  {
    name: 'csv: an excerpt of 5,001 characters',
    format: 'csv',
    input: plain({ excerpt: 'q'.repeat(5001), source_url: 'https://example.org/a' }),
    expected: `events.csv line 2, column "excerpt" — ${limit('an excerpt', '5,000', 5001)}`,
  },
  {
    name: 'csv: an extra column of 100,001 characters',
    format: 'csv',
    input: plain({ desk: 'd'.repeat(100_001) }),
    expected: `events.csv line 2, column "desk" — expected values of at most 100,000 characters; column "desk" has 100,001`,
  },
  {
    name: 'csv: a column name of 201 characters',
    format: 'csv',
    input: plain({}, `${PLAIN_COLUMNS.join(',')}${'x'.repeat(197)}`),
    expected: `events.csv line 1, column "number 19" — expected a column name: a name of at most 200 characters (the dataset limit); this one has 201`,
  },
  {
    name: 'acled: an event_id_cnty of 101 characters',
    format: 'acled',
    input: acled({ event_id_cnty: `SYR${'1'.repeat(98)}` }),
    expected: `acled.csv line 2, column "event_id_cnty" — ${limit('an id', '100', 101)}`,
  },
  {
    name: 'acled: notes of 5,001 characters',
    format: 'acled',
    input: acled({ notes: 'n'.repeat(5001) }),
    expected: `acled.csv line 2, column "notes" — ${limit('a summary', '5,000', 5001)}`,
  },
  {
    name: 'acled: an actor1 of 201 characters',
    format: 'acled',
    input: acled({ actor1: 'a'.repeat(201) }),
    expected: `acled.csv line 2, column "actor1" — ${limit('a name', '200', 201)}`,
  },
  {
    name: 'acled: an actor2 of 300 characters',
    format: 'acled',
    input: acled({ actor2: 'a'.repeat(300) }),
    expected: `acled.csv line 2, column "actor2" — ${limit('a name', '200', 300)}`,
  },
  {
    name: 'acled: an associated actor of 201 characters',
    format: 'acled',
    input: acled({ assoc_actor_1: `Wagner Group; ${'a'.repeat(201)}` }),
    expected: `acled.csv line 2, column "assoc_actor_1" — expected names (";"-separated) of at most 200 characters each (the dataset limit); one has 201`,
  },
  {
    name: 'acled: a location of 201 characters',
    format: 'acled',
    input: acled({ location: 'l'.repeat(201) }),
    expected: `acled.csv line 2, column "location" — ${limit('a name', '200', 201)}`,
  },
  {
    name: 'acled: an admin2 of 201 characters',
    format: 'acled',
    input: acled({ admin2: 'r'.repeat(201) }),
    expected: `acled.csv line 2, column "admin2" — ${limit('a name', '200', 201)}`,
  },
  {
    name: 'acled: a country of 201 characters',
    format: 'acled',
    input: acled({ country: 'c'.repeat(201) }),
    expected: `acled.csv line 2, column "country" — ${limit('a name', '200', 201)}`,
  },
  {
    name: 'acled: a cell of 100,001 characters',
    format: 'acled',
    input: acled({ tags: 't'.repeat(100_001) }),
    expected: `acled.csv line 2, column "tags" — expected values of at most 100,000 characters; column "tags" has 100,001`,
  },
  {
    name: 'geojson: a title of 301 characters',
    format: 'geojson',
    input: geojson({ title: 't'.repeat(301) }),
    expected: `events.geojson, features[0].properties.title — ${limit('a title', '300', 301)}`,
  },
  {
    name: 'geojson: a summary of 6,000 characters',
    format: 'geojson',
    input: geojson({ summary: 's'.repeat(6000) }),
    expected: `events.geojson, features[0].properties.summary — ${limit('a summary', '5,000', 6000)}`,
  },
  {
    name: 'geojson: an actor of 201 characters in a list',
    format: 'geojson',
    input: geojson({ actors: ['Russia', 'a'.repeat(201)] }),
    expected: `events.geojson, features[0].properties.actors — expected names (";"-separated) of at most 200 characters each (the dataset limit); one has 201`,
  },
  {
    name: 'geojson: a property of 100,001 characters',
    format: 'geojson',
    input: geojson({ desk: 'd'.repeat(100_001) }),
    expected: `events.geojson, features[0].properties.desk — expected values of at most 100,000 characters; this one has 100,001`,
  },
  {
    name: 'geojson: a property name of 201 characters',
    format: 'geojson',
    input: geojson({ ['k'.repeat(201)]: 'x' }),
    expected: `expected a property name: a name of at most 200 characters (the dataset limit); this one has 201`,
  },
);

/* ------------------------------------------------------------------ country codes */

const KNOWN_CODE = 'a known ISO 3166-1 alpha-2 country code such as "SY" (XK for Kosovo), or nothing';
for (const code of ['ZZ', 'XX', 'AA', 'uk'])
  cases.push({
    name: `csv: the unknown country code ${code}`,
    format: 'csv',
    input: plain({ country_code: code }),
    expected: `events.csv line 2, column "country_code": "${code}" — expected ${KNOWN_CODE}`,
  });
cases.push(
  {
    name: 'geojson: the unknown country code QQ',
    format: 'geojson',
    input: geojson({ country_code: 'QQ' }),
    expected: `events.geojson, features[0].properties.country_code: "QQ" — expected ${KNOWN_CODE}`,
  },
  {
    name: 'csv: a three-letter country code',
    format: 'csv',
    input: plain({ country_code: 'SYR' }),
    expected: `events.csv line 2, column "country_code": "SYR" — expected an ISO 3166-1 alpha-2 country code such as "SY", or nothing`,
  },
);
for (const iso of ['999', '1', 'SYR'])
  cases.push({
    name: `acled: the iso ${iso}, no country's numeric code`,
    format: 'acled',
    input: acled({ iso }),
    expected: `acled.csv line 2, column "iso": "${iso}" — expected an ISO 3166-1 numeric country code such as 760 (Syria), as ACLED writes it`,
  });

/* ------------------------------------------------------------------ the years */

const YEARS = 'expected a date in the years 1000–2100';
cases.push(
  ...(
    [
      ['0999-12-31', 'date', '0999-12-31'],
      ['2101-01-01', 'date', '2101-01-01'],
      ['0202', 'date', 'a year'],
      ['March 2999', 'date', 'a month'],
    ] as const
  ).map(([value, column, what]) => ({
    name: `csv: ${what === value ? 'the day' : what} ${value}, outside 1000–2100`,
    format: 'csv' as const,
    input: plain({ [column]: value }),
    expected: `events.csv line 2, column "${column}": "${value}" — ${YEARS}`,
  })),
  {
    name: 'csv: a start outside the years',
    format: 'csv',
    input: plain({ date: '', start: '0900-01-01', end: '2020-01-01' }),
    expected: `events.csv line 2, column "start": "0900-01-01" — ${YEARS}`,
  },
  {
    name: 'csv: an end outside the years',
    format: 'csv',
    input: plain({ date: '', start: '2020-01-01', end: '2200-01-01' }),
    expected: `events.csv line 2, column "end": "2200-01-01" — ${YEARS}`,
  },
  {
    name: 'csv: a publication day outside the years',
    format: 'csv',
    input: plain({ published: '0100-01-01' }),
    expected: `events.csv line 2, column "published": "0100-01-01" — ${YEARS}`,
  },
  {
    name: 'acled: an event_date in 0999',
    format: 'acled',
    input: acled({ event_date: '0999-03-05' }),
    expected: `acled.csv line 2, column "event_date": "0999-03-05" — ${YEARS}`,
  },
  {
    name: 'acled: an event_date in 2999, in words',
    format: 'acled',
    input: acled({ event_date: '05 March 2999' }),
    expected: `acled.csv line 2, column "event_date": "05 March 2999" — ${YEARS}`,
  },
  {
    name: 'acled: a week (time_precision 2) reaching into 0999',
    format: 'acled',
    input: acled({ event_date: '1000-01-02', time_precision: '2' }),
    expected: `acled.csv line 2, column "event_date": "1000-01-02" — ${YEARS}`,
  },
  {
    name: 'geojson: a date in 2101',
    format: 'geojson',
    input: geojson({ date: '2101-06-01' }),
    expected: `events.geojson, features[0].properties.date: "2101-06-01" — ${YEARS}`,
  },
);

/* ------------------------------------------------------------------ the table */

describe('malformed imports are refused whole, precisely', () => {
  it('has at least 60 cases, across the three formats', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.format))).toEqual(new Set(['acled', 'csv', 'geojson']));
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases)('$name', async ({ format, input, expected }) => {
    const result = await importSource(input, { format, fileName: FILE[format], datasetId: 'test' });
    const messages = result.problems.map(formatImportProblem);
    expect(messages.join('\n')).toContain(expected);
    expect(result.dataset).toBeNull();
    expect(result.eventsImported).toBe(0);
    expect(messages.join('\n')).not.toMatch(/\n\s+at |Error:/); // no stack trace, no exception's name
  });
});

describe('skipInvalid', () => {
  it('skips a row with a control character, a value over a limit, an unknown code or year; keeps the rest', async () => {
    const text = [
      plain().trimEnd(),
      'ev-2,2020-03-06,,,Bad\u0000,,,,,Sochi,43.6,39.73',
      `ev-3,2020-03-06,,,${'t'.repeat(301)},,,,,Sochi,43.6,39.73`,
      'ev-4,2020-03-06,,,Bad,,,,,Sochi,43.6,39.73,ZZ',
      'ev-5,2999-03-06,,,Bad,,,,,Sochi,43.6,39.73',
      '',
    ].join('\n');
    const result = await importSource(text, {
      format: 'csv',
      fileName: 'events.csv',
      datasetId: 'test',
      skipInvalid: true,
    });
    expect(result.dataset?.events.map((e) => e.id)).toEqual(['ev-1']);
    expect(result.skipped).toBe(4);
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'title'],
      [4, 'title'],
      [5, 'country_code'],
      [6, 'date'],
    ]);
  });

  it('still refuses a file that is not UTF-8, whole', async () => {
    const { bytes } = withBytes(plain({ place: `Soc${MARK}hi` }), MARK, [0xe9]);
    const result = await importSource(bytes, {
      format: 'csv',
      fileName: 'events.csv',
      datasetId: 'test',
      skipInvalid: true,
    });
    expect(result.dataset).toBeNull();
    expect(result.problems).toHaveLength(1);
  });

  it('reads other years when the import declares them', async () => {
    const result = await importSource(plain({ date: '0999-12-31' }), {
      format: 'csv',
      fileName: 'events.csv',
      datasetId: 'test',
      years: { from: 900, to: 2100 },
    });
    expect(result.dataset?.events[0]!.date.earliest).toBe('0999-12-31');
  });
});

describe('the browser path: a Blob (a File) read as a stream of chunks', () => {
  const text = plain({ title: 'Erdoğan and Putin meet in Sochi 😀', place: 'Şanlıurfa' });
  const bytes = encoder.encode(text);

  it('joins characters split between chunks, at every cut inside the row', async () => {
    const rowStart = text.indexOf('\n') + 1;
    for (let cut = rowStart; cut <= bytes.length; cut++) {
      const result = await importChunks([bytes.subarray(0, cut), bytes.subarray(cut)], {
        format: 'csv',
        fileName: 'events.csv',
        datasetId: 'test',
      });
      expect(result.problems).toEqual([]);
      expect(result.dataset?.events[0]!.title).toBe('Erdoğan and Putin meet in Sochi 😀');
      expect(result.dataset?.places[0]!.name).toBe('Şanlıurfa');
    }
  });

  it('reads a Blob made of parts split inside characters, byte-order mark included', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    const at = withBom.indexOf(0xf0) + 2; // inside the four bytes of 😀
    const result = await importSource(new Blob([withBom.subarray(0, at), withBom.subarray(at)]), {
      format: 'csv',
      fileName: 'events.csv',
      datasetId: 'test',
    });
    expect(result.dataset?.events[0]!.title).toBe('Erdoğan and Putin meet in Sochi 😀');
  });

  it('refuses a Blob holding a byte that is not UTF-8, with its offset and line', async () => {
    const { bytes: bad, offset } = withBytes(text.replace('Sochi 😀', `Sochi ${MARK}`), MARK, [0xe9]);
    for (const format of ['csv', 'geojson'] as const) {
      const result = await importSource(new Blob([bad]), { format, fileName: FILE[format], datasetId: 'test' });
      expect(result.dataset).toBeNull();
      expect(result.problems.map(formatImportProblem)).toEqual([
        expect.stringContaining(`${FILE[format]} line 2 — expected UTF-8 text, but byte 0xE9 at byte offset ${offset}`),
      ]);
    }
  });
});
