/** Characters a reader cannot see: named by their code point, and found (control characters, lone surrogates). Framework-free and dependency-free. */

/** "U+0007" for the BEL character. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The index of the first control character in `text` at or after `from` — C0, DEL or C1, but not tab, line feed or
 * carriage return — or -1.
 */
export function indexOfControlCharacter(text: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) return i;
  }
  return -1;
}

/** The index of the first UTF-16 surrogate in `text` that is not half of a pair (a YAML "\uD800"), or -1. */
export function indexOfLoneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    else return i;
  }
  return -1;
}
