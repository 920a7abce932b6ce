/**
 * "Open a file…": the header's button, the file input it opens, drag-and-drop onto the page (with an overlay
 * while files are dragged over it) and the dialog that shows the import's progress, its problems and its errors.
 * The work itself is in open-file-store.ts.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ImportSummary } from '../queries/import-file.ts';
import { bindQueryClient, filesOfDrop, useOpenFile } from './open-file-store.ts';

const ACCEPT = '.csv,.tsv,.txt,.geojson,.json,.arrow';
const INPUT_ID = 'open-file-input';

export function OpenFileButton() {
  return (
    <button
      type="button"
      className="open-file-button"
      onClick={() => document.getElementById(INPUT_ID)?.click()}
      title="An ACLED export, a spreadsheet of events (CSV), GeoJSON points, or the files of a dataset pack. Read in this browser: nothing is uploaded."
    >
      Open a file…
    </button>
  );
}

/** Mounted once, beside the explorer: the file input, the drop target and the import dialog. */
export function FileOpener() {
  const client = useQueryClient();
  bindQueryClient(client);
  const openFiles = useOpenFile((s) => s.openFiles);
  const dragging = useFileDrag(openFiles);
  return (
    <>
      <input
        id={INPUT_ID}
        // Not a second control: the header's button opens it, so assistive technology meets one "Open a file…".
        hidden
        type="file"
        accept={ACCEPT}
        multiple
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Cleared so that choosing the same file again is a change too.
          e.currentTarget.value = '';
          openFiles(files);
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-card">
            <p className="drop-overlay-title">Drop to open</p>
            <p>An ACLED export or a spreadsheet of events (CSV), GeoJSON points, or a dataset pack folder.</p>
            <p className="drop-overlay-note">Read in this browser: nothing is uploaded.</p>
          </div>
        </div>
      )}
      <ImportDialog />
    </>
  );
}

/** True while files are dragged over the page; a drop opens them. */
function useFileDrag(openFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(
    function listenForDrops() {
      let depth = 0;
      const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
      const onEnter = (e: DragEvent) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        depth++;
        setDragging(true);
      };
      const onOver = (e: DragEvent) => {
        if (!carriesFiles(e)) return;
        // Without this the browser would open the file itself, replacing the page.
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      };
      const onLeave = (e: DragEvent) => {
        if (!carriesFiles(e)) return;
        depth = Math.max(0, depth - 1);
        if (depth === 0) setDragging(false);
      };
      const onDrop = (e: DragEvent) => {
        if (!e.dataTransfer || !carriesFiles(e)) return;
        e.preventDefault();
        depth = 0;
        setDragging(false);
        // Read the drop's entries now: they are gone once this handler returns.
        filesOfDrop(e.dataTransfer).then(openFiles, (error: unknown) =>
          useOpenFile.setState({
            status: { phase: 'failed', fileName: 'the dropped files', message: String(error), details: [] },
          }),
        );
      };
      window.addEventListener('dragenter', onEnter);
      window.addEventListener('dragover', onOver);
      window.addEventListener('dragleave', onLeave);
      window.addEventListener('drop', onDrop);
      return () => {
        window.removeEventListener('dragenter', onEnter);
        window.removeEventListener('dragover', onOver);
        window.removeEventListener('dragleave', onLeave);
        window.removeEventListener('drop', onDrop);
      };
    },
    [openFiles],
  );
  return dragging;
}

function ImportDialog() {
  const status = useOpenFile((s) => s.status);
  const cancel = useOpenFile((s) => s.cancel);
  const importValidRows = useOpenFile((s) => s.importValidRows);
  const ref = useRef<HTMLDialogElement>(null);
  const open = status.phase !== 'idle';
  useEffect(
    function showAsModal() {
      const dialog = ref.current;
      if (!dialog) return;
      if (open && !dialog.open) dialog.showModal();
      else if (!open && dialog.open) dialog.close();
    },
    [open],
  );
  return (
    <dialog
      ref={ref}
      className="import-dialog"
      aria-labelledby="import-dialog-title"
      onCancel={(e) => {
        // Escape: stop the import or close the message (the dialog closes when the status is idle).
        e.preventDefault();
        cancel();
      }}
    >
      {status.phase === 'reading' && (
        <>
          <h2 id="import-dialog-title">Reading {status.fileName}…</h2>
          <div
            className="import-progress"
            role="progressbar"
            aria-labelledby="import-dialog-title"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(status.fraction * 100)}
          >
            <div className="import-progress-bar" style={{ width: `${Math.round(status.fraction * 100)}%` }} />
          </div>
          <p className="import-note">Read in this browser: nothing is uploaded.</p>
          <div className="import-actions">
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </>
      )}
      {status.phase === 'problems' && <ProblemsView fileName={status.fileName} summary={status.summary} />}
      {status.phase === 'problems' && (
        <div className="import-actions">
          {canImportValidRows(status.summary) && !status.skippedInvalid && (
            <button type="button" className="primary" onClick={importValidRows}>
              Import the valid rows
            </button>
          )}
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {status.phase === 'failed' && (
        <>
          <h2 id="import-dialog-title">{sentenceStart(status.fileName)} could not be opened</h2>
          <p role="alert">{status.message}</p>
          {status.details.length > 0 && (
            <ul className="import-problems">
              {status.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
          <div className="import-actions">
            <button type="button" onClick={cancel}>
              Close
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

/** "the dataset pack" → "The dataset pack"; a file's name is left as it is written. */
const sentenceStart = (subject: string) => (subject.startsWith('the ') ? `T${subject.slice(1)}` : subject);

/** Some rows were refused and some were not: leaving the refused ones out gives a dataset. */
const canImportValidRows = (summary: ImportSummary) =>
  summary.rowsRefused > 0 && summary.rowsRefused < summary.rowsRead;

function ProblemsView({ fileName, summary }: { fileName: string; summary: ImportSummary }) {
  const { rowsRefused, rowsRead, problems, moreProblems } = summary;
  const valid = Math.max(0, rowsRead - rowsRefused);
  return (
    <>
      <h2 id="import-dialog-title">
        {rowsRefused > 0
          ? `${rowsRefused.toLocaleString('en')} of ${rowsRead.toLocaleString('en')} rows of ${fileName} cannot be imported`
          : `${fileName} cannot be imported`}
      </h2>
      <p>
        {canImportValidRows(summary)
          ? `Nothing has been imported. You can import the ${valid.toLocaleString('en')} valid rows and leave these out, or cancel and correct the file.`
          : 'Nothing has been imported. Correct the file and open it again.'}
      </p>
      <ul className="import-problems" aria-label="Problems">
        {problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
        {moreProblems > 0 && <li className="import-more">and {moreProblems.toLocaleString('en')} more</li>}
      </ul>
    </>
  );
}
