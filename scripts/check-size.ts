/**
 * `npm run size`: the initial-JS budget, checked on the production build in dist/ (run `npm run build` first).
 *
 * "Initial JS" is everything the browser must download before the first render: the module scripts and
 * modulepreload links of dist/index.html, plus every chunk they import statically (`import … from "./x.js"`,
 * `import "./x.js"`, `export … from "./x.js"` at the top level of the built code), transitively. Chunks loaded with
 * `import()` (the timeline, the export, the search), workers and the lazily loaded basemap are not initial, so they
 * are not counted.
 *
 * Each file is gzipped on its own at level 9 (what CDNs and static hosts typically precompress with; Vite's build
 * report uses a lower level, so its figures are ~1% higher). 1 kB = 1000 bytes. Exit status: 0 within the budget,
 * 1 over it (or when dist/ is missing or unreadable).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';

/** The budget for the initial JS, gzip bytes (1 kB = 1000 bytes). */
export const BUDGET_GZIP_BYTES = 250_000;
export const GZIP_LEVEL = 9;

export interface ChunkSize {
  /** Path relative to dist/, with forward slashes. */
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

/** The JS an HTML page starts with: `<script type="module" src>` and `<link rel="modulepreload" href>`, in order. */
export function initialScriptsOf(html: string): string[] {
  const urls: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const attrs = attributesOf(tag);
    const isModuleScript = /^<script/i.test(tag) && attrs.get('type') === 'module' && attrs.has('src');
    const isModulePreload = /^<link/i.test(tag) && relTokens(attrs).includes('modulepreload') && attrs.has('href');
    const url = isModuleScript ? attrs.get('src') : isModulePreload ? attrs.get('href') : undefined;
    if (url !== undefined && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

function relTokens(attrs: Map<string, string>): string[] {
  return (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
}

/** A tag's attributes (names lower-cased; valueless attributes map to ""). Enough for Vite's generated HTML. */
function attributesOf(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const body = tag.replace(/^<\w+/, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/**
 * The specifiers a built ES module imports statically: its top-level import declarations and re-exports, parsed
 * (not pattern-matched, so text inside strings or comments never counts). `import()` expressions are not
 * declarations, so lazily loaded chunks are left out by construction.
 */
export function staticImportsOf(code: string, fileName = 'chunk.js'): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    const specifier =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) ? statement.moduleSpecifier : undefined;
    // Type-only imports cannot occur in built JS, so every declaration here is a request the browser makes.
    if (specifier && ts.isStringLiteral(specifier) && !specifiers.includes(specifier.text)) {
      specifiers.push(specifier.text);
    }
  }
  return specifiers;
}

/**
 * Where a URL found in `fromFile` (a path relative to dist/, "index.html" for the page) points, relative to dist/.
 * Only same-site relative or root-relative URLs can be measured; anything else is an error, not a silent skip.
 */
export function resolveInDist(fromFile: string, url: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) {
    throw new Error(`${fromFile} loads ${url}, which is not in dist/: the size check cannot measure it`);
  }
  const clean = url.replace(/[?#].*$/, '');
  const resolved = clean.startsWith('/')
    ? path.posix.normalize(clean.slice(1))
    : path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), clean));
  if (resolved.startsWith('../')) throw new Error(`${fromFile} loads ${url}, which is outside dist/`);
  return resolved;
}

/** The initial JS files, starting from the page's scripts and following static imports (breadth first, no repeats). */
export function collectInitialFiles(html: string, readChunk: (file: string) => string): string[] {
  const queue = initialScriptsOf(html).map((url) => resolveInDist('index.html', url));
  const seen = new Set<string>(queue);
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    for (const specifier of staticImportsOf(readChunk(file), file)) {
      const target = resolveInDist(file, specifier);
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return queue;
}

export function measure(file: string, bytes: Uint8Array): ChunkSize {
  return { file, rawBytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: GZIP_LEVEL }).byteLength };
}

const kB = (bytes: number) => (bytes / 1000).toFixed(2);

/** The table, the total and the verdict; `ok` is false when the gzip total exceeds the budget. */
export function report(chunks: readonly ChunkSize[], budgetBytes = BUDGET_GZIP_BYTES): { text: string; ok: boolean } {
  const rawTotal = chunks.reduce((sum, c) => sum + c.rawBytes, 0);
  const gzipTotal = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
  const width = Math.max('total'.length, ...chunks.map((c) => c.file.length));
  const row = (file: string, raw: string, gzip: string) =>
    `${file.padEnd(width)}  ${raw.padStart(10)}  ${gzip.padStart(10)}`;
  const ok = gzipTotal <= budgetBytes;
  const lines = [
    `Initial JS (dist/index.html's scripts and modulepreloads, and their static imports); gzip level ${GZIP_LEVEL}, 1 kB = 1000 bytes`,
    row('file', 'raw kB', 'gzip kB'),
    ...chunks.map((c) => row(c.file, kB(c.rawBytes), kB(c.gzipBytes))),
    row('total', kB(rawTotal), kB(gzipTotal)),
    ok
      ? `OK: ${kB(gzipTotal)} kB gzip is within the ${kB(budgetBytes)} kB budget (${kB(budgetBytes - gzipTotal)} kB to spare).`
      : `FAIL: the initial JS is ${kB(gzipTotal)} kB gzip, over the ${kB(budgetBytes)} kB budget by ${kB(gzipTotal - budgetBytes)} kB. ` +
        'Load what the first screen does not need with import() (see the timeline in src/app/explorer.tsx), ' +
        'or look for a dependency that grew.',
  ];
  return { text: lines.join('\n'), ok };
}

function main(): number {
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const page = path.join(dist, 'index.html');
  if (!existsSync(page)) {
    console.error(`npm run size: ${path.relative(process.cwd(), page)} not found; run \`npm run build\` first`);
    return 1;
  }
  const read = (file: string) => readFileSync(path.join(dist, ...file.split('/')));
  const files = collectInitialFiles(readFileSync(page, 'utf8'), (file) => read(file).toString('utf8'));
  if (files.length === 0) {
    console.error('npm run size: dist/index.html loads no module script; is dist/ a Vite build?');
    return 1;
  }
  const { text, ok } = report(files.map((file) => measure(file, read(file))));
  (ok ? console.log : console.error)(text);
  return ok ? 0 : 1;
}

// Run only as a script (`tsx scripts/check-size.ts`), not when the unit test imports the functions above.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`npm run size: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
