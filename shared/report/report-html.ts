/**
 * The report as HTML: one self-contained file (styles and SVG inline, no script, no request of any kind) that
 * prints cleanly to PDF, and the same markup for the app's report view (`renderReportBody`), so the two never
 * differ. The markup uses no `style` attribute, only classes and SVG presentation attributes, so that it shows
 * whole under the app's Content-Security-Policy. Links that lead to a paragraph carry `data-paragraph` (1-based):
 * in the file they jump within the report, in the app they open the paragraph.
 */
import type { Severity } from '../model';
import { REPORT_CSS } from './report-css';
import type { ReportFlag, ReportModel, ReportParagraph, TextExcerpt } from './report-model';
import { chart, el, esc, num } from './svg';

const SEVERITY_ORDER: readonly Severity[] = ['critical', 'major', 'minor', 'neutral'];
const SEVERITY_WORDS: Readonly<Record<Severity, string>> = { critical: 'Critical', major: 'Major', minor: 'Minor', neutral: 'Neutral' };

function fixed(n: number | undefined, digits = 2): string {
  return n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits);
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en');
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`;
}

/** An ISO time as `2025-03-14 09:30 UTC`: the same in every time zone and locale that opens the file. */
export function reportDate(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

function excerptHtml(x: TextExcerpt, className: string): string {
  const parts = x.pieces.map((p) => {
    if (p.omission)
      return `<mark class="rl-omission rl-sev-${p.severity ?? 'major'}" title="${esc(p.label ?? 'omission')}" aria-label="Omission: ${esc(p.label ?? '')}">‸</mark>`;
    if (!p.severity) return esc(p.text);
    return `<mark class="rl-sev-${p.severity}" title="${esc(p.label ?? '')}">${esc(p.text)}</mark>`;
  });
  const lang = x.lang ? ` lang="${x.lang}"` : '';
  return `<p class="rl-text ${className}"${lang}>${x.cutStart ? '<span class="rl-cut">… </span>' : ''}${parts.join('')}${x.cutEnd ? '<span class="rl-cut"> …</span>' : ''}</p>`;
}

function flagItem(f: ReportFlag, withRater: boolean, withRef = false): string {
  const quote = f.quote === '' ? 'omission point' : `“${f.quote.length > 80 ? `${f.quote.slice(0, 80)}…` : f.quote}”`;
  return (
    `<li><span class="rl-sev rl-sev-${f.severity}">${SEVERITY_WORDS[f.severity]}</span> <b>${esc(f.category)}</b> ${esc(quote)}` +
    `${f.side === 'source' ? ' (source)' : ''}${withRater ? ` · ${esc(f.rater)}` : ''}${f.comment ? ` — ${esc(f.comment)}` : ''}` +
    `${withRef ? ` <code class="rl-ref" title="The flag's name in adjudication decisions">${esc(f.ref)}</code>` : ''}</li>`
  );
}

function worstSeverity(flags: readonly ReportFlag[]): Severity | undefined {
  return SEVERITY_ORDER.find((s) => flags.some((f) => f.severity === s));
}

function header(m: ReportModel): string {
  const reviewers = [...new Set(m.raters.length > 0 ? m.raters.map((r) => r.rater) : m.reviews.map((r) => r.reviewer))];
  return (
    `<header><p class="rl-kicker">Quality report</p><h1>${esc(m.article.name)}</h1>` +
    `<p class="rl-meta">Reviewed by <b>${esc(reviewers.join(', ') || '—')}</b> · profile <b>${esc(m.profile.name)}</b> · typology <b>${esc(m.typology)}</b> · ` +
    `${esc(reportDate(m.generated))}</p>` +
    `<p class="rl-meta">${plural(m.article.paragraphs, 'paragraph')} · ${plural(m.article.words, 'word')} · ` +
    `${plural(m.reviews.length, 'review file')}: ${m.reviews.map((r) => esc(r.label)).join(', ')}</p></header>`
  );
}

function scoreCards(m: ReportModel): string {
  const s = m.score;
  const verdict = s.pass ? 'pass' : 'fail';
  return (
    `<section aria-labelledby="rl-score-h"><h2 id="rl-score-h">Score</h2><dl class="rl-cards">` +
    `<div class="rl-card rl-${verdict}"><dt>MQM-Core quality score</dt><dd data-figure="quality">${fixed(s.quality, 1)} ` +
    `<span class="rl-badge">${verdict.toUpperCase()}</span><small>pass mark ${num(s.threshold)} · penalty ${fixed(s.penalty, 1)} over ${count(s.words)} words</small></dd></div>` +
    `<div class="rl-card"><dt>WMT-style score per paragraph</dt><dd data-figure="wmt">${fixed(s.perParagraph)}` +
    `<small>total ${fixed(s.total)} over ${plural(s.segments, 'paragraph')} · ${esc(m.profile.name)} weights · lower is better</small></dd></div>` +
    `<div class="rl-card"><dt>Errors per 1,000 words</dt><dd data-figure="epw">${fixed(s.errorsPerThousandWords, 1)}` +
    `<small>${plural(s.errors, 'error')}${s.raters > 1 ? ` (mean of ${s.raters} raters)` : ''}</small></dd></div>` +
    `<div class="rl-card"><dt>Flags</dt><dd data-figure="flags">${count(s.flags)}` +
    `<small>in ${plural(m.article.flaggedParagraphs, 'paragraph')} of ${count(m.article.paragraphs)}</small></dd></div>` +
    `</dl></section>`
  );
}

const LEVEL_WORDS = ['no flags', 'light, passes', 'passes', 'below the pass mark', 'well below', 'far below'] as const;

function stripChart(m: ReportModel): string {
  const cells = m.strip.cells;
  if (cells.length === 0) return '';
  const width = 1000;
  const height = 62;
  const w = width / cells.length;
  const linked = new Set(m.worst.map((p) => p.number));
  const rects = cells
    .map((c, k) => {
      const range = c.first === c.last ? `¶ ${c.first}` : `¶ ${c.first}–${c.last}`;
      const tip = `${range}: ${plural(c.flags, 'flag')}, quality ${fixed(c.quality, 1)}${c.flags > 0 ? `; worst ¶ ${c.worst}` : ''}`;
      const rect = el('rect', { x: k * w, y: 0, width: Math.max(w - (w > 3 ? 0.6 : 0), 0.5), height: 42, class: `rl-heat-${c.level}` }, '');
      const title = `<title>${esc(tip)}</title>`;
      if (c.flags === 0) return `<g>${title}${rect}</g>`;
      const href = linked.has(c.worst) ? `#para-${c.worst}` : `#stretch-${k + 1}`;
      return `<a href="${href}" data-paragraph="${c.worst}" aria-label="${esc(tip)}">${title}${rect}</a>`;
    })
    .join('');
  const axis =
    `<text class="rl-axis" x="0" y="${height - 1}">¶ 1</text>` +
    `<text class="rl-axis" x="${width}" y="${height - 1}" text-anchor="end">¶ ${count(m.article.paragraphs)}</text>`;
  const flagged = cells.filter((c) => c.flags > 0);
  const description =
    `The article from first to last paragraph in ${cells.length} cells of ${plural(m.strip.paragraphsPerCell, 'paragraph')}, ` +
    `coloured by the quality score of the paragraphs in each. ${flagged.length} cells hold flags. The table below lists them.`;
  const legend = LEVEL_WORDS.map((word, level) => `<li><span class="rl-swatch rl-heat-${level}"></span>${esc(word)}</li>`).join('');
  const rows = cells
    .map((c, k) => ({ c, k }))
    .filter(({ c }) => c.flags > 0)
    .map(
      ({ c, k }) =>
        `<tr id="stretch-${k + 1}"><td>¶ ${c.first}${c.last !== c.first ? `–${c.last}` : ''}</td><td class="rl-n">${c.flags}</td>` +
        `<td class="rl-n">${fixed(c.penalty, 1)}</td><td class="rl-n">${fixed(c.quality, 1)}</td><td>${esc(LEVEL_WORDS[c.level])}</td>` +
        `<td><a href="${linked.has(c.worst) ? `#para-${c.worst}` : `#stretch-${k + 1}`}" data-paragraph="${c.worst}">¶ ${c.worst}</a></td></tr>`,
    )
    .join('');
  return (
    `<section aria-labelledby="rl-strip-h"><h2 id="rl-strip-h">Where the errors are</h2>` +
    `<p class="rl-lede">The whole article, left to right${m.strip.paragraphsPerCell > 1 ? `, ${m.strip.paragraphsPerCell} paragraphs a cell` : ''}. Choose a cell to go to its worst paragraph.</p>` +
    chart('rl-strip', width, height, 'Errors along the article', description, rects + axis) +
    `<ul class="rl-legend">${legend}</ul>` +
    `<details><summary>Table of this chart</summary><table><thead><tr><th>Paragraphs</th><th class="rl-n">Flags</th><th class="rl-n">Penalty</th>` +
    `<th class="rl-n">Quality</th><th>Level</th><th>Worst</th></tr></thead><tbody>${rows || '<tr><td colspan="6">No flags.</td></tr>'}</tbody></table></details></section>`
  );
}

