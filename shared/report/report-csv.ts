/**
 * The report's figures as CSV for a spreadsheet: one long table of `section,name,detail,value` rows (score,
 * categories, raters, agreement, versions), so every figure of the report sits in one sheet and sorts and filters
 * there. Quoted as RFC 4180 says; numbers unrounded.
 */
import type { ReportModel } from './report-model';

function cell(v: string | number | boolean | undefined): string {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The report as CSV text, with a header row and CRLF line ends. */
export function renderReportCsv(m: ReportModel): string {
  const rows: (string | number | boolean | undefined)[][] = [['section', 'name', 'detail', 'value']];
  rows.push(['article', m.article.name, 'paragraphs', m.article.paragraphs], ['article', m.article.name, 'words', m.article.words]);
  rows.push(['profile', m.profile.id, 'typology', m.typology], ['report', 'generated', '', m.generated]);
  for (const [k, v] of Object.entries(m.score)) rows.push(['score', k, '', v]);
  for (const c of m.byCategory) rows.push(['category', c.category, c.severity, c.count]);
  for (const r of m.raters) {
    rows.push(
      ['rater', r.rater, 'flags', r.flags],
      ['rater', r.rater, 'perParagraph', r.perParagraph],
      ['rater', r.rater, 'quality', r.quality],
      ['rater', r.rater, 'pass', r.pass],
      ['rater', r.rater, 'errorsPerThousandWords', r.errorsPerThousandWords],
    );
  }
  const a = m.agreement;
  if (a.kappaMethod !== 'none') {
    rows.push(
      ['agreement', 'kappa', a.kappaMethod, a.kappa],
      ['agreement', 'fleissKappa', '', a.fleissKappa],
      ['agreement', 'observed', '', a.observed],
    );
    for (const p of a.pairs) {
      const pair = `${p.a} | ${p.b}`;
      rows.push(
        ['pair', pair, 'kappa', p.kappa],
        ['pair', pair, 'characterF1', p.characterF1],
        ['pair', pair, 'exactSpanF1', p.exactSpanF1],
        ['pair', pair, 'overlapSpanF1', p.overlapSpanF1],
      );
    }
    for (const d of a.disputed) rows.push(['disputed', `p${d.number}`, 'spread', d.spread]);
  }
  for (const v of m.versions)
    rows.push(
      ['version', `${v.review} v${v.number}`, 'ter', v.ter],
      ['version', `${v.review} v${v.number}`, 'changedFromMachine', v.changedFromMachine],
    );
  if (m.suggestions) {
    const s = m.suggestions;
    rows.push(
      ['suggestions', 'accepted', s.basis, s.accepted],
      ['suggestions', 'dismissed', s.basis, s.dismissed],
      ['suggestions', 'open', s.basis, s.open],
    );
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
