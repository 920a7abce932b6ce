/**
 * The store's requests to reveal the selection: which views are asked to move, and that each selection asks once.
 * What the views then do with a request is theirs (the map's fit, the timeline's reveal).
 */
import { beforeEach, describe, expect, it } from 'vitest';
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
