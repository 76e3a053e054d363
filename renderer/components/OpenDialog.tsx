/**
 * Open an article: a path for the translation and, optionally, one for its source; a folder browser fills
 * whichever field is chosen; recent articles open with one click. Works the same in Electron and the browser.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DirectoryListing, RecentFile, RedlineClient } from '../../shared/contract';
import type { Failure } from '../../shared/result';
import { formatBytes } from './format-bytes';
import { FormError, useModalDialog } from './modal';
import './open-dialog.css';

interface Props {
  readonly client: RedlineClient;
  readonly onClose: () => void;
  /** Opens the article; resolves to the failure, if any, to show in the dialog. */
  readonly onOpen: (path: string, sourcePath: string | undefined) => Promise<Failure | undefined>;
}

/** A small folder or page outline, drawn inline so it shows whatever fonts the system has. */
function EntryIcon({ kind }: { kind: 'file' | 'directory' }) {
  return (
    <svg className="browser__icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      {kind === 'directory' ? (
        <path d="M1.5 3.5h4l1.5 1.5h7.5v8h-13z" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
      ) : (
        <path d="M3.5 1.5h6l3 3v10h-9z M9.5 1.5v3h3" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
      )}
    </svg>
  );
}

export function OpenDialog({ client, onClose, onOpen }: Props) {
  const ref = useModalDialog();
  const [path, setPath] = useState('');
  const [sourcePath, setSourcePath] = useState('');
  const [pickFor, setPickFor] = useState<'translation' | 'source'>('translation');
  const [listing, setListing] = useState<DirectoryListing>();
  const [recent, setRecent] = useState<readonly RecentFile[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const browse = useCallback(
    async (folder?: string) => {
      const r = await client.listDirectory(folder ? { path: folder } : {});
      if (r.ok) setListing(r.value);
      else setError(r.error.message);
    },
    [client],
  );

  useEffect(() => {
    void browse();
    void client.recentFiles({}).then((r) => r.ok && setRecent(r.value));
  }, [browse, client]);

  const submit = async (p: string, s: string | undefined) => {
    if (!p.trim()) {
      setError('Give the path of the translated article.');
      return;
    }
    setBusy(true);
    setError(undefined);
    const failure = await onOpen(p.trim(), s?.trim() || undefined);
    setBusy(false);
    if (failure) setError(failure.message);
  };

  return (
    <dialog ref={ref} className="dialog dialog--open" aria-label="Open an article" onClose={onClose}>
      <h2>Open an article</h2>
      <form
        className="open-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(path, sourcePath);
        }}
      >
        <label htmlFor="open-path">Translation file</label>
        <input
          id="open-path"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          onFocus={() => setPickFor('translation')}
          placeholder="/path/to/article.txt"
          aria-describedby="open-formats"
          autoFocus
          spellCheck={false}
        />
        <p id="open-formats" className="open-form__formats">
          Plain text, Markdown, XLIFF (.xlf, .xliff, .sdlxliff), Word (.docx), HTML, or a bilingual table (.tsv, .csv).
        </p>
        <label htmlFor="open-source">Source file (optional)</label>
        <input
          id="open-source"
          value={sourcePath}
          onChange={(e) => setSourcePath(e.target.value)}
          onFocus={() => setPickFor('source')}
          placeholder="/path/to/source.txt"
          spellCheck={false}
        />
        <FormError message={error} />
        <fieldset className="open-form__pick">
          <legend>A file chosen below fills the</legend>
          <label>
            <input type="radio" name="pick-for" checked={pickFor === 'translation'} onChange={() => setPickFor('translation')} />{' '}
            translation
          </label>
          <label>
            <input type="radio" name="pick-for" checked={pickFor === 'source'} onChange={() => setPickFor('source')} /> source
          </label>
        </fieldset>
        {listing && (
          <div className="browser" aria-label={`Folder ${listing.path}`} role="group">
            <div className="browser__path">
              {listing.parent && (
                <button type="button" onClick={() => void browse(listing.parent)} aria-label="Up one folder">
                  ↰
                </button>
              )}
              <code>{listing.path}</code>
            </div>
            <ul className="browser__list">
              {listing.entries.map((entry) => (
                <li key={entry.path}>
                  <button
                    type="button"
                    className={`browser__entry browser__entry--${entry.kind}`}
                    onClick={() => {
                      if (entry.kind === 'directory') void browse(entry.path);
                      else if (pickFor === 'source') setSourcePath(entry.path);
                      else setPath(entry.path);
                    }}
                    onDoubleClick={() =>
                      entry.kind === 'file' &&
                      void submit(pickFor === 'translation' ? entry.path : path, pickFor === 'source' ? entry.path : sourcePath)
                    }
                  >
                    <EntryIcon kind={entry.kind} /> {entry.name}
                    <span className="browser__size">{formatBytes(entry.bytes)}</span>
                  </button>
                </li>
              ))}
              {listing.entries.length === 0 && <li className="browser__none">This folder is empty.</li>}
            </ul>
          </div>
        )}
        {recent.length > 0 && (
          <section aria-label="Recent articles">
            <h3>Recent</h3>
            <ul className="recent">
              {recent.map((r) => (
                <li key={r.path}>
                  <button type="button" onClick={() => void submit(r.path, r.sourcePath)} title={r.path}>
                    {r.name}
                    {r.sourcePath && <span className="recent__source"> + source</span>}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className="dialog__actions">
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
