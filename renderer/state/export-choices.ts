/**
 * What the export dialog offers for an article: the corrected article in the format it came in first, then the
 * other ways out (XLIFF 2.1 with quality issues, Word with tracked changes, the review for other tools), each with
 * the words a reviewer reads, its file extension and its media type. Pure, so it is tested in Node.
 */
import type { ExportArticleFormat } from '../../shared/contract';
import type { ArticleFormat } from '../../shared/model';
import { assertNever } from '../../shared/result';

export interface ExportChoice {
  readonly value: ExportArticleFormat;
  readonly label: string;
  /** Whether it writes the corrected article (else the review itself, for other tools). */
  readonly group: 'article' | 'review';
}

/** The export that writes an article in the format it came in. */
export function ownExportFormat(article: ArticleFormat): ExportArticleFormat {
  switch (article) {
    case 'txt':
    case 'md':
    case 'html':
    case 'xliff':
      return article;
    // A Word document comes back as it was, corrected; tracked changes are a choice of their own.
    case 'docx':
      return 'docx-clean';
    // A bilingual table comes back as a table; `tsv` is the WMT MQM annotation file.
    case 'tsv':
      return 'bitext';
    default:
      return assertNever(article, 'article format');
  }
}

const OWN_LABELS: Readonly<Record<ArticleFormat, string>> = {
  txt: 'Plain text',
  md: 'Markdown',
  html: 'HTML (the original page, corrected)',
  docx: 'Word (the original document, corrected)',
  xliff: 'XLIFF (the original file, corrected)',
  tsv: 'Bilingual table (as it came in, corrected)',
};

/** Every export offered for an article, its own format first. */
export function exportChoices(article: ArticleFormat): readonly ExportChoice[] {
  const own = ownExportFormat(article);
  const others: readonly ExportChoice[] = [
    { value: 'txt', label: 'Plain text', group: 'article' },
    { value: 'md', label: 'Markdown', group: 'article' },
    { value: 'xliff-its', label: 'XLIFF 2.1 with quality issues', group: 'article' },
    { value: 'docx', label: 'Word with tracked changes and comments', group: 'article' },
    { value: 'tsv', label: 'WMT MQM TSV (one row per flag)', group: 'review' },
    { value: 'json', label: 'JSON (the whole review)', group: 'review' },
    { value: 'csv', label: 'CSV of the flags', group: 'review' },
    { value: 'patch', label: 'Patch from the machine translation', group: 'review' },
  ];
  return [{ value: own, label: OWN_LABELS[article], group: 'article' }, ...others.filter((c) => c.value !== own)];
}

const EXTENSIONS: Readonly<Record<ExportArticleFormat, string>> = {
  txt: '.txt',
  md: '.md',
  html: '.html',
  docx: '.docx',
  'docx-clean': '.docx',
  xliff: '.xlf',
  'xliff-its': '.its.xlf',
  bitext: '.tsv',
  tsv: '.mqm.tsv',
  json: '.review.json',
  csv: '.flags.csv',
  patch: '.patch',
};

/** The extension a file of an export gets when it does not keep the article's own. */
export function exportExtension(format: ExportArticleFormat): string {
  return EXTENSIONS[format];
}

const MEDIA_TYPES: Readonly<Record<ExportArticleFormat, string>> = {
  txt: 'text/plain;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'docx-clean': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xliff: 'application/xliff+xml',
  'xliff-its': 'application/xliff+xml;charset=utf-8',
  bitext: 'text/tab-separated-values;charset=utf-8',
  tsv: 'text/tab-separated-values;charset=utf-8',
  json: 'application/json;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  patch: 'text/x-diff;charset=utf-8',
};

/** The media type of a downloaded export. */
export function exportMediaType(format: ExportArticleFormat): string {
  return MEDIA_TYPES[format];
}
