/**
 * How well the checks do on our labelled set: each check's precision and recall, printed as a table, and a
 * failure when a check falls below precision 0.8 or recall 0.6. Then the noise test: a correct news article must
 * raise almost nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticle } from './article-checker';
import { CHECK_NAMES, type CheckName, type Finding } from './finding';
import { parseGlossary } from './glossary';
import { CLEAN_ARTICLE } from './fixtures/clean-article';
import { LABELLED_DOCUMENTS, SAMPLE_LABELS, type LabelledDocument } from './fixtures/labelled-set';

const MIN_PRECISION = 0.8;
const MIN_RECALL = 0.6;

function sampleDocument(): LabelledDocument {
  const dir = join(import.meta.dirname, '..', '..', 'electron', 'sample');
  const blocks = (name: string) => readFileSync(join(dir, name), 'utf8').trim().split(/\n\n/);
  const zh = blocks('harbour-bridge.zh.txt');
  return {
    name: 'sample',
    paragraphs: blocks('harbour-bridge.en.txt').map((text, i) => ({ text, source: zh[i]!, errors: SAMPLE_LABELS[i + 1] ?? [] })),
  };
}

interface Tally {
  findings: number;
  correct: number;
  labels: number;
  found: number;
}

/** Labels as spans; a point label ('') stands for "somewhere in this paragraph". */
function measure(documents: readonly LabelledDocument[]): { tallies: Map<CheckName, Tally>; wrong: string[]; missed: string[] } {
  const tallies = new Map<CheckName, Tally>(CHECK_NAMES.map((c) => [c, { findings: 0, correct: 0, labels: 0, found: 0 }]));
  const wrong: string[] = [];
  const missed: string[] = [];
  for (const doc of documents) {
    const glossary = doc.glossary ? parseGlossary(doc.glossary, doc.name) : undefined;
    if (glossary && !glossary.ok) throw new Error(glossary.error.message);
    const paragraphs = doc.paragraphs.map((p, i) => ({
      id: `p${i + 1}`,
      text: p.text,
      ...(p.source ? { source: p.source } : {}),
      ...(p.kind ? { kind: p.kind } : {}),
    }));
    const findings = checkArticle(paragraphs, glossary ? { glossary: glossary.value } : {});
    const labels = doc.paragraphs.flatMap((p, i) =>
      (p.errors ?? []).map((l) => {
        const start = l.text === '' ? -1 : p.text.indexOf(l.text);
        if (l.text !== '' && start < 0) throw new Error(`${doc.name} ¶${i + 1}: “${l.text}” is not in the paragraph`);
        return { ...l, paragraphId: `p${i + 1}`, start, end: start + l.text.length };
      }),
    );
    const matches = (f: Finding, l: (typeof labels)[number]) =>
      f.check === l.check &&
      f.paragraphId === l.paragraphId &&
      (l.start < 0 || (f.start < l.end && l.start < f.end) || (f.start === f.end && f.start >= l.start && f.start <= l.end));
    for (const f of findings) {
      const t = tallies.get(f.check)!;
      t.findings += 1;
      if (labels.some((l) => matches(f, l))) t.correct += 1;
      else wrong.push(`${doc.name} ${f.paragraphId} ${f.check} “${f.text}”: ${f.message}`);
    }
    for (const l of labels) {
      const t = tallies.get(l.check)!;
      t.labels += 1;
      if (findings.some((f) => matches(f, l))) t.found += 1;
      else missed.push(`${doc.name} ${l.paragraphId} ${l.check} “${l.text}”`);
    }
  }
  return { tallies, wrong, missed };
}

describe('check quality on the labelled set', () => {
  const documents = [...LABELLED_DOCUMENTS, sampleDocument()];
  const { tallies, wrong, missed } = measure(documents);

  it('holds at least 60 paragraphs, clean ones among them', () => {
    const paragraphs = documents.flatMap((d) => d.paragraphs);
    expect(paragraphs.length).toBeGreaterThanOrEqual(60);
    expect(paragraphs.filter((p) => (p.errors ?? []).length === 0).length).toBeGreaterThanOrEqual(20);
  });

  it('every check reaches precision 0.8 and recall 0.6', () => {
    const rows = CHECK_NAMES.map((check) => {
      const t = tallies.get(check)!;
      const precision = t.findings === 0 ? 1 : t.correct / t.findings;
      const recall = t.labels === 0 ? 1 : t.found / t.labels;
      return { check, findings: t.findings, labels: t.labels, precision: Number(precision.toFixed(2)), recall: Number(recall.toFixed(2)) };
    });
    console.table(rows);
    if (wrong.length > 0) console.log(`False alarms:\n  ${wrong.join('\n  ')}`);
    if (missed.length > 0) console.log(`Missed:\n  ${missed.join('\n  ')}`);
    for (const row of rows) {
      expect.soft(row.precision, `${row.check} precision`).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect.soft(row.recall, `${row.check} recall`).toBeGreaterThanOrEqual(MIN_RECALL);
    }
  });
});

describe('noise on a correct article', () => {
  it('a correct 25-paragraph news article raises at most two findings', () => {
    const paragraphs = CLEAN_ARTICLE.map((p, i) => ({ id: `p${i + 1}`, ...p }));
    expect(paragraphs.length).toBe(25);
    const findings = checkArticle(paragraphs);
    if (findings.length > 0) console.log(findings.map((f) => `${f.paragraphId} ${f.check} “${f.text}”: ${f.message}`).join('\n'));
    expect(findings.length).toBeLessThanOrEqual(2);
  });
});
