/**
 * Builds a pack's search index in a worker thread, so that on a machine with two cores the tables are encoded
 * while the index (most of the work of a large import: 10 of 13 s at 100,000 ACLED rows) is built beside them.
 * The documents are prepared here and copied to the thread; the thread returns the index as JSON.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import v8 from 'node:v8';
import type { Dataset } from '../../src/domain/dataset-schema.ts';
import {
  searchDocuments,
  searchFieldsFor,
  serializeSearchDocuments,
  type SearchDocument,
  type SearchField,
  type SerializedSearch,
} from '../../src/domain/event-search.ts';

interface Job {
  documents: SearchDocument[];
  fields: readonly SearchField[];
}

if (!isMainThread && parentPort) {
  const { documents, fields } = workerData as Job;
  parentPort.postMessage(serializeSearchDocuments(documents, fields));
}

export function serializeSearchInThread(dataset: Dataset): Promise<SerializedSearch> {
  const job: Job = { documents: searchDocuments(dataset), fields: searchFieldsFor(dataset.events.length) };
  return new Promise((resolve, reject) => {
    // A worker thread does not inherit tsx's loader: a small bootstrap registers it, then loads this module.
    const bootstrap = `(async () => {
      const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))});
      register();
      await import(${JSON.stringify(import.meta.url)});
    })()`;
    const worker = new Worker(bootstrap, {
      eval: true,
      workerData: job,
      // The index can take more than a thread's default heap: give it this process's own limit.
      resourceLimits: { maxOldGenerationSizeMb: Math.floor(v8.getHeapStatistics().heap_size_limit / 2 ** 20) },
    });
    worker.once('message', (index: SerializedSearch) => {
      resolve(index);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the search index thread stopped with exit code ${code}`));
    });
  });
}
