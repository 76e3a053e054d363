/**
 * Export the corrected article: which version (the current text by default), which format, where. The path
 * starts beside the article with `.corrected` before the extension, so the original is not overwritten unless
 * the reviewer says so.
 */
import { useState } from 'react';
import type { RedlineClient, VersionSummary } from '../../../shared/contract';
import type { ArticleFormat, ArticleInfo } from '../../../shared/model';
import type { VersionRef } from '../../state/compare-cache';
import { correctedPath, refToValue, valueToRef, versionOption } from '../../state/version-format';
import './versions.css';
import { useModalDialog, FormError } from '../modal';

export interface ExportDialogProps {
  readonly client: Pick<RedlineClient, 'exportArticle'>;
  readonly reviewId: string;
  /** The review's versions (`review.versions`), version 0 first. */
  readonly versions: readonly VersionSummary[];
  /** The open article: its path seeds the output path, its format the format choice. */
  readonly article: ArticleInfo;
  /** The format chosen first; the article's own format when left out. */
  readonly defaultFormat?: ArticleFormat;
  readonly onClose: () => void;
  /** Waits for edits still on their way (the draft writer's `flush`), so the current text is complete. */
  readonly flush?: () => Promise<void>;
}

const FORMATS: readonly { readonly value: ArticleFormat; readonly label: string }[] = [
  { value: 'txt', label: 'Plain text' },
  { value: 'md', label: 'Markdown' },
];

export function ExportDialog({ client, reviewId, versions, article, defaultFormat, onClose, flush }: ExportDialogProps) {
  const ref = useModalDialog();
  const [version, setVersion] = useState<VersionRef>('current');
  const [format, setFormat] = useState<ArticleFormat>(defaultFormat ?? article.format);
  const [path, setPath] = useState(() => correctedPath(article.path, defaultFormat ?? article.format, article.format));
  // Once the reviewer types a path, a change of format no longer rewrites it.
  const [pathTouched, setPathTouched] = useState(false);
  const [error, setError] = useState<string>();
  const [written, setWritten] = useState<{ readonly path: string; readonly paragraphs: number }>();
  const [busy, setBusy] = useState(false);


  const chooseFormat = (f: ArticleFormat) => {
    setFormat(f);
    if (!pathTouched) setPath(correctedPath(article.path, f, article.format));
  };

  const submit = async () => {
    if (!path.trim()) {
      setError('Give the path of the file to write.');
      return;
    }
    setBusy(true);
    setError(undefined);
    setWritten(undefined);
    if (version === 'current') await flush?.();
    const r = await client.exportArticle({ reviewId, version, format, path: path.trim() });
    setBusy(false);
    if (r.ok) setWritten(r.value);
    else setError(r.error.message);
  };

  return (
    <dialog ref={ref} className="dialog versions-dialog" aria-labelledby="export-title" onClose={onClose}>
      <h2 id="export-title">Export the corrected article</h2>
      <form
        className="versions-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <label htmlFor="export-version">Version</label>
        <select id="export-version" value={refToValue(version)} onChange={(e) => setVersion(valueToRef(e.target.value))}>
          <option value="current">Current text</option>
          {[...versions].reverse().map((v) => (
            <option key={v.number} value={String(v.number)}>
              {versionOption(v)}
            </option>
          ))}
        </select>
        <fieldset className="versions-form__choice">
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.value}>
              <input type="radio" name="export-format" checked={format === f.value} onChange={() => chooseFormat(f.value)} /> {f.label}
            </label>
          ))}
        </fieldset>
        <label htmlFor="export-path">Save as</label>
        <input
          id="export-path"
          className="versions-form__path"
          value={path}
          onChange={(e) => {
            setPath(e.target.value);
            setPathTouched(true);
          }}
          spellCheck={false}
          autoFocus
        />
        <FormError message={error} />
        {written && (
          <p className="versions-form__done" role="status">
            Wrote {written.paragraphs} paragraph{written.paragraphs === 1 ? '' : 's'} to <code>{written.path}</code>
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" onClick={() => ref.current?.close()}>
            {written ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
