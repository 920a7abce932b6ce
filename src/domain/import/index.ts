/** The importers' public API: see types.ts for the contract, importer.ts for the entry points. */
export {
  IMPORT_FORMATS,
  MAX_LISTED_PROBLEMS,
  formatImportProblem,
  type ImportFormat,
  type ImportOptions,
  type ImportProblem,
  type ImportResult,
} from './types.ts';
export {
  CSV_PARSE_CONFIG,
  createCsvFeed,
  createImporter,
  detectImportFormat,
  importChunks,
  importSource,
  notUtf8Problem,
} from './importer.ts';
export { importGeoJsonText } from './geojson.ts';
export type { ImportHooks } from './builder.ts';
export type { RowImporter } from './row-importer.ts';
export { ACLED_PUBLISHER, ACLED_REQUIRED_COLUMNS, ACLED_URL, acledInterval, acledTitle, productType } from './acled.ts';
export { PLAIN_COLUMNS } from './plain.ts';
