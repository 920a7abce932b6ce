import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateQuote } from './compile-dataset.ts';
import { contextOf, formatOccurrences, locateOccurrences } from './locate.ts';
import { runLocate } from './locate-cli.ts';

// Two paragraphs that open with the same words: the one prefix that tells them apart holds newlines.
const TEXT =
  'ANKARA\n\nTurkey said on Monday it would respond. Officials met.\n\nTurkey said on Monday the talks went well.\n' +
  'Officials met again.';

describe('locateOccurrences', () => {
  it('finds every occurrence with its line, its surroundings and the prefix that picks it', () => {
    const found = locateOccurrences(TEXT, 'Turkey said on Monday');
    expect(found.map((o) => [o.start, o.line])).toEqual([
      [8, 3],
      [64, 5],
    ]);
    expect(found[0]!.context).toBe(
      'ANKARA⏎⏎[[Turkey said on Monday]] it would respond. Officials met.⏎⏎Turkey said on …',
    );
    // The shortest whole-word prefix each: the invisible newlines are part of it, as the build matches them.
    expect(found.map((o) => o.prefix)).toEqual(['ANKARA\n\n', 'met.\n\n']);
    for (const o of found) expect(locateQuote(TEXT, 'Turkey said on Monday', o.prefix)).toBe(o.start);
    // Or a longer quote, unique by itself.
    expect(found.map((o) => o.longerQuote)).toEqual(['Turkey said on Monday it', 'Turkey said on Monday the']);
  });

  it('needs no prefix for a unique quote, and says when nothing before an occurrence tells it apart', () => {
    expect(locateOccurrences(TEXT, 'the talks')).toMatchObject([{ prefix: null, longerQuote: 'the talks' }]);
    // An occurrence at the very start has nothing before it: only the other one can take a prefix.
    const repeated = locateOccurrences('ab ab', 'ab');
    expect(repeated.map((o) => o.prefix)).toEqual([null, 'ab ']);
    expect(locateQuote('ab ab', 'ab', 'ab ')).toBe(3);
  });

  it('prints each occurrence ready to paste as evidence', () => {
    const out = formatOccurrences(
      'test-source',
      'Turkey said on Monday',
      locateOccurrences(TEXT, 'Turkey said on Monday'),
    );
    expect(out).toContain('"Turkey said on Monday" occurs 2 times in source "test-source"');
    expect(out).toContain('prefix: "met.\\n\\n"');
    expect(out).toContain('(as in the text: "met.⏎⏎")');
  });

  it('shows newlines in a context, and marks cut text with …', () => {
    expect(contextOf('a\nb\nquote\nc', 4, 5, 2)).toBe('…b⏎[[quote]]⏎c');
  });
});

describe('the build error for a quote that occurs more than once', () => {
  it('shows where it occurs and the prefix for each', () => {
    const message = locateQuote(TEXT, 'Turkey said on Monday');
    expect(message).toMatch(/occurs 2 times in the text: add a "prefix"/);
    expect(message).toContain('(1) line 3: ANKARA⏎⏎[[Turkey said on Monday]]');
    expect(message).toContain('→ prefix: "met.\\n\\n"');
    expect(locateQuote(TEXT, 'Turkey said on Monday', 'met. ')).toMatch(
      /never right after the prefix "met\. " .*\(2\) line 5/,
    );
  });
});

describe('npm run data -- locate', () => {
  it('reads the source by id, and exits 1 on an unknown id or a quote not found', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'locate-'));
    try {
      await mkdir(path.join(dir, 'sources'));
      await writeFile(path.join(dir, 'sources', 'sources.yaml'), '- id: test-source\n  file: a.txt\n');
      await writeFile(path.join(dir, 'sources', 'a.txt'), TEXT);
      const found = await runLocate(dir, ['test-source', 'Officials met']);
      expect(found.code).toBe(0);
      expect(found.out).toContain('occurs 2 times');
      expect(await runLocate(dir, ['other-source', 'Officials met'])).toEqual({
        code: 1,
        out: 'unknown source id "other-source": expected an id from data/sources/sources.yaml, one of:\n  test-source',
      });
      const missing = await runLocate(dir, ['test-source', 'officials  met']);
      expect(missing.code).toBe(1);
      expect(missing.out).toMatch(/only after normalising/);
      expect((await runLocate(dir, ['test-source'])).code).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
