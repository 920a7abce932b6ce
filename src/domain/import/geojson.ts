/**
 * GeoJSON: a FeatureCollection of Point features whose properties are the plain spreadsheet's columns (date or
 * start/end, and title, are required). Other geometries are refused per feature, naming the feature's index.
 */
import type { ImportHooks } from './builder.ts';
import { PlainEvents, isExtraColumn, resolveColumns, type PlainColumn } from './plain.ts';
import {
  MAX_VALUE_CHARS,
  controlCharacterProblem,
  hashRow,
  lengthProblem,
  loneSurrogateProblem,
  normaliseColumnName,
} from './rows.ts';
import type { ImportOptions, ImportProblem, ImportResult } from './types.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A property value as the spreadsheet reader takes it: text; numbers as written; lists of names joined with ";". */
function propertyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('; ');
  return JSON.stringify(value);
}

/**
 * A coordinate as decimal text the spreadsheet reader parses: String(1e-7) is "1e-7", which it refuses as
 * unusual, though a point a few centimetres off the equator or the prime meridian is a valid one.
 */
function coordinateText(x: number): string {
  const text = String(x);
  return Number.isFinite(x) && /e/i.test(text) && Math.abs(x) < 1 ? x.toFixed(20).replace(/0+$/, '') : text;
}

export function importGeoJsonText(text: string, options: ImportOptions, hooks: ImportHooks = {}): ImportResult {
  const events = new PlainEvents(options, hooks, 'GeoJSON file');
  const b = events.b;
  const file = options.fileName;
  const refuseFile = (expected: string, value: string | null = null) => {
    b.problems.add({ file, line: null, column: null, value, expected });
    return events.finish(`Events from ${file}`, true);
  };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // A CSV given as geojson: say so rather than quote JSON.parse's "Unexpected token 'e'".
    const firstLine =
      text
        .replace(/^\uFEFF/, '')
        .trimStart()
        .split(/\r\n|\n|\r/, 1)[0] ?? '';
    const csv = !/^[{[]/.test(firstLine) && /[,;\t]/.test(firstLine);
    const acled = csv && /\bevent_id_cnty\b/i.test(firstLine);
    return refuseFile(
      csv
        ? `a JSON document (this looks like a CSV file: import it as ${acled ? 'acled' : 'csv'})`
        : `a JSON document (${error instanceof Error ? error.message : 'it does not parse'})`,
    );
  }
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features))
    return refuseFile(
      'a GeoJSON FeatureCollection: { "type": "FeatureCollection", "features": [ … ] }',
      isObject(json) ? String(json.type) : null,
    );

  json.features.forEach((feature: unknown, i: number) => {
    const at = `features[${i}]`;
    const fail = (column: string, value: string | null, expected: string) => {
      b.rowsRead++;
      b.refuseRow([{ file, line: null, column: `${at}${column}`, value, expected }]);
    };
    if (!isObject(feature) || feature.type !== 'Feature') return fail('', null, 'a GeoJSON Feature object');
    const geometry = feature.geometry;
    if (!isObject(geometry) || geometry.type !== 'Point')
      return fail(
        '.geometry',
        isObject(geometry) ? String(geometry.type) : String(geometry),
        'a Point geometry (lines and polygons are not imported: give the event a point, such as its centroid)',
      );
    const coordinates = geometry.coordinates;
    if (
      !Array.isArray(coordinates) ||
      coordinates.length < 2 ||
      !coordinates.slice(0, 2).every((x) => typeof x === 'number')
    )
      return fail('.geometry.coordinates', JSON.stringify(coordinates ?? null), 'a position [longitude, latitude]');
    const properties = isObject(feature.properties) ? feature.properties : {};
    const values = new Map<string, string>();
    // Text the file could not hold as a CSV cell (see createCsvFeed), and names no column could have: refused.
    const refused: ImportProblem[] = [];
    const refuse = (column: string, expected: string) =>
      refused.push({ file, line: null, column: `${at}.properties.${column}`, value: null, expected });
    for (const [key, value] of Object.entries(properties)) {
      const name = normaliseColumnName(key);
      const keyProblem = controlCharacterProblem(key) ?? loneSurrogateProblem(key) ?? lengthProblem(name, 'name');
      if (keyProblem !== null) {
        refuse(JSON.stringify(key.slice(0, 80)), `a property name: ${keyProblem}`);
        continue;
      }
      if (values.has(name)) continue;
      const text = propertyText(value);
      if (text.length > MAX_VALUE_CHARS)
        refuse(
          name,
          `values of at most ${MAX_VALUE_CHARS.toLocaleString('en-US')} characters; this one has ${text.length.toLocaleString('en-US')}`,
        );
      else {
        const problem = controlCharacterProblem(text) ?? loneSurrogateProblem(text);
        if (problem !== null) refuse(name, problem);
      }
      values.set(name, text);
    }
    if (refused.length > 0) {
      b.rowsRead++;
      return b.refuseRow(refused);
    }
    values.set('lon', coordinateText(coordinates[0] as number));
    values.set('lat', coordinateText(coordinates[1] as number));
    const names = resolveColumns((n) => values.has(n));
    names.lat = 'lat';
    names.lon = 'lon';
    const extras = [...values].filter(([name]) => isExtraColumn(name) && name !== 'lat' && name !== 'lon');
    events.add(
      (column: PlainColumn) => (names[column] === null ? '' : (values.get(names[column]!) ?? '')),
      names,
      extras,
      {
        line: null,
        columnName: (column) =>
          column === null
            ? at
            : column === 'lat' || column === 'lon'
              ? `${at}.geometry.coordinates`
              : `${at}.properties.${column}`,
        location: `${file}, feature ${i}`,
        fallbackId: `feature ${i}`,
        hash: hashRow([...values].flat()),
      },
    );
  });
  return events.finish(`Events from ${file}`);
}
