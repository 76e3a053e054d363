/**
 * The quality report of the open review, in the workspace. It shows the very markup of the saved HTML report
 * (`renderReportBody`, from the report model the service builds), so the view and the file cannot disagree.
 *
 * Why not an iframe with `srcdoc`: a srcdoc document inherits the app's Content-Security-Policy, whose
 * `style-src 'self'` blocks the report's inline `<style>`, and `default-src 'none'` forbids frames. Why not React
 * components over the model: a second rendering of every chart would drift from the file's. So the markup goes
 * into a shadow root (the app's styles and the report's cannot meet), and the stylesheet is adopted through the
 * CSSOM (`adoptedStyleSheets`), which the policy allows since no inline style element or attribute is involved.
 * The markup holds no script and every text in it is escaped by the renderer.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RedlineClient } from '../../../shared/contract';
import type { Failure } from '../../../shared/result';
import { REPORT_CSS } from '../../../shared/report/report-css';
import { renderReportBody, renderReportHtml } from '../../../shared/report/report-html';
import type { ReportModel } from '../../../shared/report/report-model';
import './report-view.css';

interface Props {
  readonly client: Pick<RedlineClient, 'qualityReport'>;
  readonly reviewId: string;
  /** The review's last event: the report is asked for again when it changes. */
  readonly seq: number;
  /** Opens a paragraph (0-based) in the article. */
  readonly onGoTo: (index: number) => void;
  readonly onClose: () => void;
  /** Opens adjudication between this review's rater and others. */
  readonly onAdjudicate?: () => void;
}

let sheet: CSSStyleSheet | undefined;
/** One stylesheet object for every report view: parsed once. */
function reportSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(REPORT_CSS);
  }
  return sheet;
}

export function ReportView({ client, reviewId, seq, onGoTo, onClose, onAdjudicate }: Props) {
  const [model, setModel] = useState<ReportModel>();
  const [error, setError] = useState<Failure>();
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef({ onGoTo });
  latest.current = { onGoTo };

  useEffect(() => {
    let cancelled = false;
    void client.qualityReport({ reviewId }).then((r) => {
      if (cancelled) return;
      if (r.ok) {
        setModel(r.value);
        setError(undefined);
      } else setError(r.error);
    });
    return () => {
      cancelled = true;
    };
  }, [client, reviewId, seq]);

  useEffect(() => {
    const el = host.current;
    if (!el || !model) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [reportSheet()];
    const first = !root.hasChildNodes();
    root.innerHTML = renderReportBody(model);
    // Focus moves into the report when it first shows, so Escape closes it and the arrow keys scroll it.
    if (first) el.focus();
  }, [model]);

  // Links inside the report: a paragraph link opens the paragraph in the article; other links scroll within it.
  useEffect(() => {
    const root = host.current?.shadowRoot ?? host.current?.attachShadow({ mode: 'open' });
    if (!root) return;
    const onClick = (e: Event) => {
      const link = (e.target as Element | null)?.closest?.('a');
      if (!link) return;
      e.preventDefault();
      const paragraph = Number(link.getAttribute('data-paragraph'));
      if (Number.isInteger(paragraph) && paragraph >= 1) return latest.current.onGoTo(paragraph - 1);
      const id = link.getAttribute('href')?.replace(/^#/, '');
      if (id) root.getElementById(id)?.scrollIntoView({ block: 'center' });
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, []);

  const download = useCallback(() => {
    if (!model) return;
    const url = URL.createObjectURL(new Blob([renderReportHtml(model)], { type: 'text/html' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${model.article.name.replace(/\.[^.]+$/, '')}.report.html`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, [model]);

  return (
    <div
      className="report-view"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="report-view__bar" role="toolbar" aria-label="Report">
        <h2 className="report-view__title">Quality report</h2>
        <button
          type="button"
          onClick={download}
          disabled={!model}
          title="Save the report as one HTML file (it prints to PDF from any browser)"
        >
          Save as HTML
        </button>
        {onAdjudicate && (
          <button
            type="button"
            onClick={onAdjudicate}
            title="Add other raters’ reviews of this article and decide, flag by flag, what to keep"
          >
            Adjudicate…
          </button>
        )}
        <button type="button" onClick={onClose} title="Back to the article (Esc)">
          Close report
        </button>
      </div>
      {error && (
        <p className="notice" role="alert">
          The report could not be made: {error.message}
        </p>
      )}
      {!model && !error && (
        <p className="report-view__wait" aria-busy="true">
          Making the report…
        </p>
      )}
      <div ref={host} className="report-view__page" role="region" aria-label="Quality report" tabIndex={-1} />
    </div>
  );
}