function categoryChart(m: ReportModel): string {
  const bars = m.categoryBars;
  const body =
    bars.length === 0
      ? '<p class="rl-empty">No flags.</p>'
      : (() => {
          const label = 250;
          const width = 1000;
          const rowH = 34;
          const max = Math.max(...bars.map((b) => b.total));
          const scale = (width - label - 60) / max;
          const rows = bars
            .map((b, i) => {
              const y = i * rowH;
              let x = label;
              const segs = SEVERITY_ORDER.filter((s) => b.counts[s] > 0)
                .map((s) => {
                  const w = b.counts[s] * scale;
                  const r = el(
                    'rect',
                    { x, y: y + 5, width: w, height: rowH - 10, class: `rl-fill-${s}` },
                    `<title>${esc(`${b.category}: ${b.counts[s]} ${s}`)}</title>`,
                  );
                  x += w;
                  return r;
                })
                .join('');
              return (
                el(
                  'text',
                  { x: label - 8, y: y + rowH / 2 + 5, 'text-anchor': 'end' },
                  esc(b.category.length > 26 ? `${b.category.slice(0, 25)}…` : b.category),
                ) +
                segs +
                el('text', { x: x + 6, y: y + rowH / 2 + 5, class: 'rl-axis' }, String(b.total))
              );
            })
            .join('');
          const description = bars
            .map(
              (b) =>
                `${b.category}: ${b.total} (${SEVERITY_ORDER.filter((s) => b.counts[s] > 0)
                  .map((s) => `${b.counts[s]} ${s}`)
                  .join(', ')})`,
            )
            .join('; ');
          const legend = SEVERITY_ORDER.map((s) => `<li><span class="rl-swatch rl-sev-${s}"></span>${SEVERITY_WORDS[s]}</li>`).join('');
          const table = m.byCategory
            .map((c) => `<tr><td>${esc(c.category)}</td><td>${SEVERITY_WORDS[c.severity]}</td><td class="rl-n">${c.count}</td></tr>`)
            .join('');
          return (
            chart('rl-cat', width, bars.length * rowH, 'Flags by category and severity', description, rows) +
            `<ul class="rl-legend">${legend}</ul>` +
            `<details><summary>Table of this chart</summary><table><thead><tr><th>Category</th><th>Severity</th><th class="rl-n">Flags</th></tr></thead><tbody>${table}</tbody></table></details>`
          );
        })();
  const who = m.score.raters > 1 ? ` Flags of all ${m.score.raters} raters together.` : '';
  return `<section aria-labelledby="rl-cat-h"><h2 id="rl-cat-h">Errors by category and severity</h2><p class="rl-lede">Top-level categories, most flagged first.${who}</p>${body}</section>`;
}

