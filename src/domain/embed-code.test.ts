import { describe, expect, it } from 'vitest';
import { embedCode, escapeAttribute, viewUrl } from './embed-code.ts';
import { EMPTY_VIEW, parseViewState } from './url-state.ts';

const PAGE = 'https://news.example/graphics/idlib/?event=old#top';
const STEP = { ...EMPTY_VIEW, event: 'sochi-2021', story: 'idlib-agreements', step: 3 };

/**
 * The attributes of the one element `html` is, as an HTML parser reads them: the element must be a single
 * `<iframe …></iframe>`, every value double-quoted and free of raw `"`, `<` and `>`, its references decoded.
 */
function iframeAttributes(html: string): Record<string, string> {
  const element = /^<iframe((?: [a-z]+="[^"<>]*")*)><\/iframe>$/.exec(html);
  expect(element, html).not.toBeNull();
  const decode = (value: string) =>
    value.replace(/&(amp|quot|lt|gt|#39);/g, (_, name: string) =>
      name === 'amp' ? '&' : name === 'quot' ? '"' : name === 'lt' ? '<' : name === 'gt' ? '>' : "'",
    );
  expect(element![1]!.replace(/&(amp|quot|lt|gt|#39);/g, ''), 'a bare & in a value').not.toMatch(/&/);
  return Object.fromEntries([...element![1]!.matchAll(/ ([a-z]+)="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
}

describe('the embed code', () => {
  it('is an iframe of the current view with embed=1, on the same page, named, lazy and borderless', () => {
    const code = embedCode(STEP, PAGE, 'Idlib agreements · News Event Explorer');
    expect(code).toBe(
      '<iframe src="https://news.example/graphics/idlib/?event=sochi-2021&amp;story=idlib-agreements&amp;step=3&amp;embed=1" title="Idlib agreements · News Event Explorer" width="100%" height="560" loading="lazy" style="border:0"></iframe>',
    );
    const attributes = iframeAttributes(code);
    expect(parseViewState(new URL(attributes.src!).search)).toEqual({
      view: { ...STEP, embed: true },
      problems: [],
    });
  });

  it.each([
    'He said "no" & left',
    '<script>alert(1)</script>',
    `"><img src=x onerror=alert(1)>`,
    "Erdoğan's visit &amp; the S-400",
    'a " b \' c < d > e & f',
  ])('escapes the untrusted title %j, which reads back as written', (title) => {
    const code = embedCode(STEP, PAGE, title);
    expect(code).not.toContain(title);
    expect(iframeAttributes(code).title).toBe(title);
    // Nothing of the title reaches outside its attribute.
    expect(code.match(/<[a-z]/g)).toEqual(['<i']);
  });

  it('writes a title with line breaks as one line, and names the frame when the title is blank', () => {
    expect(iframeAttributes(embedCode(STEP, PAGE, '  Two\n\tlines  ')).title).toBe('Two lines');
    expect(iframeAttributes(embedCode(STEP, PAGE, ' \n ')).title).toBe('News Event Explorer');
  });

  it('escapes the address too: a page path with a quote cannot end the src attribute', () => {
    const src = iframeAttributes(embedCode(EMPTY_VIEW, `https://news.example/a"b'<c>/`, 't')).src!;
    expect(new URL(src).pathname).toBe("/a%22b'%3Cc%3E/");
    expect(new URL(src).search).toBe('?embed=1');
  });
});

describe('escapeAttribute', () => {
  it('writes each of & " \' < > as a reference and leaves other text alone', () => {
    expect(escapeAttribute(`&"'<>`)).toBe('&amp;&quot;&#39;&lt;&gt;');
    expect(escapeAttribute('Sochi – 2021 · Putin')).toBe('Sochi – 2021 · Putin');
  });
});

describe('viewUrl', () => {
  it('writes the view on the same page, with or without embed, dropping the page’s own query and fragment', () => {
    expect(viewUrl(STEP, PAGE, false)).toBe(
      'https://news.example/graphics/idlib/?event=sochi-2021&story=idlib-agreements&step=3',
    );
    expect(viewUrl({ ...STEP, embed: true }, PAGE, false)).not.toContain('embed');
    expect(viewUrl({ ...EMPTY_VIEW, embed: true }, PAGE, false)).toBe('https://news.example/graphics/idlib/');
    expect(viewUrl(EMPTY_VIEW, PAGE, true)).toBe('https://news.example/graphics/idlib/?embed=1');
  });
});
