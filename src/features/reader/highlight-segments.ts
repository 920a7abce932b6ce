/**
 * Cuts an article into runs of text for the reader: plain runs, runs inside the selected event's excerpts, and
 * runs inside other events' excerpts (clickable). Linear in the number of spans after sorting their edges.
 */
export interface HighlightSpan {
  start: number;
  end: number;
  eventId: string;
}

export interface TextSegment {
  start: number;
  end: number;
  text: string;
  /** The selected event covers this run. */
  current: boolean;
  /** The other events whose excerpts cover this run (shortest excerpt first). */
  otherEventIds: string[];
}

export function segmentText(
  text: string,
  spans: readonly HighlightSpan[],
  currentEventId: string | null,
): TextSegment[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const edges = new Set<number>([0, text.length]);
  for (const s of valid) {
    edges.add(s.start);
    edges.add(s.end);
  }
  const cuts = [...edges].sort((a, b) => a - b);
  const byLength = [...valid].sort((a, b) => a.end - a.start - (b.end - b.start));
  const segments: TextSegment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    // Spans are few per article; a scan per run keeps this simple and is far from any hot path.
    const covering = byLength.filter((s) => s.start <= start && s.end >= end);
    const current = covering.some((s) => s.eventId === currentEventId);
    const otherEventIds = [...new Set(covering.filter((s) => s.eventId !== currentEventId).map((s) => s.eventId))];
    const previous = segments[segments.length - 1];
    if (
      previous &&
      previous.current === current &&
      previous.otherEventIds.join() === otherEventIds.join() &&
      previous.end === start
    ) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
    } else segments.push({ start, end, text: text.slice(start, end), current, otherEventIds });
  }
  return segments;
}
