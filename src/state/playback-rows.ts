/**
 * The list's side of a playback: while a window plays, the list shows the events inside it. The window moves every
 * frame, the list follows a few times a second — a virtualised list re-rendered sixty times a second would take the
 * frames the map and the timeline need, and no one reads a list that fast.
 */
import { useEffect, useState } from 'react';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import { playbackEnd, rowsInWindow } from '../domain/playback.ts';
import { useExplorerStore } from './explorer-store.ts';

/** How often the list catches up with a playing window. */
const LIST_FOLLOW_MS = 250;

/** The rows of `rows` inside the playing window, or null when nothing plays (the list shows `rows`' own order). */
export function usePlayingRows(index: DatasetIndex, rows: Int32Array): Int32Array | null {
  const playing = useExplorerStore((s) => s.playback?.playing === true);
  const [inWindow, setInWindow] = useState<{ rows: Int32Array; result: Int32Array } | null>(null);
  useEffect(
    function followThePlayingWindow() {
      if (!playing) return;
      let shownStart: number | null = null;
      const update = () => {
        const playback = useExplorerStore.getState().playback;
        if (!playback?.playing || playback.start === shownStart) return;
        shownStart = playback.start;
        const { earliest, latest } = index.columns;
        setInWindow({ rows, result: rowsInWindow(earliest, latest, rows, playback.start, playbackEnd(playback)) });
      };
      update();
      const timer = window.setInterval(update, LIST_FOLLOW_MS);
      return () => window.clearInterval(timer);
    },
    [index, rows, playing],
  );
  return playing && inWindow?.rows === rows ? inWindow.result : null;
}
