/** Composition root: providers, and the loading and error states around the explorer. */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DatasetLoadError, datasetQueryOptions } from '../queries/dataset-query.ts';
import { Explorer } from './explorer.tsx';

export function App() {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <DatasetGate />
    </QueryClientProvider>
  );
}

function DatasetGate() {
  const query = useQuery(datasetQueryOptions);
  if (query.isPending)
    return (
      <main className="app-state" aria-busy="true">
        <div className="spinner" aria-hidden="true" />
        <p role="status">Loading the dataset…</p>
      </main>
    );
  if (query.isError) {
    const error = query.error;
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
          <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
            {query.isFetching ? 'Retrying…' : 'Retry'}
          </button>
        </div>
      </main>
    );
  }
  return <Explorer index={query.data} />;
}
