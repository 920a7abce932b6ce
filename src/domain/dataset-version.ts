/**
 * The version of the dataset contract (dataset.json and its columnar pack). Its own module, so that the app can
 * check it without bundling the schema library the build validates with.
 */
export const SCHEMA_VERSION = '2';
