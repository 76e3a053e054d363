/**
 * Export the corrected article: which version (the current text by default), which format, and where.
 *
 * On the desktop the file is saved to a path, which starts beside the article with `.corrected` before the
 * extension; an existing file is replaced only after the reviewer answers "Replace NAME?". In the browser host
 * the page cannot and should not name a path on the machine that serves it, so the text is offered as a
 * download instead, and the browser saves it where its user says (a Word document arrives as base64 and is
 * downloaded as the bytes it is).
 *
 * The formats come from renderer/state/export-choices.ts: the article's own first, then the other ways out.
 */
import { useEffect, useState } from 'react';
import type { AppInfo, ExportArticleFormat, ExportedText, RedlineClient, VersionSummary } from '../../../shared/contract';
import type { ArticleInfo } from '../../../shared/model';
import type { VersionRef } from '../../state/compare-cache';
import { correctedPath, refToValue, valueToRef, versionOption } from '../../state/version-format';
import { exportChoices, exportMediaType, ownExportFormat, type ExportChoice } from '../../state/export-choices';
import './versions.css';
import { useModalDialog, FormError } from '../modal';

export interface ExportDialogProps {
  readonly client: Pick<RedlineClient, 'exportArticle' | 'exportText' | 'appInfo'>;
  readonly reviewId: string;
  /** The review's versions (`review.versions`), version 0 first. */
  readonly versions: readonly VersionSummary[];
  /** The open article: its path seeds the output path, its format the format choice. */
  readonly article: ArticleInfo;
  /** The format chosen first; the article's own format when left out. */
  readonly defaultFormat?: ExportArticleFormat;
  readonly onClose: () => void;
  /** Waits for edits still on their way (the draft writer's `flush`), so the current text is complete. */
  readonly flush?: () => Promise<void>;
}

