/** File, encoding, paragraph count and position of the open article. */
import type { ReactNode } from 'react';
import { encodingLabel, type ArticleInfo } from '../../shared/model';
import './status-bar.css';

interface Props {
  readonly article: ArticleInfo | undefined;
  readonly loaded: number;
  readonly done: boolean;
  readonly current: number;
  readonly reviewPath?: string;
  /** The review is open read-only (another Redline holds it, or it cannot be written). */
  readonly readOnly?: boolean;
  readonly rater?: string;
  /** The review's progress ("Reviewed 3 of 22") and its controls. */
  readonly progress?: ReactNode;
}

export function StatusBar({ article, loaded, done, current, reviewPath, rater, readOnly, progress }: Props) {
  if (!article) return <footer className="statusbar" role="contentinfo" aria-label="Status" />;
  return (
    <footer className="statusbar" role="contentinfo" aria-label="Status">
      <span title={article.path}>{article.name}</span>
      <span aria-label="Encoding">{encodingLabel(article.encoding)}</span>
      {article.sourceName && article.sourceEncoding && (
        <span title={article.sourcePath}>
          Source: {article.sourceName} ({encodingLabel(article.sourceEncoding)})
        </span>
      )}
      <span aria-label="Paragraph count">
        {loaded.toLocaleString()} paragraphs{done ? '' : ' so far'}
      </span>
      <span className="statusbar__spacer" />
      {progress}
      {reviewPath && (
        <span title={reviewPath} aria-label="Review file">
          Review: {reviewPath.split(/[\\/]/).pop()}
          {readOnly ? ' (read-only)' : ''}
        </span>
      )}
      {rater && <span aria-label="Reviewer">Reviewer: {rater}</span>}
      <span aria-label="Position">
        ¶ {loaded ? (current + 1).toLocaleString() : 0} of {loaded.toLocaleString()}
      </span>
    </footer>
  );
}
