import { describe, expect, it } from 'vitest';
import { segmentText } from './highlight-segments.ts';

describe('segmentText', () => {
  it('marks the selected event strongly and other events lightly, covering the whole text', () => {
    const text = 'Alpha beta gamma delta.';
    const segments = segmentText(
      text,
      [
        { start: 6, end: 16, eventId: 'current' },
        { start: 11, end: 22, eventId: 'other' },
      ],
      'current',
    );
    expect(segments.map((s) => [s.text, s.current, s.otherEventIds])).toEqual([
      ['Alpha ', false, []],
      ['beta ', true, []],
      ['gamma', true, ['other']],
      [' delta', false, ['other']],
      ['.', false, []],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('ignores spans outside the text', () => {
    expect(segmentText('abc', [{ start: 2, end: 9, eventId: 'x' }], null)).toEqual([
      { start: 0, end: 3, text: 'abc', current: false, otherEventIds: [] },
    ]);
  });
});
