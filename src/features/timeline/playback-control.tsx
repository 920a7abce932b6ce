/**
 * The play control on the timeline (domain/playback.ts): Play/Pause, the window's width and speed, and a slider
 * for where the window is. While it plays, one requestAnimationFrame loop here moves the window in the store; the
 * map and the timeline draw it from their store subscriptions in the same frame, the list follows a few times a
 * second (state/playback-rows.ts). Pause — or the end of the data — leaves the window as the date filter, which
 * puts it in the link.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { describeInterval } from '../../domain/date-display.ts';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import { fromEpochDay, toEpochDay } from '../../domain/iso-day.ts';
import {
  advancePlayback,
  defaultPlayback,
  playbackEnd,
  playbackToStart,
  PLAYBACK_SPEEDS,
  PLAYBACK_WIDTHS,
  type Playback,
} from '../../domain/playback.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';

const WIDTH_LABELS: Record<number, string> = {
  7: '1 week',
  14: '2 weeks',
  30: '1 month',
  91: '3 months',
  182: '6 months',
  365: '1 year',
};
const SPEED_LABELS: Record<number, string> = {
  1: '1 day/s',
  3: '3 days/s',
  7: '1 week/s',
  14: '2 weeks/s',
  30: '1 month/s',
  60: '2 months/s',
  120: '4 months/s',
  365: '1 year/s',
};

/** Frame measures kept at most (about a minute and a half of playback at 60 frames per second). */
const MAX_FRAME_MEASURES = 5000;

/** "3–9 March 2020", "28 February – 5 March 2020": the days a window covers. */
export function windowLabel(p: Pick<Playback, 'start' | 'widthDays'>): string {
  return describeInterval({
    earliest: fromEpochDay(p.start),
    latest: fromEpochDay(playbackEnd(p)),
    precision: 'day',
    qualifier: null,
  });
}

export function PlaybackControl({ index }: { index: DatasetIndex }) {
  const span = useMemo(
    () => (index.extent ? { first: toEpochDay(index.extent.earliest), last: toEpochDay(index.extent.latest) } : null),
    [index],
  );
  const playback = useExplorerStore((s) => s.playback);
  const from = useExplorerStore((s) => s.view.from);
  const to = useExplorerStore((s) => s.view.to);
  const [choice, setChoice] = useState(() => (span ? defaultPlayback(span.first, span.last) : null));
  // A date filter (a paused window, a link's from/to) is the window the control shows and plays from: its width is
  // the filter's, so a reload of a paused link shows the same window, and a nudge of the slider keeps its width.
  const filterWidth = from !== null && to !== null && to >= from ? toEpochDay(to) - toEpochDay(from) + 1 : null;
  useEffect(
    function takeTheDateFilterWidth() {
      if (filterWidth !== null && !useExplorerStore.getState().playback?.playing)
        setChoice((c) => (c && c.widthDays !== filterWidth ? { ...c, widthDays: filterWidth } : c));
    },
    [filterWidth],
  );
  const [announcement, setAnnouncement] = useState('');
  const ids = { width: useId(), speed: useId(), position: useId() };
  const playing = playback?.playing === true;

  useEffect(
    function playFrameByFrame() {
      if (!playing || !span) return;
      let last = performance.now();
      let carry = 0;
      // The page keeps every measure: a long, slow playback would pile up hundreds of thousands of them.
      let measures = 0;
      performance.clearMeasures('playback:frame');
      let frame = requestAnimationFrame(function tick(now) {
        const store = useExplorerStore.getState();
        const current = store.playback;
        if (!current?.playing) return;
        const next = advancePlayback(current, now - last, span.last, carry);
        last = now;
        carry = next.carry;
        if (next.playback.start !== current.start) {
          // What one moved window costs the page (the map's canvas, the timeline's band), for `npm run bench`.
          const started = performance.now();
          store.movePlayback(next.playback.start);
          performance.measure('playback:frame', { start: started, end: performance.now() });
          if (++measures >= MAX_FRAME_MEASURES) {
            performance.clearMeasures('playback:frame');
            measures = 0;
          }
        }
        if (next.done) {
          store.pause();
          return;
        }
        frame = requestAnimationFrame(tick);
      });
      return () => cancelAnimationFrame(frame);
    },
    [playing, span],
  );

  if (!span || !choice) return null;
  const shown = playback?.playing
    ? playback
    : { ...choice, start: from ? Math.max(span.first, toEpochDay(from)) : (playback?.start ?? span.first) };
  const widths = PLAYBACK_WIDTHS.includes(choice.widthDays as (typeof PLAYBACK_WIDTHS)[number])
    ? [...PLAYBACK_WIDTHS]
    : [...PLAYBACK_WIDTHS, choice.widthDays].sort((a, b) => a - b);
  const lastStart = Math.max(span.first, span.last - shown.widthDays + 1);

  const toggle = () => {
    const store = useExplorerStore.getState();
    if (playing) {
      store.pause();
      const paused = store.playback;
      setAnnouncement(paused ? `Paused. The date filter is now ${windowLabel(paused)}.` : 'Paused.');
      return;
    }
    const start = playbackToStart(
      choice,
      span.first,
      span.last,
      from === null ? null : toEpochDay(from),
      to === null ? null : toEpochDay(to),
    );
    store.play(start);
    setAnnouncement(`Playing from ${windowLabel(start)}.`);
  };
  const choose = (patch: Partial<Pick<Playback, 'widthDays' | 'daysPerSecond'>>) => {
    setChoice((c) => (c ? { ...c, ...patch } : c));
    const store = useExplorerStore.getState();
    if (store.playback?.playing) store.setPlaybackChoice(patch);
  };

  return (
    <div className="playback-control" role="group" aria-label="Playback">
      {/* The label is the action (Play, Pause), as in media players: the state is read in its name. */}
      <button
        type="button"
        className={playing ? 'playback-toggle is-playing' : 'playback-toggle'}
        onClick={toggle}
        title={playing ? 'Pause: the window stays as the date filter' : 'Play the events through time'}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
      </button>
      <label className="visually-hidden" htmlFor={ids.width}>
        Window
      </label>
      <select
        id={ids.width}
        value={choice.widthDays}
        title="How many days the window shows"
        onChange={(e) => choose({ widthDays: Number(e.target.value) })}
      >
        {widths.map((w) => (
          <option key={w} value={w}>
            {WIDTH_LABELS[w] ?? `${w} days`}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={ids.speed}>
        Speed
      </label>
      <select
        id={ids.speed}
        value={choice.daysPerSecond}
        title="How fast the window moves"
        onChange={(e) => choose({ daysPerSecond: Number(e.target.value) })}
      >
        {PLAYBACK_SPEEDS.map((v) => (
          <option key={v} value={v}>
            {SPEED_LABELS[v] ?? `${v} days/s`}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={ids.position}>
        Window position
      </label>
      <input
        id={ids.position}
        type="range"
        className="playback-position"
        min={span.first}
        max={lastStart}
        step={1}
        value={Math.min(shown.start, lastStart)}
        aria-valuetext={windowLabel(shown)}
        onChange={(e) =>
          useExplorerStore
            .getState()
            .seek({ start: Number(e.target.value), widthDays: shown.widthDays, daysPerSecond: shown.daysPerSecond })
        }
      />
      <output className="playback-window" htmlFor={ids.position}>
        {windowLabel(shown)}
      </output>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
