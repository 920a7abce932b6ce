/**
 * The timeline's side of the store's window (`view.window`, which the URL holds): what the widget last wrote or
 * applied, so the same value coming back is not taken for an outside change; a write delayed until the user's pan
 * or zoom has been quiet for a moment, so that one gesture is one history entry, not fifty; and a write owed once a
 * move the widget started itself (vis's focus(), which has no callback) has settled.
 */
import type { DateWindow } from '../../domain/url-state.ts';
import { sameWindow } from './timeline-window.ts';

export interface WindowSyncInit {
  /** The store's window the timeline opened on (null when it opened on a fit). */
  initial: DateWindow | null;
  /** The days the timeline shows now. */
  shown: () => DateWindow;
  /** Write a window to the store (null: the window follows the data again). */
  write: (window: DateWindow | null) => void;
  /** Quiet time after the user's last move before the window is written. */
  delayMs: number;
}

export class TimelineWindowSync {
  private known: DateWindow | null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private owedAfterMove = false;
  private disposed = false;

  constructor(private readonly init: WindowSyncInit) {
    this.known = init.initial;
  }

  /**
   * The store's window changed: true when it is news to the timeline (to be shown), false when it is the value the
   * timeline wrote or applied last. A pending write of the timeline's own is dropped: the store's value wins.
   */
  fromStore(window: DateWindow | null): boolean {
    if (sameWindow(window, this.known)) return false;
    this.known = window;
    this.cancel();
    return true;
  }

  /** The user moved the window: write it once they have stopped. */
  userMoved(): void {
    this.cancel();
    this.timer = setTimeout(() => this.writeNow(), this.init.delayMs);
  }

  /** A move the timeline starts itself will end with a settled range change: write the window then. */
  writeAfterNextMove(): void {
    this.owedAfterMove = true;
  }

  /** A move that the user did not make has settled (vis's `rangechanged` without byUser). */
  moveSettled(): void {
    if (!this.owedAfterMove) return;
    this.owedAfterMove = false;
    this.writeNow();
  }

  /** Write the shown window now, unless it is what the store already holds. */
  writeNow(): void {
    this.cancel();
    // An animation can end after the timeline was destroyed.
    if (this.disposed) return;
    const window = this.init.shown();
    if (sameWindow(window, this.known)) return;
    this.known = window;
    this.init.write(window);
  }

  /** The window follows the data again ("Fit all"): the store forgets its window. */
  release(): void {
    this.cancel();
    this.known = null;
    this.init.write(null);
  }

  /** The window follows the data again, as release() does, but nothing is written when the store holds none. */
  releaseIfHeld(): void {
    if (this.known === null) this.cancel();
    else this.release();
  }

  /** Drop any pending write. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.owedAfterMove = false;
  }

  dispose(): void {
    this.cancel();
    this.disposed = true;
  }
}
