/**
 * A press on the timeline, from the pointer going down on it to its release anywhere (a drag may end outside the
 * timeline), and whether the window moved meanwhile: the browser sends a click at the end of a drag too, and that
 * click is a pan's end, not a request to select or zoom. Rebuilding the timeline under a press would also cut the
 * user's drag short, so the controller waits while one lasts.
 */
export class TimelinePress {
  private down = false;
  private dragged = false;

  /** The pointer went down on the timeline. */
  press(): void {
    this.down = true;
    this.dragged = false;
  }

  /** The pointer came up (or the press was cancelled), wherever it is. */
  release(): void {
    this.down = false;
  }

  /** The user moved the window (vis's `rangechange` by the user). */
  moved(): void {
    if (this.down) this.dragged = true;
  }

  /** A press is under way. */
  get isDown(): boolean {
    return this.down;
  }

  /** The click that ends the last press asks for something (select, zoom): the press did not drag the window. */
  get clickCounts(): boolean {
    return !this.dragged;
  }
}
