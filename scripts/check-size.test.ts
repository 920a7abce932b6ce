import { describe, expect, it } from 'vitest';
import {
  collectInitialFiles,
  initialScriptsOf,
  measure,
  report,
  resolveInDist,
  staticImportsOf,
} from './check-size.ts';

describe('initialScriptsOf', () => {
  it('takes module scripts and modulepreloads, not stylesheets, classic scripts or prefetches', () => {
    const html = `<head>
      <script type="module" crossorigin src="./assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/runtime-b.js">
      <link rel="stylesheet" href="./assets/index-c.css">
      <link rel="prefetch" href="./assets/lazy-d.js">
      <script src="./legacy.js"></script>
      <LINK REL='modulepreload' HREF='./assets/runtime-b.js' />
    </head>`;
    expect(initialScriptsOf(html)).toEqual(['./assets/index-a.js', './assets/runtime-b.js']);
  });
});

describe('staticImportsOf', () => {
  it('finds top-level imports and re-exports, minified or not, but not import() or text in strings', () => {
    const code = [
      'import{i as e,t}from"./runtime-a.js";',
      'import "./side-effect-b.js";',
      "import * as ns from './ns-c.js';",
      'export{x}from"./reexport-d.js";',
      'export*from"./star-e.js";',
      'const lazy=()=>import("./lazy-f.js");',
      'const s=`import x from "./in-a-string.js"`;',
      '// import y from "./in-a-comment.js"',
      'import{i as e2}from"./runtime-a.js";',
    ].join('\n');
    expect(staticImportsOf(code)).toEqual([
      './runtime-a.js',
      './side-effect-b.js',
      './ns-c.js',
      './reexport-d.js',
      './star-e.js',
    ]);
  });
});

describe('resolveInDist', () => {
  it('resolves relative to the importing file and root-relative to dist/', () => {
    expect(resolveInDist('index.html', './assets/a.js')).toBe('assets/a.js');
    expect(resolveInDist('assets/a.js', './b.js?v=1')).toBe('assets/b.js');
    expect(resolveInDist('assets/a.js', '/assets/c.js')).toBe('assets/c.js');
  });

  it('refuses what it cannot measure', () => {
    expect(() => resolveInDist('index.html', 'https://cdn.example/react.js')).toThrow(/cannot measure/);
    expect(() => resolveInDist('assets/a.js', '../../up.js')).toThrow(/outside dist/);
  });
});

describe('collectInitialFiles', () => {
  it('follows static imports transitively, once each, and leaves lazy chunks out', () => {
    const chunks: Record<string, string> = {
      'assets/index.js': 'import{a}from"./shared.js";const t=()=>import("./timeline.js");',
      'assets/shared.js': 'import"./runtime.js";export const a=1;',
      'assets/runtime.js': 'import"./shared.js";',
      'assets/timeline.js': 'import"./vis.js";',
    };
    const html = '<script type="module" src="./assets/index.js"></script>';
    const read = (file: string) => {
      const code = chunks[file];
      if (code === undefined) throw new Error(`unexpected read of ${file}`);
      return code;
    };
    expect(collectInitialFiles(html, read)).toEqual(['assets/index.js', 'assets/shared.js', 'assets/runtime.js']);
  });
});

describe('report', () => {
  const chunk = (file: string, gzipBytes: number) => ({ file, rawBytes: gzipBytes * 3, gzipBytes });

  it('passes at the budget and fails one byte over it', () => {
    expect(report([chunk('a.js', 200_000), chunk('b.js', 50_000)], 250_000).ok).toBe(true);
    const over = report([chunk('a.js', 200_000), chunk('b.js', 50_001)], 250_000);
    expect(over.ok).toBe(false);
    expect(over.text).toMatch(/FAIL: the initial JS is 250\.00 kB gzip, over the 250\.00 kB budget by 0\.00 kB/);
  });

  it('lists each file and the total in kB of 1000 bytes', () => {
    const { text } = report([chunk('assets/index.js', 123_456)], 250_000);
    expect(text).toMatch(/assets\/index\.js\s+370\.37\s+123\.46/);
    expect(text).toMatch(/total\s+370\.37\s+123\.46/);
  });
});

describe('measure', () => {
  it('gzips smaller than raw for repetitive text', () => {
    const size = measure('a.js', new TextEncoder().encode('export const a = 1;\n'.repeat(1000)));
    expect(size.rawBytes).toBe(20_000);
    expect(size.gzipBytes).toBeLessThan(1000);
  });
});
