import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_BODY, makeDocx } from '../../shared/formats/docx/test-support/make-docx';
import type { EventBody } from '../../shared/journal/journal-event';
import { annotationList, versionTexts, type ReviewState } from '../../shared/journal/review-state';
import { inlineCodeChar } from '../../shared/model';
import { readXliff } from '../../shared/formats/xliff/xliff-reader';
import { ReviewJournal } from '../journal/review-journal';
import { readReviewFile } from '../service/read-review';
import { commands } from './commands';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'redline-roundtrip-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(name: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const command = commands.find((c) => c.name === name)!;
  let stdout = '';
  let stderr = '';
  const status = await command.run(args, { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

const path = (name: string) => join(dir, name);

async function stateOf(name: string): Promise<ReviewState> {
  const r = await readReviewFile(path(name));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.state;
}

/** Imports an article, then flags and edits it as a reviewer would, and saves a version. */
async function reviewed(article: string, edits: Readonly<Record<string, string>>, flags: readonly EventBody[] = []): Promise<ReviewState> {
  const created = await run('import', article, '--rater', 'Ana', '--out', 'r.redline');
  if (created.status !== 0) throw new Error(created.stderr);
  const opened = await ReviewJournal.open(path('r.redline'));
  if (!opened.ok) throw new Error(opened.error.message);
  const journal = opened.value.journal;
  for (const body of [
    ...flags,
    ...Object.entries(edits).map(([paragraphId, text]): EventBody => ({ type: 'paragraph-edited', paragraphId, text })),
  ]) {
    const r = await journal.append(body);
    if (!r.ok) throw new Error(r.error.message);
  }
  const saved = await journal.append({ type: 'version-saved', number: 1, message: 'reviewed', author: 'Ana', texts: { ...edits } });
  if (!saved.ok) throw new Error(saved.error.message);
  await journal.close();
  return stateOf('r.redline');
}

const flag = (id: string, paragraphId: string, start: number, end: number, comment = ''): EventBody => ({
  type: 'annotation-added',
  annotation: {
    id,
    paragraphId,
    side: 'target',
    start,
    end,
    category: 'Accuracy/Mistranslation',
    severity: 'major',
    comment,
    rater: 'Ana',
    origin: { kind: 'person' },
    status: 'open',
    created: '2025-03-01T10:00:00.000Z',
  },
});

const visible = (t: string) => t.replace(/[\uE000-\uF8FF]/g, '');

async function mammothLines(bytes: Uint8Array): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return value
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

describe('round trips: import, flag, edit, export, import again', () => {
  it('Word: tracked changes accept to the version and reject to the machine translation; comments on the flags', async () => {
    writeFileSync(path('story.docx'), makeDocx({ body: ARTICLE_BODY }));
    const c = inlineCodeChar;
    const state = await reviewed(
      'story.docx',
      {
        p2: `The storm struck the ${c(0)}northern${c(1)} coast on ${c(2)}Tuesday${c(3)}, says the ${c(4)}${c(5)}weather office${c(6)}${c(7)}.${c(8)}`,
        p4: 'Roofs lost many tiles.',
      },
      [flag('f1', 'p5', 8, 13, 'too strong')],
    );
    const machine = versionTexts(state, 0)!.map(visible);
    const version = versionTexts(state, 1)!.map(visible);
    expect(await run('export', 'r.redline', '--format', 'docx', '--version', '1', '--out', 'out.docx')).toMatchObject({ status: 0 });
    const bytes = readFileSync(path('out.docx'));
    expect(await mammothLines(bytes)).toEqual(version);
    const files = unzipSync(bytes);
    const rejected = strFromU8(files['word/document.xml']!)
      .replace(/<w:ins\b[^>]*>[\s\S]*?<\/w:ins>/g, '')
      .replace(/<w:del\b[^>]*>([\s\S]*?)<\/w:del>/g, '$1')
      .replace(/<w:delText\b/g, '<w:t')
      .replace(/<\/w:delText>/g, '</w:t>');
    expect(await mammothLines(zipSync({ ...files, 'word/document.xml': strToU8(rejected) }))).toEqual(machine);
    expect(strFromU8(files['word/comments.xml']!)).toContain('too strong');
    expect(strFromU8(files['word/document.xml']!)).toMatch(/w:author="Ana"/);

    // The clean copy imports again as the version, paragraph kinds kept.
    expect((await run('export', 'r.redline', '--format', 'docx', '--clean', '--version', '1', '--out', 'clean.docx')).status).toBe(0);
    rmSync(path('r.redline'));
    expect((await run('import', 'clean.docx', '--out', 'again.redline')).status).toBe(0);
    const again = await stateOf('again.redline');
    expect(again.paragraphs.map((p) => visible(p.target))).toEqual(version);
    expect(again.paragraphs.map((p) => p.kind)).toEqual(state.paragraphs.map((p) => p.kind));
  });

  it('HTML: the original page with the changed paragraphs replaced, which imports again as the version', async () => {
    writeFileSync(
      path('page.html'),
      '<!doctype html><html><body><nav>Menu</nav><article><h1>Titel</h1><p>Ein <em>kurzer</em> Text.</p><p>Zweiter Absatz.</p></article></body></html>',
    );
    const c = inlineCodeChar;
    await reviewed('page.html', { p2: `Ein ${c(0)}knapper${c(1)} Text.` });
    expect((await run('export', 'r.redline', '--format', 'html', '--out', 'out.html')).status).toBe(0);
    expect(readFileSync(path('out.html'), 'utf8')).toBe(
      '<!doctype html><html><body><nav>Menu</nav><article><h1>Titel</h1><p>Ein <em>knapper</em> Text.</p><p>Zweiter Absatz.</p></article></body></html>',
    );
    rmSync(path('r.redline'));
    expect((await run('import', 'out.html', '--out', 'again.redline')).status).toBe(0);
    expect((await stateOf('again.redline')).paragraphs.map((p) => visible(p.target))).toEqual([
      'Titel',
      'Ein knapper Text.',
      'Zweiter Absatz.',
    ]);
  });

  it('WMT TSV: the flags import again the same and score the same', async () => {
    writeFileSync(path('story.txt'), 'Der Hund bellt.\n\nDie Katze schläft.\n');
    const state = await reviewed('story.txt', {}, [flag('f1', 'p1', 4, 8, 'wrong "animal"'), flag('f2', 'p2', 0, 3)]);
    expect((await run('export', 'r.redline', '--format', 'tsv', '--out', 'flags.tsv')).status).toBe(0);
    const scoreReview = await run('score', 'r.redline', '--profile', 'wmt', '--json');
    const scoreFile = await run('score', 'flags.tsv', '--profile', 'wmt', '--json');
    expect((JSON.parse(scoreFile.stdout) as { score: number }[])[0]!.score).toBe(
      (JSON.parse(scoreReview.stdout) as { score: number }[])[0]!.score,
    );
    expect((await run('import', 'flags.tsv', '--out', 'again.redline')).status).toBe(0);
    const again = await stateOf('again.redline');
    const shape = (s: ReviewState) =>
      annotationList(s).map((a) => [a.paragraphId, a.side, a.start, a.end, a.category, a.severity, a.comment, a.rater, a.status]);
    expect(shape(again)).toEqual(shape(state));
  });

  it('JSON, CSV, patch and bilingual table', async () => {
    writeFileSync(path('pairs.csv'), 'source,target\nGood night.,Gute Nacht.\n"Yes, really.","Ja, wirklich."\n');
    await reviewed('pairs.csv', { p2: 'Ja, tatsächlich.' }, [flag('f1', 'p2', 4, 13, 'word')]);
    expect((await run('export', 'r.redline', '--format', 'json', '--out', 'r.json')).status).toBe(0);
    const json = JSON.parse(readFileSync(path('r.json'), 'utf8')) as {
      annotations: unknown[];
      versions: { texts: Record<string, string> }[];
      header: { paragraphs: unknown[] };
    };
    expect([json.annotations.length, json.versions[0]!.texts.p2, json.header.paragraphs.length]).toEqual([1, 'Ja, tatsächlich.', 2]);

    expect((await run('export', 'r.redline', '--format', 'csv', '--out', 'flags.csv')).status).toBe(0);
    expect(readFileSync(path('flags.csv'), 'utf8').split('\r\n')[1]).toBe(
      '2,target,4,13,wirklich.,Accuracy/Mistranslation,major,open,Ana,word,2025-03-01T10:00:00.000Z,person',
    );

    expect((await run('export', 'r.redline', '--format', 'patch', '--version', '1', '--out', 'r.patch')).status).toBe(0);
    expect(applyPatch('Gute Nacht.\n\nJa, wirklich.\n', readFileSync(path('r.patch'), 'utf8'))).toBe('Gute Nacht.\n\nJa, tatsächlich.\n');

    expect((await run('export', 'r.redline', '--format', 'bitext', '--out', 'out.csv')).status).toBe(0);
    rmSync(path('r.redline'));
    expect((await run('import', 'out.csv', '--out', 'again.redline')).status).toBe(0);
    expect((await stateOf('again.redline')).paragraphs.map((p) => [p.source, p.target])).toEqual([
      ['Good night.', 'Gute Nacht.'],
      ['Yes, really.', 'Ja, tatsächlich.'],
    ]);
  });

  it('XLIFF: the original file with the corrected target and its tags; XLIFF 2.1 with the flags as quality issues', async () => {
    copyFileSync(join(import.meta.dirname, '..', '..', 'shared', 'formats', 'xliff', 'fixtures', 'xliff12-codes.xlf'), path('harbour.xlf'));
    const corrected = `Die Fähre legt um ${inlineCodeChar(0)}neun${inlineCodeChar(1)} Uhr ab.`;
    await reviewed('harbour.xlf', { p1: corrected }, [flag('f1', 'p2', 0, 11, 'not the usual word')]);
    expect((await run('export', 'r.redline', '--format', 'xliff', '--out', 'out.xlf')).status).toBe(0);
    const written = readFileSync(path('out.xlf'), 'utf8');
    expect(written).toContain('Die Fähre legt um <g id="1">neun</g> Uhr ab.');
    expect(readXliff('out.xlf', written).units[0]!.target).toBe(corrected);

    expect((await run('export', 'r.redline', '--format', 'xliff-its', '--out', 'out.its.xlf')).status).toBe(0);
    const its = readFileSync(path('out.its.xlf'), 'utf8');
    expect(its).toContain('version="2.1"');
    expect(its).toContain('its:locQualityIssueComment="not the usual word"');
  });

  it('an unknown format names the known ones', async () => {
    writeFileSync(path('story.txt'), 'Text.\n');
    await reviewed('story.txt', {});
    const r = await run('export', 'r.redline', '--format', 'pdf', '--out', 'x.pdf');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'unknown format "pdf"; the formats are txt, md, html, docx, xliff, xliff-its, tsv, json, csv, patch, bitext.',
    );
  });
});
