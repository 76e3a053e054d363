import { describe, expect, it } from 'vitest';
import { sampleAnnotation, sampleHeader } from '../journal/sample-review';
import type { Annotation, Paragraph } from '../model';
import { scoreArticle } from '../scoring/article-scorer';
import { reviewAsWmtFile } from '../scoring/review-as-wmt';
import { scoreWmtFile } from '../scoring/score-wmt-file';
import type { ScoringProfile } from '../scoring/wmt-weights';
import { MQM_CORE } from '../typology/mqm-core';
import { buildReport, buildReportInSteps, MAX_STRIP_CELLS, type ReportReview } from './build-report';
import type { ReportModel } from './report-model';
import { renderReportCsv } from './report-csv';
import { renderReportHtml } from './report-html';

const paragraphs = sampleHeader(12).paragraphs;
const options = (profile: ScoringProfile = 'mqm-core') => ({
  article: 'story.txt',
  profile,
  typology: MQM_CORE,
  threshold: 95,
  generated: '2025-03-14T09:30:00.000Z',
});

function review(annotations: readonly Annotation[], extra: Partial<ReportReview> = {}): ReportReview {
  return { label: 'story.redline', reviewer: 'Ana', paragraphs, annotations, ...extra };
}

function built(reviews: readonly ReportReview[], profile: ScoringProfile = 'mqm-core'): ReportModel {
  const r = buildReport(reviews, options(profile));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const flags: Annotation[] = [
  sampleAnnotation('a1', 'p1', { severity: 'major' }),
  sampleAnnotation('a2', 'p1', { severity: 'minor', category: 'Fluency/Punctuation', start: 0, end: 3 }),
  sampleAnnotation('a3', 'p4', { severity: 'critical', category: 'Accuracy/Omission', start: 10, end: 10 }),
  sampleAnnotation('a4', 'p7', { severity: 'minor', status: 'dismissed' }),
  sampleAnnotation('a5', 'p9', { severity: 'neutral', category: 'Style/Awkward style' }),
];

describe('the report of one review', () => {
  for (const profile of ['mqm-core', 'wmt', 'wmt-legacy'] as const) {
    it(`shows the figures of the score panel and of "redline score" (${profile})`, () => {
      const m = built([review(flags)], profile);
      const live = scoreArticle({ profile, threshold: 95 }, paragraphs, flags);
      expect(m.score.perParagraph).toBeCloseTo(live.wmt.score, 12);
      expect(m.score.total).toBeCloseTo(live.wmt.score * paragraphs.length, 12);
      expect(m.score.quality).toBeCloseTo(live.mqm.quality, 12);
      expect(m.score.pass).toBe(live.mqm.pass);
      expect(m.score.errorsPerThousandWords).toBeCloseTo(live.mqm.errorsPerThousandWords, 12);
      expect(m.score.flags).toBe(live.flags);
      const [row] = scoreWmtFile(reviewAsWmtFile('story', paragraphs, flags), profile, 'system', 95);
      expect(m.score.perParagraph).toBeCloseTo(row!.score, 12);
      if (row!.mqm) expect(m.score.quality).toBeCloseTo(row!.mqm.quality, 12);
    });
  }

  it('counts flags by category and severity, leaving dismissed flags out', () => {
    const m = built([review(flags)]);
    expect(m.byCategory).toEqual([
      { category: 'Accuracy/Mistranslation', severity: 'major', count: 1 },
      { category: 'Accuracy/Omission', severity: 'critical', count: 1 },
      { category: 'Fluency/Punctuation', severity: 'minor', count: 1 },
      { category: 'Style/Awkward style', severity: 'neutral', count: 1 },
    ]);
    expect(m.categoryBars[0]).toEqual({ category: 'Accuracy', counts: { neutral: 0, minor: 0, major: 1, critical: 1 }, total: 2 });
  });

  it('lists the worst paragraphs first with their flagged words marked in place', () => {
    const m = built([review(flags)]);
    // p4: a critical omission weighs 25 in mqm-core; p1: major 5 + minor punctuation 0.1.
    expect(m.worst.map((p) => p.number)).toEqual([4, 1]);
    const p1 = m.worst[1]!;
    const text = paragraphs[0]!.target;
    expect(p1.target.pieces.filter((x) => x.severity).map((x) => [x.text, x.severity])).toEqual([
      [text.slice(0, 3), 'minor'],
      [text.slice(4, 11), 'major'],
    ]);
    expect(p1.target.pieces.map((x) => x.text).join('')).toBe(text);
    expect(m.worst[0]!.target.pieces.some((x) => x.omission)).toBe(true);
  });

  it('draws a 100,000-paragraph article in at most 400 strip cells, each covering a range, linking to its worst paragraph', () => {
    const many: Paragraph[] = Array.from({ length: 100_000 }, (_, i) => ({
      id: `p${i + 1}`,
      index: i,
      kind: 'text',
      target: 'One short line of text.',
    }));
    const r = buildReport(
      [{ label: 'long.redline', reviewer: 'Ana', paragraphs: many, annotations: [sampleAnnotation('x', 'p51234', { severity: 'major' })] }],
      options(),
    );
    if (!r.ok) throw new Error(r.error.message);
    const { cells, paragraphsPerCell } = r.value.strip;
    expect(cells.length).toBeLessThanOrEqual(MAX_STRIP_CELLS);
    expect(paragraphsPerCell).toBe(250);
    expect(cells.at(-1)!.last).toBe(100_000);
    const hot = cells.filter((c) => c.flags > 0);
    expect(hot).toHaveLength(1);
    expect(hot[0]).toMatchObject({ first: 51_001, last: 51_250, worst: 51_234 });
    expect(hot[0]!.level).toBeGreaterThan(0);
  });

  it('shows each version with its edit rate and changed paragraphs', () => {
    const m = built([
      review(flags, {
        versions: [
          {
            number: 0,
            message: 'Machine translation',
            author: '',
            at: '2025-01-01T09:00:00Z',
            changedFromPrevious: 0,
            changedFromMachine: 0,
            ter: { edits: 0, refWords: 100, ter: 0 },
          },
          {
            number: 1,
            message: 'First pass',
            author: 'Ana',
            at: '2025-01-02T09:00:00Z',
            changedFromPrevious: 3,
            changedFromMachine: 3,
            ter: { edits: 7, refWords: 100, ter: 0.07 },
          },
        ],
      }),
    ]);
    expect(m.versions.map((v) => [v.number, v.ter, v.changedFromMachine])).toEqual([
      [0, 0, 0],
      [1, 0.07, 3],
    ]);
  });

  it('counts flags made by automatic checks as suggestions, and says that is what it counted', () => {
    const m = built([
      review([
        ...flags,
        sampleAnnotation('c1', 'p2', { origin: { kind: 'check', check: 'numbers' }, rater: 'check' }),
        sampleAnnotation('c2', 'p3', { origin: { kind: 'check', check: 'numbers' }, rater: 'check', status: 'dismissed' }),
      ]),
    ]);
    expect(m.suggestions).toMatchObject({
      basis: 'check-flags',
      total: 2,
      accepted: 1,
      dismissed: 1,
      byCheck: [{ check: 'numbers', count: 2 }],
    });
    expect(built([review(flags)]).suggestions).toBeUndefined();
  });

  it('counts suggestions as the reviewer answered them: accepted as flags, dismissed, still open', () => {
    const m = built([
      review([...flags, sampleAnnotation('c1', 'p2', { origin: { kind: 'check', check: 'numbers' } })], {
        dismissedSuggestions: [{ check: 'numbers' }, { check: 'consistency' }],
        openSuggestions: [{ check: 'consistency' }, { check: 'consistency' }, { check: 'furniture' }],
      }),
    ]);
    expect(m.suggestions).toEqual({
      basis: 'events',
      total: 6,
      accepted: 1,
      dismissed: 2,
      open: 3,
      byCheck: [
        { check: 'consistency', count: 3 },
        { check: 'numbers', count: 2 },
        { check: 'furniture', count: 1 },
      ],
    });
  });

  it('refuses reviews of different articles', () => {
    const other = sampleHeader(11).paragraphs;
    const r = buildReport([review(flags), { label: 'other.redline', reviewer: 'Ben', paragraphs: other, annotations: [] }], options());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('other.redline is not a review of the same article');
  });
});

describe('the report made in steps', () => {
  it('is the report made at once, given up the event loop between passes over a long article', async () => {
    const many: Paragraph[] = Array.from({ length: 60_000 }, (_, i) => ({ id: `p${i + 1}`, index: i, kind: 'text', target: `Line ${i}.` }));
    const raters = ['Ana', 'Ben', 'Chen'].map((rater, r) => ({
      label: `${rater.toLowerCase()}.redline`,
      reviewer: rater,
      paragraphs: many,
      annotations: Array.from({ length: 30_000 }, (_, k) =>
        sampleAnnotation(`${rater}${k}`, `p${1 + ((k * (7 + r)) % 60_000)}`, {
          rater,
          severity: k % 3 === 0 ? 'major' : 'minor',
          start: 0,
          end: 4,
        }),
      ),
    }));
    let breaths = 0;
    const stepped = await buildReportInSteps(raters, options(), async () => {
      breaths++;
    });
    expect(stepped).toEqual(buildReport(raters, options()));
    expect(breaths).toBeGreaterThan(10);
  });
});

describe('the report of several reviewers', () => {
  // Ana flags paragraphs 1, 2, 3; Ben flags 1, 2, 4 and 5 (12 paragraphs).
  const ana = [1, 2, 3].map((n) => sampleAnnotation(`a${n}`, `p${n}`, { rater: 'Ana', severity: 'major' }));
  const ben = [1, 2, 4, 5].map((n) => sampleAnnotation(`b${n}`, `p${n}`, { rater: 'Ben', severity: 'minor', start: 6, end: 11 }));

  it('puts every rater side by side and measures their agreement', () => {
    const m = built([review(ana, { label: 'ana.redline' }), review(ben, { label: 'ben.redline', reviewer: 'Ben' })]);
    expect(m.raters.map((r) => [r.rater, r.review, r.flags, r.paragraphsWithErrors])).toEqual([
      ['Ana', 'ana.redline', 3, 3],
      ['Ben', 'ben.redline', 4, 4],
    ]);
    // Ana: 3 majors = 15 over 12 paragraphs; Ben: 4 minors = 4 over 12.
    expect(m.raters[0]!.perParagraph).toBeCloseTo(15 / 12, 12);
    expect(m.raters[1]!.perParagraph).toBeCloseTo(4 / 12, 12);
    // The article's score is the mean over both raters: (15 + 4) / 2 / 12.
    expect(m.score.perParagraph).toBeCloseTo(19 / 24, 12);
    // Cohen's kappa by hand: agree on 1, 2 (yes) and 6-12 (no): pₒ = 9/12 = 0.75.
    // pA = 3/12 = 0.25, pB = 4/12 = 1/3: pₑ = 0.25·(1/3) + 0.75·(2/3) = 1/12 + 1/2 = 7/12.
    // κ = (0.75 − 7/12) / (5/12) = (2/12) / (5/12) = 0.4.
    expect(m.agreement.kappaMethod).toBe('cohen');
    expect(m.agreement.kappa).toBeCloseTo(0.4, 12);
    expect(m.agreement.observed).toBeCloseTo(0.75, 12);
    // Spans: Ana [4,11) and Ben [6,11) on p1 and p2; Ana alone on p3, Ben alone on p4 and p5.
    // Characters: Ana 21, Ben 20, shared 10: F1 = 20/41. No span is exactly the same: exact F1 = 0.
    // Overlap: 2 of Ana's 3 and 2 of Ben's 4: F1 = 2·(2/3)(1/2) / (2/3 + 1/2) = 4/7.
    const pair = m.agreement.pairs[0]!;
    expect(pair.characterF1).toBeCloseTo(20 / 41, 12);
    expect(pair.exactSpanF1).toBe(0);
    expect(pair.overlapSpanF1).toBeCloseTo(4 / 7, 12);
  });

  it('lists the paragraphs where the raters disagree most for adjudication, with each rater’s flags', () => {
    const m = built([review(ana, { label: 'ana.redline' }), review(ben, { label: 'ben.redline', reviewer: 'Ben' })]);
    // p3: Ana 5, Ben 0 (spread 5); p1, p2: 5 against 1 (spread 4); p4, p5: 0 against 1.
    expect(m.agreement.disputed.map((d) => [d.number, d.spread])).toEqual([
      [3, 5],
      [1, 4],
      [2, 4],
      [4, 1],
      [5, 1],
    ]);
    const p3 = m.agreement.disputed[0]!;
    expect(p3.raters.map((r) => [r.rater, r.flags.length])).toEqual([
      ['Ana', 1],
      ['Ben', 0],
    ]);
  });

  it("uses Fleiss' kappa for three raters and counts a reviewer who flagged nothing", () => {
    const m = built([
      review(ana, { label: 'ana.redline' }),
      review(ben, { label: 'ben.redline', reviewer: 'Ben' }),
      review([], { label: 'cy.redline', reviewer: 'Cy' }),
    ]);
    expect(m.raters.map((r) => r.rater)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(m.agreement.kappaMethod).toBe('fleiss');
    // Yes counts: p1 2, p2 2, p3 1, p4 1, p5 1, p6-p12 0 (three raters, 12 paragraphs).
    // Pᵢ: y=2 → (2+0)/6 = 1/3; y=1 → (0+2)/6 = 1/3; y=0 → 1.  P̄ = (5·(1/3) + 7) / 12 = (26/3)/12 = 13/18.
    // p(yes) = 7/36, pₑ = (7/36)² + (29/36)² = (49 + 841)/1296 = 890/1296.
    // κ = (13/18 − 890/1296) / (1 − 890/1296) = (936 − 890)/1296 / (406/1296) = 46/406 = 23/203.
    expect(m.agreement.kappa).toBeCloseTo(23 / 203, 12);
    // Cy found nothing, so the article's score is the mean over three raters.
    expect(m.score.perParagraph).toBeCloseTo(19 / 36, 12);
  });

  it('tells apart two reviewers who kept the same name, by their file', () => {
    const same = ben.map((a) => ({ ...a, rater: 'Ana' }));
    const m = built([review(ana, { label: 'one.redline' }), review(same, { label: 'two.redline' })]);
    expect(m.raters.map((r) => r.rater)).toEqual(['Ana (one.redline)', 'Ana (two.redline)']);
  });
});

describe('the report as a file', () => {
  const m = built([review(flags)]);

  it('is one HTML file that asks for nothing: no script, no link, no external address, no style attribute', () => {
    const html = renderReportHtml(m);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Quality report — story.txt</title>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).toContain('@media print');
    expect(html).toContain('prefers-color-scheme: dark');
  });

  it('gives every chart a text alternative: a title, a description and a table', () => {
    const html = renderReportHtml(m);
    const charts = html.match(/<svg [^>]*role="img"/g) ?? [];
    expect(charts.length).toBeGreaterThanOrEqual(2);
    expect(html.match(/<desc /g)?.length).toBe(charts.length);
    expect(html).toContain('<td>Accuracy/Omission</td><td>Critical</td><td class="rl-n">1</td>');
  });

  it('escapes the article’s own text', () => {
    const evil = buildReport([review([], { paragraphs: [{ id: 'p1', index: 0, kind: 'text', target: '<img src=x onerror=alert(1)>' }] })], {
      ...options(),
      article: '<b>x</b>.txt',
    });
    if (!evil.ok) throw new Error('no report');
    const html = renderReportHtml(evil.value);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;.txt');
    expect(html).not.toContain('<b>x</b>');
  });

  it('writes the figures as CSV rows a spreadsheet reads', () => {
    const csv = renderReportCsv(m);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,name,detail,value');
    expect(lines).toContain(`score,perParagraph,,${m.score.perParagraph}`);
    expect(lines).toContain('category,Accuracy/Omission,critical,1');
  });
});