function paragraphCard(p: ReportParagraph, withRater: boolean): string {
  const worst = worstSeverity(p.flags);
  return (
    `<li class="rl-para${worst ? ` rl-worst-${worst}` : ''}" id="para-${p.number}">` +
    `<div class="rl-para-head"><a href="#para-${p.number}" data-paragraph="${p.number}">¶ ${p.number}</a>` +
    `<span>score ${fixed(p.wmtScore)}</span><span>penalty ${fixed(p.penalty, 1)}</span><span>${plural(p.flags.length, 'flag')}</span></div>` +
    excerptHtml(p.target, 'rl-target') +
    (p.source ? excerptHtml(p.source, 'rl-source') : '') +
    `<ul class="rl-flags">${p.flags.map((f) => flagItem(f, withRater)).join('')}</ul></li>`
  );
}

function worstSection(m: ReportModel): string {
  const body =
    m.worst.length === 0
      ? '<p class="rl-empty">No paragraph has an error that counts.</p>'
      : `<ol class="rl-paras">${m.worst.map((p) => paragraphCard(p, m.score.raters > 1)).join('')}</ol>`;
  return `<section class="rl-long" aria-labelledby="rl-worst-h"><h2 id="rl-worst-h">Worst paragraphs</h2><p class="rl-lede">Highest ${esc(m.profile.name)} score first, flagged words marked in place.</p>${body}</section>`;
}

