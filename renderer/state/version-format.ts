/**
 * Words and numbers of the versions panel, the compare view and the export dialog: labels of versions, edit
 * rates as percentages, times relative to now, the default path of an export. Pure, so they are tested in Node.
 */
import { paragraphIndexOf } from '../../shared/model';
import type { ExportArticleFormat, VersionSummary } from '../../shared/contract';
import type { EditRate } from '../../shared/diff/ter';
import type { ArticleFormat } from '../../shared/model';
import type { VersionRef } from './compare-cache';
import { exportExtension, ownExportFormat } from './export-choices';

/** What a version is called: version 0 is the machine translation; a version saved without a message is "Version N". */
export function versionName(v: Pick<VersionSummary, 'number' | 'message'>): string {
  if (v.number === 0) return 'Machine translation';
  return v.message.trim() || `Version ${v.number}`;
}

/** A version as a choice in a list: "0 · Machine translation", "2 · Names checked". */
export function versionOption(v: Pick<VersionSummary, 'number' | 'message'>): string {
  return `${v.number} · ${versionName(v)}`;
}

/** A version reference as a `<select>` value, and back. */
export function refToValue(ref: VersionRef): string {
  return ref === 'current' ? 'current' : String(ref);
}

export function valueToRef(value: string): VersionRef {
  const n = Number(value);
  return value !== 'current' && Number.isInteger(n) && n >= 0 ? n : 'current';
}

/** An edit rate as a percentage with one decimal: 0.0843 → "8.4%". */
export function formatRate(rate: EditRate): string {
  const pct = rate.ter * 100;
  return `${pct >= 100 || pct === 0 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** The name of the edit rate: TER over words, or the character edit rate for Chinese and Japanese text. */
export function rateName(unit: 'word' | 'char'): string {
  return unit === 'char' ? 'Char. edit rate' : 'TER';
}

/**
 * What an edit rate counts, for a tooltip: "53 edits / 630 TER tokens of the reference". TER splits on white space
 * only, so its tokens are not the words the scores count (which drop lone punctuation and split Chinese): they
 * are named apart so that two counts of one text never look like one count that disagrees with itself.
 */
export function rateDetail(rate: EditRate, unit: 'word' | 'char' = 'word'): string {
  const what = unit === 'char' ? 'characters of the reference' : 'TER tokens of the reference (split at spaces)';
  return `${rate.edits} edit${rate.edits === 1 ? '' : 's'} / ${rate.refWords} ${what}`;
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** A time relative to `now` in the reader's language ("5 minutes ago", "yesterday"); "just now" under a minute. */
export function relativeTime(iso: string, now: Date, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** A time in full in the reader's language, for a tooltip. */
export function fullTime(iso: string, locale?: string): string {
  const then = new Date(iso);
  return Number.isNaN(then.getTime()) ? iso : then.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * The default path of an export: beside the article, `.corrected` before the extension, so the original is never
 * overwritten by accident (`news.md` → `news.corrected.md`). Exported in another format than the article's, the
 * extension follows the format (`news.corrected.txt`, `news.corrected.flags.csv`).
 */
export function correctedPath(articlePath: string, format: ExportArticleFormat, articleFormat: ArticleFormat): string {
  const cut = Math.max(articlePath.lastIndexOf('/'), articlePath.lastIndexOf('\\')) + 1;
  const folder = articlePath.slice(0, cut);
  const name = articlePath.slice(cut);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  const keep = format === ownExportFormat(articleFormat) && extension !== '';
  return `${folder}${stem}.corrected${keep ? extension : exportExtension(format)}`;
}

/** The paragraph's number as the article pane shows it (ids are `p1`, `p2`, ... in article order). */
export function paragraphNumber(paragraphId: string, fallbackIndex: number): number {
  return (paragraphIndexOf(paragraphId) ?? fallbackIndex) + 1;
}

/** The next version's number: one past the highest saved. */
export function nextVersionNumber(versions: readonly Pick<VersionSummary, 'number'>[]): number {
  return versions.reduce((n, v) => Math.max(n, v.number), 0) + 1;
}
