/**
 * `npm run data -- locate <source-id> "<quote>"`: prints every occurrence of the quote in that source's text with
 * its surroundings and the prefix (or longer quote) that picks each one, ready to paste into `evidence[]`. Reads
 * only sources.yaml and the article files, so it works while the rest of data/ does not build yet.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describeMissingQuote } from './compile-dataset.ts';
import { formatOccurrences, locateOccurrences } from './locate.ts';

export const LOCATE_USAGE = 'usage: npm run data -- locate <source-id> "<quote>"';

/** What the command prints and its exit code: 0 when the quote was found, 1 otherwise. */
export interface LocateOutcome {
  code: 0 | 1;
  out: string;
}

/** Runs `locate` against the data folder `dataDir`; `args` are the words after "locate". */
export async function runLocate(dataDir: string, args: readonly string[]): Promise<LocateOutcome> {
  const [sourceId, quote, ...rest] = args;
  if (!sourceId || quote === undefined || quote === '' || rest.length > 0)
    return { code: 1, out: `${LOCATE_USAGE}\n(quote the quote, so the shell passes it as one argument)` };
  const sourcesFile = path.join(dataDir, 'sources', 'sources.yaml');
  let records: unknown;
  try {
    records = parse(await readFile(sourcesFile, 'utf8'));
  } catch (error) {
    return { code: 1, out: `cannot read ${sourcesFile}: ${(error as Error).message.split('\n')[0]}` };
  }
  const list = Array.isArray(records) ? (records as { id?: unknown; file?: unknown }[]) : [];
  const record = list.find((r) => r?.id === sourceId);
  if (!record) {
    const ids = list.map((r) => r?.id).filter((id): id is string => typeof id === 'string');
    return {
      code: 1,
      out: `unknown source id "${sourceId}": expected an id from data/sources/sources.yaml${ids.length > 0 ? `, one of:\n  ${ids.join('\n  ')}` : ''}`,
    };
  }
  if (typeof record.file !== 'string')
    return { code: 1, out: `source "${sourceId}" names no article file ("file") in data/sources/sources.yaml` };
  let text: string;
  try {
    text = await readFile(path.join(dataDir, 'sources', record.file), 'utf8');
  } catch {
    return { code: 1, out: `source "${sourceId}": no article file "data/sources/${record.file}"` };
  }
  const occurrences = locateOccurrences(text, quote);
  if (occurrences.length === 0) return { code: 1, out: `${describeMissingQuote(text, quote)} (source "${sourceId}")` };
  return { code: 0, out: formatOccurrences(sourceId, quote, occurrences) };
}