function ratersSection(m: ReportModel): string {
  if (m.raters.length < 2) return '';
  const a = m.agreement;
  const rows = m.raters
    .map(
      (r) =>
        `<tr><td>${esc(r.rater)}</td><td>${esc(r.review)}</td><td class="rl-n">${r.flags}</td><td class="rl-n">${r.paragraphsWithErrors}</td>` +
        `<td class="rl-n">${fixed(r.perParagraph)}</td><td class="rl-n">${fixed(r.quality, 1)}</td><td>${r.pass ? 'pass' : 'fail'}</td>` +
        `<td class="rl-n">${fixed(r.errorsPerThousandWords, 1)}</td></tr>`,
    )
    .join('');
  const width = 1000;
  const rowH = 30;
  const label = 250;
  const max = Math.max(...m.raters.map((r) => r.perParagraph), 1e-9);
  const bars = m.raters
    .map((r, i) => {
      const w = ((width - label - 70) * r.perParagraph) / max;
      return (
        el(
          'text',
          { x: label - 8, y: i * rowH + 20, 'text-anchor': 'end' },
          esc(r.rater.length > 26 ? `${r.rater.slice(0, 25)}…` : r.rater),
        ) +
        el('rect', { x: label, y: i * rowH + 4, width: Math.max(w, 1), height: rowH - 8, class: 'rl-fill-bar' }, '') +
        el('text', { x: label + w + 6, y: i * rowH + 20, class: 'rl-axis' }, fixed(r.perParagraph))
      );
    })
    .join('');
  const pairs = a.pairs
    .map(
      (p) =>
        `<tr><td>${esc(p.a)} · ${esc(p.b)}</td><td class="rl-n">${fixed(p.kappa)}</td><td class="rl-n">${fixed(p.characterF1)}</td>` +
        `<td class="rl-n">${fixed(p.exactSpanF1)}</td><td class="rl-n">${fixed(p.overlapSpanF1)}</td></tr>`,
    )
    .join('');
  const method = a.kappaMethod === 'cohen' ? "Cohen's kappa" : "Fleiss' kappa";
  return (
    `<section aria-labelledby="rl-raters-h"><h2 id="rl-raters-h">Reviewers side by side</h2>` +
    chart(
      'rl-raters',
      width,
      m.raters.length * rowH,
      `${m.profile.name} score per paragraph by rater`,
      m.raters.map((r) => `${r.rater}: ${fixed(r.perParagraph)}`).join('; '),
      bars,
    ) +
    `<table><thead><tr><th>Rater</th><th>Review</th><th class="rl-n">Flags</th><th class="rl-n">¶ with errors</th><th class="rl-n">Score / ¶</th>` +
    `<th class="rl-n">Quality</th><th>Verdict</th><th class="rl-n">Errors / 1k</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<dl class="rl-cards" data-figure="agreement"><div class="rl-card"><dt>${method}: which paragraphs have errors</dt><dd data-figure="kappa">${fixed(a.kappa)}<small>${esc(a.kappaWords)}</small></dd></div>` +
    `<div class="rl-card"><dt>Paragraphs all raters judged alike</dt><dd>${a.observed === undefined ? '—' : `${(a.observed * 100).toFixed(1)}%`}<small>error or no error</small></dd></div></dl>` +
    `<h3>Agreement on spans, pair by pair</h3><table><thead><tr><th>Raters</th><th class="rl-n">Kappa</th><th class="rl-n">Character F1</th>` +
    `<th class="rl-n">Exact-span F1</th><th class="rl-n">Overlap F1</th></tr></thead><tbody>${pairs}</tbody></table></section>`
  );
}

