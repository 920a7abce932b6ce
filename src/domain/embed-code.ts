/**
 * Links and the iframe snippet that put the explorer beside an article: the embedded page's address (the view with
 * `embed=1`), the full explorer's (the same view without it), and the `<iframe>` a newsroom pastes into its page.
 *
 * The snippet is HTML that someone else's page will parse, built from untrusted text (a dataset's, a story's or an
 * event's title, the page's own address): every attribute value is escaped, so no title can close the attribute,
 * open a tag or smuggle in an entity.
 */
import { serializeViewState, type ViewState } from './url-state.ts';

/** The height the snippet gives the iframe: the embedded layout's two columns fit; narrower, the page scrolls. */
export const EMBED_HEIGHT = 560;

/** `value` as the text of a double-quoted HTML attribute: `&`, `"`, `'`, `<` and `>` written as references. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"'<>]/g, (c) => ATTRIBUTE_REFERENCES[c]!);
}

const ATTRIBUTE_REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
};

/** The address of `view` on the page at `pageUrl` (its own query and fragment replaced), embedded or not. */
export function viewUrl(view: ViewState, pageUrl: string, embed: boolean): string {
  const url = new URL(pageUrl);
  url.search = serializeViewState({ ...view, embed });
  url.hash = '';
  return url.href;
}

/**
 * The `<iframe>` element that shows `view` embedded: lazy, borderless, as wide as the article's column. `title`
 * names the frame for screen readers (WCAG 4.1.2); line breaks and runs of spaces in it become one space.
 */
export function embedCode(view: ViewState, pageUrl: string, title: string): string {
  const src = viewUrl(view, pageUrl, true);
  const name = title.replace(/\s+/g, ' ').trim() || 'News Event Explorer';
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(name)}" width="100%" height="${EMBED_HEIGHT}" loading="lazy" style="border:0"></iframe>`;
}
