/**
 * The limits every input path applies (the curated build, the draft review, the importers and "Open a file…"):
 * how long a field may be and which years a date may fall in. Dependency-free, so the import worker uses it without
 * the schema library.
 */

/**
 * The longest value each kind of curated field may hold, in characters (UTF-16 code units, as JavaScript counts
 * them). Generous for what the fields are for — the longest title in the bundled data is 93 characters, the
 * longest quote 315 — and small enough that a pasted file or a hostile megabyte is refused by name instead of
 * being carried into every view and export. `npm run data`, `npm run draft -- accept`, `npm run import` and "Open a file…" refuse a longer value,
 * saying the limit and the actual length.
 */
export const DATASET_LIMITS = {
  /** Ids of every kind (slugs), and references to them. */
  idChars: 100,
  /** Titles of events, sources and the dataset. */
  titleChars: 300,
  /** Names and aliases of places and actors, publishers, offices, file names. */
  nameChars: 200,
  /** Aliases of one place or actor. */
  aliases: 100,
  /** Event summaries, the dataset's description, a disagreement's summary. */
  summaryChars: 5_000,
  /** Evidence quotes and disagreement versions: a sentence or a paragraph, verbatim. */
  quoteChars: 5_000,
  /** The exact text before a quote that tells its occurrences apart. */
  prefixChars: 1_000,
  /** Notes, claims, reasons ("why"), and how a publication date was established. */
  noteChars: 5_000,
  /** A date's verbatim temporal expression and its display text. */
  expressionChars: 300,
  /** Source addresses. */
  urlChars: 2_000,
  /** An article's full text (data/sources/*.txt), about 300,000 words. */
  articleChars: 2_000_000,
} as const;

/**
 * The years a curated date (an event's bounds, a source's publication day) may fall in, unless data/dataset.yaml
 * declares its own `years: { from, to }`: a year 0000 or 2201 in a news dataset is a typo, not a date.
 */
export const DEFAULT_YEARS = { from: 1000, to: 2100 } as const;

/** True when the ISO day `day` falls in the span of years (inclusive). */
export function isDayInYears(day: string, years: { from: number; to: number }): boolean {
  const year = Number(day.slice(0, 4));
  return year >= years.from && year <= years.to;
}