function disputedSection(m: ReportModel): string {
  const a = m.agreement;
  if (m.raters.length < 2) return '';
  const items = a.disputed
    .map(
      (d) =>
        `<li class="rl-para" id="dispute-${d.number}"><div class="rl-para-head"><a href="#dispute-${d.number}" data-paragraph="${d.number}">¶ ${d.number}</a>` +
        `<span>scores differ by ${fixed(d.spread)}</span></div><div class="rl-raters">` +
        d.raters
          .map(
            (r) =>
              `<div class="rl-rater-line"><b>${esc(r.rater)} · ${fixed(r.score)}</b><div>${excerptHtml(r.target, 'rl-target')}` +
              (r.flags.length > 0
                ? `<ul class="rl-flags">${r.flags.map((f) => flagItem(f, false, true)).join('')}</ul>`
                : '<p class="rl-empty">No flags.</p>') +
              `</div></div>`,
          )
          .join('') +
        `</div></li>`,
    )
    .join('');
  return (
    `<section class="rl-long" aria-labelledby="rl-disputed-h"><h2 id="rl-disputed-h">Paragraphs to adjudicate</h2>` +
    `<p class="rl-lede">Where the raters disagree most: widest spread of their scores first, then split verdicts. ` +
    `Each flag's name is what <code>redline adjudicate</code> takes in its decisions.</p>` +
    (items ? `<ol class="rl-paras">${items}</ol>` : '<p class="rl-empty">The raters agree on every paragraph.</p>') +
    `</section>`
  );
}