/** The last part of a path, whichever separator it uses. */
function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The bytes of a base64 answer (a Word document), for a Blob. */
function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hands an export to the browser as a file download. */
function download(file: ExportedText, name: string, format: ExportArticleFormat): void {
  const body = file.encoding === 'base64' ? fromBase64(file.text) : file.text;
  const url = URL.createObjectURL(new Blob([body], { type: exportMediaType(format) }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** One group of format choices; all groups share one radio name, so one format is chosen in all. */
function FormatGroup({
  legend,
  choices,
  format,
  onChoose,
}: {
  readonly legend: string;
  readonly choices: readonly ExportChoice[];
  readonly format: ExportArticleFormat;
  readonly onChoose: (f: ExportArticleFormat) => void;
}) {
  return (
    <fieldset className="versions-form__choice versions-form__choice--list">
      <legend>{legend}</legend>
      {choices.map((f) => (
        <label key={f.value}>
          <input type="radio" name="export-format" checked={format === f.value} onChange={() => onChoose(f.value)} />
          <span>{f.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

type Done =
  | { readonly kind: 'written'; readonly path: string; readonly paragraphs: number }
  | { readonly kind: 'downloaded'; readonly name: string; readonly paragraphs: number };

export function ExportDialog({ client, reviewId, versions, article, defaultFormat, onClose, flush }: ExportDialogProps) {
  const ref = useModalDialog();
  const [host, setHost] = useState<AppInfo['host']>();
  const [version, setVersion] = useState<VersionRef>('current');
  const first = defaultFormat ?? ownExportFormat(article.format);
  const choices = exportChoices(article.format);
  const [format, setFormat] = useState<ExportArticleFormat>(first);
  const [path, setPath] = useState(() => correctedPath(article.path, first, article.format));
  // Once the reviewer types a path, a change of format no longer rewrites it.
  const [pathTouched, setPathTouched] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<Done>();
  const [busy, setBusy] = useState(false);
  /** The path the reviewer is being asked about: it exists, and is replaced only on "Replace". */
  const [confirming, setConfirming] = useState<string>();

  useEffect(() => {
    let live = true;
    void client.appInfo({}).then((r) => {
      if (!live) return;
      if (r.ok) setHost(r.value.host);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [client]);

  const downloadName = fileName(correctedPath(article.path, format, article.format));
  // Any change to what would be written asks the question again.
  const changed = () => {
    setConfirming(undefined);
    setDone(undefined);
  };

  const chooseFormat = (f: ExportArticleFormat) => {
    setFormat(f);
    changed();
    if (!pathTouched) setPath(correctedPath(article.path, f, article.format));
  };

  const save = async (overwrite: boolean) => {
    const target = path.trim();
    if (!target) {
      setError('Give the path of the file to write.');
      return;
    }
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    if (version === 'current') await flush?.();
    const r = await client.exportArticle({ reviewId, version, format, path: target, ...(overwrite ? { overwrite } : {}) });
    setBusy(false);
    setConfirming(undefined);
    if (r.ok) setDone({ kind: 'written', ...r.value });
    else if (r.error.code === 'conflict' && !overwrite) setConfirming(target);
    else setError(r.error.message);
  };

  const offerDownload = async () => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    if (version === 'current') await flush?.();
    const r = await client.exportText({ reviewId, version, format });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    download(r.value, downloadName, format);
    setDone({ kind: 'downloaded', name: downloadName, paragraphs: r.value.paragraphs });
  };

  const paragraphs = (n: number) => `${n.toLocaleString('en-US')} paragraph${n === 1 ? '' : 's'}`;

  return (
    <dialog ref={ref} className="dialog versions-dialog" aria-labelledby="export-title" onClose={onClose}>
      <h2 id="export-title">Export the corrected article</h2>
      <form
        className="versions-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (busy || host === undefined || confirming !== undefined) return;
          void (host === 'browser' ? offerDownload() : save(false));
        }}
      >
        <label htmlFor="export-version">Version</label>
        <select
          id="export-version"
          value={refToValue(version)}
          onChange={(e) => {
            setVersion(valueToRef(e.target.value));
            changed();
          }}
        >
          <option value="current">Current text</option>
          {[...versions].reverse().map((v) => (
            <option key={v.number} value={String(v.number)}>
              {versionOption(v)}
            </option>
          ))}
        </select>
        <FormatGroup
          legend="The corrected article"
          choices={choices.filter((c) => c.group === 'article')}
          format={format}
          onChoose={chooseFormat}
        />
        <FormatGroup
          legend="The review, for other tools"
          choices={choices.filter((c) => c.group === 'review')}
          format={format}
          onChoose={chooseFormat}
        />
        {host === 'browser' && (
          <p className="versions-form__hint">
            Downloads as <code>{downloadName}</code>; your browser saves it where you tell it to.
          </p>
        )}
        {host === 'electron' && (
          <>
            <label htmlFor="export-path">Save as</label>
            <input
              id="export-path"
              className="versions-form__path"
              value={path}
              onChange={(e) => {
                setPath(e.target.value);
                setPathTouched(true);
                changed();
              }}
              spellCheck={false}
              autoFocus
            />
          </>
        )}
        {confirming !== undefined && (
          <div className="version-item__confirm" role="group" aria-label={`Confirm replacing ${fileName(confirming)}`}>
            <p>Replace {fileName(confirming)}? A file of that name already exists there; replacing it cannot be undone.</p>
            <button type="button" className="versions-small danger" disabled={busy} onClick={() => void save(true)}>
              {busy ? 'Replacing…' : 'Replace'}
            </button>
            <button type="button" className="versions-small" onClick={() => setConfirming(undefined)} autoFocus>
              Keep the file
            </button>
          </div>
        )}
        <FormError message={error} />
        {done && (
          <p className="versions-form__done" role="status">
            {done.kind === 'written' ? (
              <>
                Wrote {paragraphs(done.paragraphs)} to <code>{done.path}</code>
              </>
            ) : (
              <>
                Downloaded {paragraphs(done.paragraphs)} as <code>{done.name}</code>
              </>
            )}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" onClick={() => ref.current?.close()}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={busy || host === undefined || confirming !== undefined}>
            {busy ? 'Exporting…' : host === 'browser' ? 'Download' : 'Export'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
