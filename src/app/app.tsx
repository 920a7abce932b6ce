/**
 * Composition root: providers; which dataset is open (the deployment's list of datasets, the URL's `dataset`, the
 * files opened in this page); and the loading and error states around the explorer of that dataset.
 */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { DatasetLoadError, datasetQueryOptions } from '../queries/dataset-query.ts';
import {
  datasetCatalogQueryOptions,
  type DatasetCatalog,
  type DatasetChoice,
} from '../queries/dataset-registry-query.ts';
import { isLocalDatasetId, useDatasetNav } from './dataset-nav.ts';
import { Explorer, type ExplorerDataset } from './explorer.tsx';
import { FileOpener } from './open-file.tsx';

export function App() {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <DatasetGate />
      <FileOpener />
    </QueryClientProvider>
  );
}

function LoadingScreen({ what = 'the dataset' }: { what?: string }) {
  return (
    <main className="app-state" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p role="status">Loading {what}…</p>
    </main>
  );
}

function LoadErrorScreen({ error, retry, retrying }: { error: Error; retry: () => void; retrying: boolean }) {
  const details = error instanceof DatasetLoadError ? error.details : [];
  return (
    <main className="app-state">
      <div role="alert" className="load-error">
        <h1>The events could not be shown</h1>
        <p>{error.message}</p>
        {details.length > 0 && (
          <ul>
            {details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
        <button type="button" onClick={retry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      </div>
    </main>
  );
}

/** The dataset to show for the URL's `dataset` parameter, and what to tell the user when it is not there. */
function resolveDataset(
  catalog: DatasetCatalog,
  locals: readonly DatasetChoice[],
  param: string | null,
): { shown: DatasetChoice; notFound: string | null } {
  const fallback = catalog.served.find((c) => c.id === catalog.defaultId) ?? catalog.served[0]!;
  const wanted = param ?? catalog.defaultId;
  const found = catalog.served.find((c) => c.id === wanted) ?? locals.find((c) => c.id === wanted);
  if (found) return { shown: found, notFound: null };
  const notFound = isLocalDatasetId(wanted)
    ? `The dataset "${wanted}" was a file opened in this browser earlier; opened files are not kept, so open it again with "Open a file…". The default dataset is shown.`
    : `There is no dataset "${wanted}" here; the default dataset is shown.`;
  return { shown: fallback, notFound };
}

function DatasetGate() {
  const syncFromLocation = useDatasetNav((s) => s.syncFromLocation);
  useEffect(
    function followBackAndForward() {
      window.addEventListener('popstate', syncFromLocation);
      return () => window.removeEventListener('popstate', syncFromLocation);
    },
    [syncFromLocation],
  );
  const catalog = useQuery(datasetCatalogQueryOptions);
  const param = useDatasetNav((s) => s.param);
  const locals = useDatasetNav((s) => s.locals);
  const switchTo = useDatasetNav((s) => s.switchTo);
  const resolved = catalog.data ? resolveDataset(catalog.data, locals, param) : null;
  // The explorer drops an unknown dataset from the URL as it mounts; the parameter read here may stay stale until
  // the next Back/Forward or switch, which is harmless: it only decides what a new mount shows.
  const notFound = resolved?.notFound ?? null;
  if (catalog.isPending) return <LoadingScreen />;
  if (catalog.isError)
    return <LoadErrorScreen error={catalog.error} retry={() => void catalog.refetch()} retrying={catalog.isFetching} />;
  const { shown } = resolved!;
  const dataset: ExplorerDataset = {
    current: shown,
    choices: [...catalog.data.served, ...locals],
    url: { param: shown.id === catalog.data.defaultId ? null : shown.id, defaultId: catalog.data.defaultId },
    onSwitch: (id) => switchTo(id, catalog.data.defaultId),
    restore: {
      ignoreLink: notFound !== null,
      notices: [...catalog.data.problems, ...(notFound ? [notFound] : []), ...(shown.notices ?? [])],
    },
  };
  return <DatasetView dataset={dataset} />;
}

function DatasetView({ dataset }: { dataset: ExplorerDataset }) {
  const query = useQuery(datasetQueryOptions(dataset.current));
  if (query.isPending) return <LoadingScreen />;
  if (query.isError)
    return <LoadErrorScreen error={query.error} retry={() => void query.refetch()} retrying={query.isFetching} />;
  return (
    <OneAtATime id={dataset.current.id}>
      <Explorer key={dataset.current.id} index={query.data} dataset={dataset} />
    </OneAtATime>
  );
}

/**
 * When the dataset changes while both are loaded (Back across a switch), the old explorer is unmounted for one
 * frame before the new one mounts: the new one resets the shared store as it first renders, which must not
 * happen while the old one's views are still subscribed to it.
 */
function OneAtATime({ id, children }: { id: string; children: ReactNode }) {
  const [mounted, setMounted] = useState(id);
  useEffect(
    function mountTheNextOneAfterThisCommit() {
      if (mounted === id) return;
      // A task later: by then the old explorer's unmount (its store subscriptions included) has run.
      const timer = window.setTimeout(() => setMounted(id), 0);
      return () => window.clearTimeout(timer);
    },
    [id, mounted],
  );
  return mounted === id ? children : <LoadingScreen />;
}