function versionsSection(m: ReportModel): string {
  const unit = m.editRateUnit === 'char' ? 'character edit rate' : 'TER';
  if (m.versions.length <= 1 && m.versions.every((v) => v.number === 0)) {
    return `<section aria-labelledby="rl-versions-h"><h2 id="rl-versions-h">Version history</h2><p class="rl-empty">No corrected version saved yet: the review holds the machine translation only.</p></section>`;
  }
  const several = new Set(m.versions.map((v) => v.review)).size > 1;
  const width = 1000;
  const rowH = 30;
  const label = 250;
  const max = Math.max(...m.versions.map((v) => v.ter), 1e-9);
  const bars = m.versions
    .map((v, i) => {
      const w = ((width - label - 80) * v.ter) / max;
      return (
        el('text', { x: label - 8, y: i * rowH + 20, 'text-anchor': 'end' }, esc(`${several ? `${v.review} ` : ''}v${v.number}`)) +
        el('rect', { x: label, y: i * rowH + 4, width: Math.max(w, v.ter > 0 ? 1 : 0), height: rowH - 8, class: 'rl-fill-bar' }, '') +
        el('text', { x: label + w + 6, y: i * rowH + 20, class: 'rl-axis' }, `${(v.ter * 100).toFixed(1)}%`)
      );
    })
    .join('');
  const rows = m.versions
    .map(
      (v) =>
        `<tr>${several ? `<td>${esc(v.review)}</td>` : ''}<td class="rl-n">${v.number}</td><td>${esc(v.message)}</td><td>${esc(v.author)}</td><td>${esc(reportDate(v.at))}</td>` +
        `<td class="rl-n">${(v.ter * 100).toFixed(1)}%</td><td class="rl-n">${v.changedFromPrevious}</td><td class="rl-n">${v.changedFromMachine}</td></tr>`,
    )
    .join('');
  return (
    `<section aria-labelledby="rl-versions-h"><h2 id="rl-versions-h">Version history</h2><p class="rl-lede">Edit rate (${unit}) from the machine translation to each saved version.</p>` +
    chart(
      'rl-versions',
      width,
      m.versions.length * rowH,
      `Edit rate by version`,
      m.versions.map((v) => `version ${v.number}: ${(v.ter * 100).toFixed(1)}%`).join('; '),
      bars,
    ) +
    `<table><thead><tr>${several ? '<th>Review</th>' : ''}<th class="rl-n">Version</th><th>Message</th><th>Author</th><th>Saved</th><th class="rl-n">${esc(unit)}</th>` +
    `<th class="rl-n">¶ changed from previous</th><th class="rl-n">¶ changed from MT</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function suggestionsSection(m: ReportModel): string {
  const s = m.suggestions;
  if (!s) return '';
  const basis =
    s.basis === 'events'
      ? 'Suggestions the checks offered, as the reviewer answered them: accepted as flags, dismissed, or still open.'
      : 'Counted from flags made by automatic checks: a dismissed flag was turned down, any other was kept.';
  return (
    `<section aria-labelledby="rl-sugg-h"><h2 id="rl-sugg-h">Suggestions from automatic checks</h2><p class="rl-lede">${basis}</p>` +
    `<dl class="rl-cards"><div class="rl-card"><dt>Accepted</dt><dd>${count(s.accepted)}</dd></div><div class="rl-card"><dt>Dismissed</dt><dd>${count(s.dismissed)}</dd></div>` +
    `<div class="rl-card"><dt>Open</dt><dd>${s.open === undefined ? '—' : count(s.open)}${s.open === undefined ? '<small>the checks were not run here</small>' : ''}</dd></div></dl>` +
    `<table><thead><tr><th>Check</th><th class="rl-n">Suggestions</th></tr></thead><tbody>${s.byCheck.map((c) => `<tr><td>${esc(c.check)}</td><td class="rl-n">${c.count}</td></tr>`).join('')}</tbody></table></section>`
  );
}

/** The report's markup without the page around it: what the app's report view shows. */
export function renderReportBody(m: ReportModel): string {
  return (
    `<article class="rl-report" lang="en">` +
    header(m) +
    scoreCards(m) +
    stripChart(m) +
    categoryChart(m) +
    worstSection(m) +
    ratersSection(m) +
    disputedSection(m) +
    versionsSection(m) +
    suggestionsSection(m) +
    `<footer>Made by Redline, ${esc(reportDate(m.generated))}. ${esc(m.profile.name)}: ${esc(m.profile.description)}. ` +
    `Quality = 100 × (1 − penalty per word); dismissed flags do not count.</footer></article>`
  );
}

/**
 * The whole report as one HTML file. Its own Content-Security-Policy forbids every request and every script, so
 * the file stays inert wherever it is opened.
 */
export function renderReportHtml(m: ReportModel): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">` +
    `<title>Quality report — ${esc(m.article.name)}</title><style>${REPORT_CSS}</style></head><body>${renderReportBody(m)}</body></html>\n`
  );
}
