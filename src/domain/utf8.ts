/**
 * Reading bytes as UTF-8 strictly: a byte that is not UTF-8 is found with its offset and line, never replaced with
 * U+FFFD. Framework-free and without Node imports (the curated build, the importers' CLI and the browser's import
 * worker share it).
 */

/** The first byte of `bytes` that does not start or continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0; // overlong
      if (b === 0xed) high = 0x9f; // UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90; // overlong
      if (b === 0xf4) high = 0x8f; // beyond U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < low || c > high) return i;
      low = 0x80;
      high = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

/** Where the first byte that is not UTF-8 is. */
export interface Utf8Failure {
  /** The malformed byte (a byte cut short by the end of the file: the first byte of the cut sequence). */
  byte: number;
  /** Its offset in the file, from 0 (a byte-order mark counts). */
  offset: number;
  /** Its line, from 1 (a line feed, a CR LF pair or a lone CR ends a line, as the importers count lines). */
  line: number;
  /** Its byte in that line, from 1. */
  byteInLine: number;
  /** The first bytes of the file (up to 8), which may say what it is instead (UTF-16, gzip, ZIP). */
  head: Uint8Array;
}

const EMPTY = new Uint8Array(0);

/** How many bytes at the end of `bytes` are the start of a sequence that the next bytes would complete (0–3). */
function incompleteTail(bytes: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const b = bytes[bytes.length - k]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > k ? k : 0;
  }
  return 0;
}

/**
 * Decodes a file given in chunks (a stream's reads) with a fatal decoder: a character split across two chunks is
 * joined, a byte that is not UTF-8 stops the decoding with `failure` set (its offset, line and byte in the line).
 * A leading byte-order mark is dropped from the text. The cost on the way is the native decoder's and a count of
 * line breaks (a native indexOf per line).
 */
export class Utf8StreamDecoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** Bytes of the chunks before the current one. */
  private offset = 0;
  private line = 1;
  /** The offset where the current line starts. */
  private lineStart = 0;
  /** The previous chunk ended with a CR (a following LF belongs to it). */
  private endedWithCr = false;
  /** The last three bytes of the previous chunk: the decoder may hold the start of a character from them. */
  private tail: Uint8Array = EMPTY;
  private head: Uint8Array | null = null;
  failure: Utf8Failure | null = null;

  /** The text of `chunk` (with what the previous chunk left unfinished), or null once a byte is not UTF-8. */
  decode(chunk: Uint8Array): string | null {
    if (this.failure) return null;
    this.head ??= chunk.slice(0, 8);
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      this.fail(chunk, false);
      return null;
    }
    this.countLines(chunk, chunk.length);
    this.offset += chunk.length;
    this.tail = chunk.length >= 3 ? chunk.subarray(chunk.length - 3) : concat(this.tail, chunk).slice(-3);
    return text;
  }

  /** The text the decoder still holds, or null when the file ends inside a character. */
  end(): string | null {
    if (this.failure) return null;
    try {
      return this.decoder.decode();
    } catch {
      this.fail(EMPTY, true);
      return null;
    }
  }

  private fail(chunk: Uint8Array, atEnd: boolean): void {
    const pending = incompleteTail(this.tail);
    const window = concat(this.tail.subarray(this.tail.length - pending), chunk);
    let at = firstInvalidUtf8Byte(window);
    if (at < 0) at = atEnd ? 0 : window.length - incompleteTail(window);
    const inChunk = Math.max(0, at - pending);
    this.countLines(chunk, inChunk);
    const offset = this.offset - pending + at;
    this.head ??= window.slice(0, 8);
    this.failure = {
      byte: window[at] ?? 0,
      offset,
      line: this.line,
      byteInLine: offset - this.lineStart + 1,
      head: this.head,
    };
  }

  /** Counts the line breaks in chunk[0, end). */
  private countLines(chunk: Uint8Array, end: number): void {
    let from = 0;
    if (this.endedWithCr && end > 0 && chunk[0] === 0x0a) {
      // The LF of a CR LF split across chunks: the line was counted at the CR.
      this.lineStart = this.offset + 1;
      from = 1;
    }
    for (let i = chunk.indexOf(0x0a, from); i !== -1 && i < end; i = chunk.indexOf(0x0a, i + 1)) {
      this.line++;
      this.lineStart = this.offset + i + 1;
    }
    for (let i = chunk.indexOf(0x0d, from); i !== -1 && i < end; i = chunk.indexOf(0x0d, i + 1)) {
      if (chunk[i + 1] === 0x0a) continue; // counted at its LF
      this.line++;
      if (this.offset + i + 1 > this.lineStart) this.lineStart = this.offset + i + 1;
    }
    if (end === chunk.length && end > 0) this.endedWithCr = chunk[end - 1] === 0x0d;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * What a file that is not UTF-8 seems to be instead, from its first bytes: UTF-16 (a byte-order mark), gzip, a ZIP
 * archive (an Excel workbook is one); null when nothing says.
 */
export function nonUtf8Kind(head: Uint8Array): string | null {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    return 'it starts with a UTF-16 byte-order mark, as Excel\'s "Unicode text" writes it';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'it is gzip-compressed: decompress it first';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
    return 'it is a ZIP archive or an Excel workbook: open it and save it as "CSV UTF-8", or unzip it first';
  return null;
}

/** "byte 0xE9 at byte offset 57 (byte 12 of line 2) is not UTF-8", with what the file seems to be instead. */
export function describeUtf8Failure(failure: Utf8Failure): string {
  const kind = nonUtf8Kind(failure.head);
  return `byte ${hex(failure.byte)} at byte offset ${failure.offset.toLocaleString('en-US')} (byte ${failure.byteInLine.toLocaleString('en-US')} of line ${failure.line.toLocaleString('en-US')}) is not UTF-8${kind ? ` (${kind})` : ''}`;
}
