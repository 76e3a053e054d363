import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_BODY, makeDocx } from '../../shared/formats/docx/test-support/make-docx';
import { annotationList, versionTexts } from '../../shared/journal/review-state';
import { readReviewFile } from '../service/read-review';
import type { Command } from './command';
import { commands } from './commands';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'redline-import-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function command(name: string): Command {
  const found = commands.find((c) => c.name === name);
  if (!found) throw new Error(`no ${name} command`);
  return found;
}

async function run(name: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await command(name).run(args, { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

function write(name: string, content: string | Uint8Array): string {
  writeFileSync(join(dir, name), content);
  return name;
}

async function state(name: string) {
  const r = await readReviewFile(join(dir, name));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.state;
}

const row = (...f: string[]) => f.join('\t');
const WMT = [
  row('system', 'doc', 'doc_id', 'seg_id', 'rater', 'source', 'target', 'category', 'severity'),
  row('sysA', 'news1', '1', '10', 'ana', 'The cat sleeps.', 'Die <v>Hund</v> schläft.', 'Accuracy/Mistranslation', 'Major'),
  row('sysA', 'news1', '1', '10', 'ana', 'The cat sleeps.', 'Die Hund schläft. ', 'Fluency/Grammar', 'Minor'),
  row('sysA', 'news1', '2', '11', 'ana', 'It is <v>very</v> late.', 'Es ist spät.', 'Accuracy/Omission', 'Minor'),
  row('sysB', 'news1', '1', '10', 'ana', 'The cat sleeps.', 'Die Katze schläft.', 'No-error', 'No-error'),
  row('sysB', 'news1', '2', '11', 'ana', 'It is very late.', 'Es ist sehr spät.', 'No-error', 'No-error'),
  row('sysA', 'news2', '1', '12', 'ana', 'Hi.', 'Hallo.', 'No-error', 'No-error'),
].join('\n');

describe('redline import', () => {
  it('starts a review from a text with corrected versions saved in order, as a normal review file', async () => {
    write('story.txt', 'One fish.\n\nTwo fish.\n\nRed fish.\n');
    write('v1.txt', 'One fish.\n\nTwo fishes.\n\nRed fish.\n');
    write('v2.txt', 'A fish.\n\nTwo fishes.\n\nRed fish.\n');
    const r = await run(
      'import',
      'story.txt',
      '--version',
      'v1.txt',
      '--message',
      'plural',
      '--version',
      'v2.txt',
      '--out',
      'story.redline',
    );
    expect(r).toMatchObject({ status: 0, stderr: 'Created story.redline: 3 paragraphs from story.txt (txt), 0 flags, 2 versions.\n' });
    const s = await state('story.redline');
    expect(s.versions.map((v) => v.message)).toEqual(['plural', 'Version 2']);
    expect(versionTexts(s, 1)).toEqual(['One fish.', 'Two fishes.', 'Red fish.']);
    expect(versionTexts(s, 2)).toEqual(['A fish.', 'Two fishes.', 'Red fish.']);
    expect(versionTexts(s, 0)).toEqual(['One fish.', 'Two fish.', 'Red fish.']);
  });

  it('refuses a version whose paragraphs do not match the article, and leaves no review behind', async () => {
    write('story.txt', 'One.\n\nTwo.\n');
    write('v1.txt', 'One. Two.\n');
    const r = await run('import', 'story.txt', '--version', 'v1.txt', '--out', 'story.redline');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "redline import: v1.txt has 1 paragraphs and the article 2; a corrected version must keep the article's paragraphs one for one.\n",
    );
    expect(existsSync(join(dir, 'story.redline'))).toBe(false);
  });

  it('pairs a source file with the article', async () => {
    write('de.md', '# Titel\n\nText.\n');
    write('en.md', '# Title\n\nText.\n');
    expect((await run('import', 'de.md', '--source', 'en.md', '--out', 'de.redline')).status).toBe(0);
    const s = await state('de.redline');
    expect(s.paragraphs.map((p) => [p.kind, p.source, p.target, p.alignment])).toEqual([
      ['heading', 'Title', 'Titel', 'paired'],
      ['text', 'Text.', 'Text.', 'paired'],
    ]);
  });

  it('keeps a Word document’s styles and inline codes in the review', async () => {
    write('story.docx', makeDocx({ body: ARTICLE_BODY }));
    expect((await run('import', 'story.docx', '--out', 'story.redline')).status).toBe(0);
    const s = await state('story.redline');
    expect(s.header.article.format).toBe('docx');
    expect(s.paragraphs[1]!.codes!.map((c) => c.label)).toContain('[1]');
    expect(s.paragraphs.map((p) => p.ref)).toEqual(['0', '1', '3', '4', '5']);
  });

  it('lists the documents, then the systems, of a WMT file when the choice is missing', async () => {
    write('mqm.tsv', WMT);
    expect(await run('import', 'mqm.tsv', '--out', 'r.redline')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('mqm.tsv holds 2 documents; choose one with --doc: news1, news2.'),
    });
    expect(await run('import', 'mqm.tsv', '--doc', 'news1', '--out', 'r.redline')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('document news1 was translated by 2 systems; choose one with --system: sysA, sysB.'),
    });
  });

  it('makes a WMT document and system a review: each rater’s flags on their side (a row without a span flags the whole segment), scored as the file scores it', async () => {
    write('mqm.tsv', WMT);
    const r = await run('import', 'mqm.tsv', '--doc', 'news1', '--system', 'sysA', '--out', 'r.redline');
    expect(r).toMatchObject({ status: 0, stderr: 'Created r.redline: 2 paragraphs from mqm.tsv (tsv), 3 flags by ana, 0 versions.\n' });
    const s = await state('r.redline');
    expect(s.paragraphs.map((p) => [p.source, p.target, p.ref])).toEqual([
      ['The cat sleeps.', 'Die Hund schläft.', '10'],
      ['It is very late.', 'Es ist spät.', '11'],
    ]);
    expect(annotationList(s).map((a) => [a.paragraphId, a.rater, a.side, a.start, a.end, a.severity])).toEqual([
      ['p1', 'ana', 'target', 4, 8, 'major'],
      ['p1', 'ana', 'target', 0, 17, 'minor'],
      ['p2', 'ana', 'source', 6, 10, 'minor'],
    ]);
    expect(s.settings.scoringProfile).toBe('wmt');
    const fromReview = await run('score', 'r.redline', '--json');
    const fromFile = await run('score', 'mqm.tsv', '--by', 'doc', '--json');
    const fileScore = (JSON.parse(fromFile.stdout) as { system: string; doc: string; score: number }[]).find(
      (x) => x.system === 'sysA' && x.doc === 'news1',
    )!.score;
    expect((JSON.parse(fromReview.stdout) as { score: number }[])[0]!.score).toBeCloseTo(fileScore, 9);
  });

  it('says what is wrong with the command line', async () => {
    write('story.txt', 'x\n');
    expect((await run('import', 'story.txt', '--out', 'story.txt')).stderr).toMatch(/--out must name a review file ending in \.redline/);
    expect((await run('import', 'story.txt', '--message', 'm', '--out', 's.redline')).stderr).toMatch(
      /--message belongs after the --version it describes/,
    );
    expect((await run('import', 'story.txt', '--colour', 'red', '--out', 's.redline')).status).toBe(2);
    expect((await run('import', 'story.txt', '--doc', 'd', '--out', 's.redline')).stderr).toMatch(/this article is not one/);
  });
});
