/**
 * The store's requests to reveal the selection: which views are asked to move, and that each selection asks once.
 * What the views then do with a request is theirs (the map's fit, the timeline's reveal).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { toEpochDay } from '../domain/iso-day.ts';
import { EMPTY_VIEW, type ViewState } from '../domain/url-state.ts';
import { useExplorerStore } from './explorer-store.ts';

const store = () => useExplorerStore.getState();
const link = (patch: Partial<ViewState>): ViewState => ({ ...EMPTY_VIEW, ...patch });
const SEPTEMBER = { start: '2021-09-01', end: '2021-09-30' };

beforeEach(() => store().startDataset(EMPTY_VIEW, []));

describe('revealing the selection', () => {
  it('asks every view to reveal an event selected in the list', () => {
    store().selectEvent('sochi', 'list');
    expect(store().reveal).toMatchObject({ eventId: 'sochi', madeIn: 'list', keepTimelineWindow: false });
  });

  it('tells the views which one the selection was made in: the map need not move for its own click', () => {
    store().selectEvent('sochi', 'map');
    expect(store().reveal).toMatchObject({ eventId: 'sochi', madeIn: 'map' });
    store().selectEvent('moscow', 'timeline');
    expect(store().reveal).toMatchObject({ eventId: 'moscow', madeIn: 'timeline' });
  });

  it('makes a new request for each new selection, none for the same one again, and clears it on deselection', () => {
    store().selectEvent('sochi', 'list');
    const first = store().reveal!;
    store().selectEvent('sochi', 'map');
    expect(store().reveal).toBe(first);
    store().selectEvent('moscow', 'list');
    expect(store().reveal!.id).not.toBe(first.id);
    store().selectEvent(null, 'list');
    expect(store().reveal).toBeNull();
    store().selectEvent('sochi', 'list');
    expect(store().reveal!.id).not.toBe(first.id);
  });

  it('does not repeat a request when something else changes', () => {
    store().selectEvent('sochi', 'list');
    const request = store().reveal;
    store().setFilters({ type: ['meeting'] });
    store().setWindow(SEPTEMBER);
    store().hoverEvent('moscow');
    store().openReader('article-1');
    expect(store().reveal).toBe(request);
  });

  it('reveals a link’s event everywhere, keeping the timeline on the link’s window when it has one', () => {
    store().startDataset(link({ event: 'sochi' }), []);
    expect(store().reveal).toMatchObject({ eventId: 'sochi', madeIn: null, keepTimelineWindow: false });
    store().startDataset(link({ event: 'sochi', window: SEPTEMBER }), []);
    expect(store().reveal).toMatchObject({ eventId: 'sochi', madeIn: null, keepTimelineWindow: true });
    store().startDataset(link({ window: SEPTEMBER }), []);
    expect(store().reveal).toBeNull();
  });

  it('on Back/Forward reveals a selection that changed, and asks nothing when the event stayed the same', () => {
    store().selectEvent('sochi', 'map');
    const request = store().reveal;
    store().restoreView(link({ event: 'sochi', type: ['meeting'] }));
    expect(store().reveal).toBe(request);
    store().restoreView(link({ event: 'moscow', window: SEPTEMBER }));
    expect(store().reveal).toMatchObject({ eventId: 'moscow', madeIn: null, keepTimelineWindow: true });
    store().restoreView(link({}));
    expect(store().reveal).toBeNull();
  });
});

describe('playback', () => {
  const day = toEpochDay;
  const march = { start: day('2020-03-01'), widthDays: 31, daysPerSecond: 7 };

  it('moves the window without touching the view, and pausing makes the window the date filter', () => {
    store().setFilters({ type: ['attack'] });
    store().play(march);
    store().movePlayback(day('2020-03-08'));
    expect(store().view).toMatchObject({ from: null, to: null, type: ['attack'] });
    store().pause();
    expect(store().playback).toMatchObject({ playing: false, start: day('2020-03-08') });
    expect(store().view).toMatchObject({ from: '2020-03-08', to: '2020-04-07', type: ['attack'] });
  });

  it('stops playing when the user types a date, which applies as typed', () => {
    store().play(march);
    store().setFilters({ from: '2019-01-01' });
    expect(store().playback?.playing).toBe(false);
    expect(store().view.from).toBe('2019-01-01');
    // Other filters leave it playing.
    store().play(march);
    store().setFilters({ type: ['meeting'] });
    expect(store().playback?.playing).toBe(true);
  });

  it('stops without writing the window on Back/Forward, and forgets it with a new dataset', () => {
    store().play(march);
    store().restoreView(link({ from: '2018-01-01', to: '2018-12-31' }));
    expect(store().playback?.playing).toBe(false);
    expect(store().view).toMatchObject({ from: '2018-01-01', to: '2018-12-31' });
    store().startDataset(EMPTY_VIEW, []);
    expect(store().playback).toBeNull();
  });

  it('a seek while paused is the date filter at once; while playing it only moves the window', () => {
    store().seek(march);
    expect(store().view).toMatchObject({ from: '2020-03-01', to: '2020-03-31' });
    store().play(march);
    store().seek({ ...march, start: day('2020-05-01') });
    expect(store().playback).toMatchObject({ playing: true, start: day('2020-05-01') });
    expect(store().view).toMatchObject({ from: '2020-03-01', to: '2020-03-31' });
  });
});

describe('playback and stories', () => {
  it('playing or moving the window leaves the story: its step would contradict the window', () => {
    const window = { start: toEpochDay('2020-03-01'), widthDays: 31, daysPerSecond: 7 };
    store().restoreView(link({ story: 'idlib', step: 3, event: 'sochi' }));
    store().play(window);
    expect(store().view).toMatchObject({ story: null, step: null, event: 'sochi' });
    store().pause();
    store().restoreView(link({ story: 'idlib', step: 3 }));
    store().seek(window);
    expect(store().view).toMatchObject({ story: null, step: null, from: '2020-03-01' });
  });
});
