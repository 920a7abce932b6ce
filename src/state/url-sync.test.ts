/**
 * The URL bridge and the store together, with a stand-in for the browser's location and history: what each action
 * does to the Back button, what a link restores, and that restoring writes nothing back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import { EMPTY_VIEW, type ViewState } from '../domain/url-state.ts';
import { useExplorerStore } from './explorer-store.ts';
import { connectUrlToStore, historyWrite, restoreViewFromUrl } from './url-sync.ts';

/** A browser tab's history: entries, the current one, and popstate on Back. */
class FakeTab {
  entries = ['/'];
  at = 0;
  private listeners = new Set<() => void>();
  readonly location = { pathname: '/', hash: '', search: '' };
  readonly history = {
    pushState: (_: unknown, __: string, url: string) => {
      this.entries = [...this.entries.slice(0, this.at + 1), url];
      this.at = this.entries.length - 1;
      this.sync();
    },
    replaceState: (_: unknown, __: string, url: string) => {
      this.entries[this.at] = url;
      this.sync();
    },
  };
  addEventListener = (type: string, listener: () => void) => type === 'popstate' && this.listeners.add(listener);
  removeEventListener = (type: string, listener: () => void) => type === 'popstate' && this.listeners.delete(listener);

  open(url: string) {
    this.entries = [url];
    this.at = 0;
    this.sync();
  }
  back() {
    this.at -= 1;
    this.sync();
    for (const listener of this.listeners) listener();
  }
  private sync() {
    this.location.search = this.entries[this.at]!.replace(/^\/*/, '').replace(/^[^?]*/, '');
  }
}

const ids = (...list: string[]) => new Set(list);
const DAYS: Record<string, string> = { 'sochi-2021': '2021-09-29', 'moscow-2020': '2020-03-05' };
const index = {
  known: {
    events: ids('sochi-2021', 'moscow-2020'),
    actors: ids('turkey', 'russia'),
    places: ids('idlib'),
    types: ids('meeting', 'ceasefire'),
    sources: ids('article-1'),
    storySteps: new Map([['two-meetings', 2]]),
  },
  stories: [
    {
      id: 'two-meetings',
      title: 'Two meetings',
      steps: [
        { text: 'Moscow', events: ['moscow-2020'] },
        { text: 'Sochi', events: ['sochi-2021'] },
      ],
    },
  ],
  summaryById: (id: string) =>
    DAYS[id] ? { id, date: { earliest: DAYS[id], latest: DAYS[id] }, places: [] } : undefined,
  placeById: new Map(),
} as unknown as DatasetIndex;
const DATASET = { param: null, defaultId: 'bundled' };

let tab: FakeTab;
let disconnect: () => void;
const view = (): ViewState => useExplorerStore.getState().view;

function openLink(url: string) {
  tab.open(url);
  restoreViewFromUrl(index, DATASET);
  disconnect = connectUrlToStore(index, DATASET);
}

beforeEach(() => {
  tab = new FakeTab();
  Object.assign(globalThis, { window: tab });
});
afterEach(() => {
  disconnect?.();
  Reflect.deleteProperty(globalThis, 'window');
});

describe('historyWrite', () => {
  const base: ViewState = { ...EMPTY_VIEW, event: 'sochi-2021' };
  it.each<[string, ViewState, string]>([
    ['the same view', base, 'none'],
    ['only the timeline window moved', { ...base, window: { start: '2021-01-01', end: '2021-12-31' } }, 'replace'],
    ['another event selected', { ...base, event: 'moscow-2020' }, 'push'],
    ['a filter', { ...base, type: ['meeting'] }, 'push'],
    ['an article opened', { ...base, read: 'article-1' }, 'push'],
    [
      'a filter and the window together',
      { ...base, type: ['meeting'], window: { start: '2021-01-01', end: '2021-02-01' } },
      'push',
    ],
  ])('%s → %s', (_, next, expected) => {
    expect(historyWrite(base, next)).toBe(expected);
  });
});

describe('the store and the address bar', () => {
  it('restores a link, reports what it could not follow, and shows the cleaned link without a new entry', () => {
    openLink('/?event=sochi-2021&type=meeting,nonsense');
    expect(view()).toMatchObject({ event: 'sochi-2021', type: ['meeting'] });
    expect(
      useExplorerStore
        .getState()
        .notices.map((n) => n.message)
        .join(' '),
    ).toMatch(/nonsense/);
    expect(tab.entries).toEqual(['/?event=sochi-2021&type=meeting']);
  });

  it('pushes a selection and a filter, replaces a pan, and Back walks the pushes', () => {
    openLink('/');
    useExplorerStore.getState().selectEvent('sochi-2021', 'list');
    const reveal = useExplorerStore.getState().reveal;
    useExplorerStore.getState().setFilters({ type: ['meeting'] });
    useExplorerStore.getState().setWindow({ start: '2021-09-01', end: '2021-10-01' });
    expect(tab.entries).toEqual([
      '/',
      '/?event=sochi-2021',
      '/?event=sochi-2021&type=meeting&window=2021-09-01..2021-10-01',
    ]);

    tab.back();
    expect(view()).toMatchObject({ event: 'sochi-2021', type: [], window: null });
    // Restoring from Back wrote nothing: the forward entry is still there.
    expect(tab.entries).toHaveLength(3);
    // Back to the same event asks no view to move again.
    expect(useExplorerStore.getState().reveal).toBe(reveal);
  });

  it('writes nothing when an action leaves the link as it was', () => {
    openLink('/?event=sochi-2021');
    useExplorerStore.getState().setFilters({ type: [] });
    useExplorerStore.getState().selectEvent('sochi-2021', 'map');
    expect(tab.entries).toEqual(['/?event=sochi-2021']);
  });

  it('does not write a newly mounted dataset’s view into the history of the one it replaces', () => {
    openLink('/?event=sochi-2021');
    // The next explorer restores its view while this one still listens (a dataset switch).
    restoreViewFromUrl({ known: index.known } as unknown as DatasetIndex, DATASET, { ignoreLink: true });
    expect(view().event).toBeNull();
    expect(tab.entries).toEqual(['/?event=sochi-2021']);
  });

  describe('an embedded page', () => {
    it('opens a story step named by an embedded link, and every link it writes stays embedded', () => {
      openLink('/?story=two-meetings&step=2&embed=1');
      expect(view()).toMatchObject({ story: 'two-meetings', step: 2, event: 'sochi-2021', embed: true });
      expect(tab.entries[0]).toMatch(/^\/\?event=sochi-2021&window=.*&story=two-meetings&step=2&embed=1$/);
      useExplorerStore.getState().selectEvent('moscow-2020', 'list');
      useExplorerStore.getState().setFilters({ type: ['meeting'] });
      useExplorerStore.getState().leaveStory();
      expect(tab.entries).toHaveLength(4);
      for (const entry of tab.entries) expect(entry).toMatch(/[?&]embed=1$/);
      tab.back();
      expect(view()).toMatchObject({ type: ['meeting'], story: 'two-meetings', embed: true });
    });

    it('stays embedded when its link names a dataset that is not here', () => {
      tab.open('/?dataset=gone&event=sochi-2021&embed=1');
      restoreViewFromUrl(index, DATASET, { ignoreLink: true });
      expect(view()).toEqual({ ...EMPTY_VIEW, embed: true });
    });
  });
});
