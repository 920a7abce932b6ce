/** Characters a reader cannot see, named by their code point. Framework-free and dependency-free. */

/** "U+0007" for the BEL character. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
