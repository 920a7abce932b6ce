/**
 * In-page timing of what users wait for, as standard Performance entries that `npm run bench` (and anyone with the
 * browser's performance panel) reads: `filter:painted`, `select:painted`, `search:results` measure from the user's
 * action to the first paint after the views committed it; `explorer:ready` marks the first paint of rows and
 * timeline. Nothing here changes behaviour, and the cost is one timestamp per action.
 */

export type Interaction = 'filter' | 'select' | 'search';

const started = new Map<Interaction, number>();

/** The user just did `interaction` (called by the store's actions). */
export function startInteraction(interaction: Interaction): void {
  started.set(interaction, performance.now());
}

/**
 * Calls `then` after the next paint: a frame callback runs before the paint, and a message posted from it is
 * delivered after that frame has been painted.
 */
export function afterNextPaint(then: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then();
    channel.port2.postMessage(null);
  });
}

/** The views committed the result of `interaction`: measure until it is on screen. */
export function finishInteraction(interaction: Interaction, detail?: Record<string, unknown>): void {
  const start = started.get(interaction);
  if (start === undefined) return;
  started.delete(interaction);
  afterNextPaint(() => {
    const name = interaction === 'search' ? 'search:results' : `${interaction}:painted`;
    performance.measure(name, { start, end: performance.now(), ...(detail ? { detail } : {}) });
  });
}

/** A measured synchronous computation (e.g. the engine's filter pass), as a `name` measure. */
export function measured<T>(name: string, compute: () => T, detail?: (result: T) => Record<string, unknown>): T {
  const start = performance.now();
  const result = compute();
  performance.measure(name, { start, end: performance.now(), ...(detail ? { detail: detail(result) } : {}) });
  return result;
}

const readyParts = new Set<'rows' | 'timeline'>();
let ready = false;

/**
 * Marks `explorer:ready` once, after the first paint that shows both the rows and the timeline (whichever is
 * committed last: the timeline's code is its own chunk and may arrive after the data).
 */
export function markReadyPart(part: 'rows' | 'timeline'): void {
  readyParts.add(part);
  if (ready || readyParts.size < 2) return;
  ready = true;
  afterNextPaint(() => performance.mark('explorer:ready'));
}
