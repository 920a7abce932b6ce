import { describe, expect, it } from 'vitest';
import { Utf8StreamDecoder, describeUtf8Failure } from './utf8.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** Decodes `data` cut into chunks at the given offsets. */
function decode(data: Uint8Array, cuts: number[]) {
  const decoder = new Utf8StreamDecoder();
  let text = '';
  let from = 0;
  for (const to of [...cuts, data.length]) {
    const piece = decoder.decode(data.subarray(from, to));
    if (piece === null) return { text: null, failure: decoder.failure };
    text += piece;
    from = to;
  }
  const rest = decoder.end();
  return rest === null ? { text: null, failure: decoder.failure } : { text: text + rest, failure: null };
}

describe('Utf8StreamDecoder', () => {
  it('joins a character split across chunks, at every cut, and drops a byte-order mark', () => {
    const data = bytes('\uFEFFŞanlıurfa 😀\r\n€');
    for (let cut = 0; cut <= data.length; cut++) expect(decode(data, [cut]).text).toBe('Şanlıurfa 😀\r\n€');
  });

  it('finds a byte that is not UTF-8 with its offset, line and byte in the line, at every cut', () => {
    const data = bytes('a,b\r\nc\n\rxy', [0xe9], 'z\n');
    for (let cut = 0; cut <= data.length; cut++) {
      const { failure } = decode(data, [cut]);
      expect(failure).toMatchObject({ byte: 0xe9, offset: 10, line: 4, byteInLine: 3 });
    }
  });

  it('finds a sequence cut short by a bad byte or by the end of the file', () => {
    const cutShort = bytes('ab', [0xe2, 0x82], 'c');
    for (let cut = 0; cut <= cutShort.length; cut++)
      expect(decode(cutShort, [cut]).failure).toMatchObject({ byte: 0xe2, offset: 2, line: 1, byteInLine: 3 });
    const atEnd = bytes('ab\n', [0xf0, 0x9f, 0x98]);
    for (let cut = 0; cut <= atEnd.length; cut++)
      expect(decode(atEnd, [cut]).failure).toMatchObject({ byte: 0xf0, offset: 3, line: 2, byteInLine: 1 });
  });

  it('says what a file seems to be instead', () => {
    const utf16 = decode(bytes([0xff, 0xfe], 't\u0000'), []).failure!;
    expect(describeUtf8Failure(utf16)).toBe(
      'byte 0xFF at byte offset 0 (byte 1 of line 1) is not UTF-8 (it starts with a UTF-16 byte-order mark, as Excel\'s "Unicode text" writes it)',
    );
    expect(describeUtf8Failure(decode(bytes([0x1f, 0x8b, 8, 0]), []).failure!)).toContain('gzip-compressed');
  });
});
