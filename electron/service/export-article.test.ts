import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHeader, type JournalHeader } from '../../shared/journal/journal-event';
import { headerLine } from '../../shared/journal/read-journal';
import { foldEvents } from '../../shared/journal/review-reducer';
import type { ReviewState } from '../../shared/journal/review-state';
import { numbered, sampleAnnotation, sampleHeader } from '../../shared/journal/sample-review';
import { applyPatch } from 'diff';
import { strFromU8, unzipSync } from 'fflate';
import { base64InPieces, exportText, exportVersion } from './export-article';
import { seededRandom } from '../../shared/seeded-random';
import { renderExport } from './export-formats';

let dir: string;
let state: ReviewState;
let review: string;
let socketServer: Server;
const files: Record<string, string> = {};

/** Every file in the folder (not following links) with its bytes, to show that nothing changed. */
function snapshot(): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    const s = lstatSync(path);
    out.set(
      name,
      s.isFile() ? readFileSync(path).toString('base64') : s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'folder' : 'special',
    );
  }
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-export-guard-'));
  const article = join(dir, 'story.en.txt');
  const source = join(dir, 'story.zh.txt');
  writeFileSync(article, 'The machine translation as the reviewer opened it.\n');
  writeFileSync(source, 'The source text.\n');
  const sample = sampleHeader(2, 'story.en.txt');
  const header: JournalHeader = makeHeader(
    { ...sample.article, path: article, sourcePath: source, sourceName: 'story.zh.txt' },
    sample.paragraphs,
    sample.created,
  );
  state = foldEvents(header, []).state;
  review = join(dir, 'story.redline');
  writeFileSync(review, `${headerLine(header)}\n`);
  files.otherReview = join(dir, 'older.redline');
  writeFileSync(files.otherReview, `${headerLine(header)}\n`);
  // A review under a name that does not say so: recognised by its first line.
  files.renamedReview = join(dir, 'backup-of-review.txt');
  writeFileSync(files.renamedReview, `${headerLine(header)}\n`);
  files.folder = join(dir, 'drafts');
  mkdirSync(files.folder);
  files.linkedFolder = join(dir, 'shortcut');
  symlinkSync(dir, files.linkedFolder);
  files.linkToArticle = join(dir, 'latest.txt');
  symlinkSync(article, files.linkToArticle);
  files.hardLinkToSource = join(dir, 'source-copy.txt');
  linkSync(source, files.hardLinkToSource);
  files.fifo = join(dir, 'pipe');
  const made = spawnSync('mkfifo', [files.fifo]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
  files.socket = join(dir, 'service.sock');
  socketServer = createServer();
  await new Promise<void>((done) => socketServer.listen(files.socket, done));
  files.existing = join(dir, 'story.corrected.txt');
  writeFileSync(files.existing, 'An earlier export.\n');
  chmodSync(files.existing, 0o600);
});

afterAll(async () => {
  await new Promise<void>((done) => socketServer.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

describe('export never writes over what it must not', () => {
  const forbidden: readonly [string, () => string, RegExp][] = [
    ['the open review file', () => review, /review file/],
    ['another review file', () => files.otherReview!, /review file/],
    ['a review file under another name', () => files.renamedReview!, /review file/],
    ['the article', () => join(dir, 'story.en.txt'), /the article under review/],
    ['the article, by a path written another way', () => join(dir, 'drafts', '..', 'story.en.txt'), /the article under review/],
    ['its source', () => join(dir, 'story.zh.txt'), /source/],
    ['a hard link to the source', () => files.hardLinkToSource!, /source/],
    ['a link to the article', () => files.linkToArticle!, /the article under review/],
    ['the review through a symlinked folder', () => join(files.linkedFolder!, 'story.redline'), /review file/],
    ['the article through a symlinked folder', () => join(files.linkedFolder!, 'story.en.txt'), /the article under review/],
    ['a folder', () => files.folder!, /is a folder/],
    ['a pipe (FIFO)', () => files.fifo!, /not a regular file/],
    ['a socket', () => files.socket!, /not a regular file/],
    ['a new file named like a review', () => join(dir, 'fresh.redline'), /review file/],
  ];

  for (const [what, target, message] of forbidden) {
    it(`refuses ${what} and leaves every file byte for byte as it was`, async () => {
      const before = snapshot();
      // Even a confirmed replacement is refused: confirmation is for ordinary files only.
      const r = await exportVersion(state, 'current', 'txt', target(), review, true);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
      expect(snapshot()).toEqual(before);
    });
  }

  it('refuses a device such as /dev/null and leaves it a device', async () => {
    const r = await exportVersion(state, 'current', 'txt', '/dev/null', review, true);
    expect(r.ok ? '' : r.error.code).toBe('not-a-file');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('says when the folder does not exist', async () => {
    const r = await exportVersion(state, 'current', 'txt', join(dir, 'missing', 'out.txt'), review);
    expect(r.ok ? '' : r.error.code).toBe('not-found');
  });

  it('asks before replacing an existing file, and replaces it (keeping its permissions) once confirmed', async () => {
    const before = snapshot();
    const unconfirmed = await exportVersion(state, 'current', 'txt', files.existing!, review);
    expect(unconfirmed.ok ? '' : unconfirmed.error.code).toBe('conflict');
    expect(unconfirmed.ok ? '' : unconfirmed.error.message).toMatch(/already exists/);
    expect(snapshot()).toEqual(before);

    const confirmed = await exportVersion(state, 'current', 'txt', files.existing!, review, true);
    expect(confirmed.ok).toBe(true);
    expect(readFileSync(files.existing!, 'utf8')).toBe(`${state.paragraphs[0]!.target}\n\n${state.paragraphs[1]!.target}\n`);
    expect(statSync(files.existing!).mode & 0o777).toBe(0o600);
  });

  it('writes a new file without asking, through a symlinked folder, and leaves no temporary file behind', async () => {
    const r = await exportVersion(state, 'current', 'md', join(files.linkedFolder!, 'new.md'), review);
    expect(r.ok ? r.value.path : '').toBe(join(dir, 'new.md'));
    expect(readFileSync(join(dir, 'new.md'), 'utf8')).toContain(state.paragraphs[0]!.target);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('export as text', () => {
  it('gives the text a file export would write, for a download', async () => {
    const text = await exportText(state, 0, 'txt', review);
    expect(text).toEqual({
      ok: true,
      value: { text: `${state.paragraphs[0]!.target}\n\n${state.paragraphs[1]!.target}\n`, paragraphs: 2 },
    });
    expect((await exportText(state, 3, 'txt', review)).ok).toBe(false);
  });

  it('gives a Word document as base64 bytes, which open as a Word package', async () => {
    const word = await exportText(state, 'current', 'docx', review);
    if (!word.ok) throw new Error(word.error.message);
    expect(word.value.encoding).toBe('base64');
    const bytes = Buffer.from(word.value.text, 'base64');
    // A Word document is a ZIP package: it starts with a local file header.
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });

  it('writes a long article, made and written in pieces, exactly as it is made at once', async () => {
    const long = sampleHeader(12_345, 'long.md');
    const kinds = ['heading', 'text', 'list-item', 'list-item', 'quote', 'text'] as const;
    const paragraphs = long.paragraphs.map((p, i) => ({ ...p, kind: kinds[i % kinds.length]!, target: `${p.target} <${i}> & “${i}”` }));
    const header = makeHeader({ ...long.article, format: 'md', path: join(dir, 'long.md') }, paragraphs, long.created);
    const edited = foldEvents(
      header,
      numbered([
        { type: 'paragraph-edited', paragraphId: 'p7000', text: 'An edit far down.' },
        { type: 'annotation-added', annotation: sampleAnnotation('far', 'p9000', { comment: 'a flag far down' }) },
      ]),
    ).state;
    for (const format of ['txt', 'md', 'html', 'tsv', 'bitext', 'json', 'xliff-its'] as const) {
      const path = join(dir, `long-export.${format}`);
      const written = await exportVersion(edited, 'current', format, path, review);
      expect(written.ok).toBe(true);
      const whole = await renderExport(edited, 'current', format, { reviewPath: review });
      if (!whole.ok) throw new Error(whole.error.message);
      expect(readFileSync(path, 'utf8'), format).toBe(whole.value.content);
      expect(readFileSync(path, 'utf8')).toContain(format === 'tsv' || format === 'json' ? 'a flag far down' : 'An edit far down.');
      const download = await exportText(edited, 'current', format, review);
      expect(download.ok && download.value.text).toBe(whole.value.content);
    }
    // A Word document made in steps holds the same parts as one made at once (the archives differ in their times).
    const path = join(dir, 'long-export.docx');
    expect((await exportVersion(edited, 'current', 'docx', path, review)).ok).toBe(true);
    const whole = await renderExport(edited, 'current', 'docx', { reviewPath: review, now: edited.header.created });
    if (!whole.ok) throw new Error(whole.error.message);
    const stepped = unzipSync(readFileSync(path));
    const once = unzipSync(whole.value.content as Uint8Array);
    expect(Object.keys(stepped)).toEqual(Object.keys(once));
    const documentXml = strFromU8(stepped['word/document.xml']!);
    // The edit is there as a tracked change; the whole part is the same but for the changes' times.
    expect(documentXml.includes('<w:ins ')).toBe(true);
    expect(documentXml.split('<w:p>').length + documentXml.split('<w:p ').length - 2).toBe(12_345);
    const sameParts = documentXml.replace(/w:date="[^"]*"/g, '') === strFromU8(once['word/document.xml']!).replace(/w:date="[^"]*"/g, '');
    expect(sameParts).toBe(true);
  });

  it('writes a patch that turns the machine translation into the version, a paragraph the machine left out included', async () => {
    const long = sampleHeader(5_000, 'long.txt');
    // The second paragraph was left untranslated; the reviewer translates it, and edits two others.
    const paragraphs = long.paragraphs.map((p, i) =>
      i === 1
        ? { ...p, target: '', source: 'Nur im Original.', alignment: 'source-only' as const }
        : { ...p, target: `${p.target} “${i}”` },
    );
    const header = makeHeader({ ...long.article, path: join(dir, 'long.txt') }, paragraphs, long.created);
    const edited = foldEvents(
      header,
      numbered([
        { type: 'paragraph-edited', paragraphId: 'p2', text: 'Only in the original.' },
        { type: 'paragraph-edited', paragraphId: 'p3', text: 'A new third paragraph.\nOver two lines.' },
        { type: 'paragraph-edited', paragraphId: 'p4000', text: 'An edit far down.' },
      ]),
    ).state;
    const path = join(dir, 'long-export.patch');
    expect((await exportVersion(edited, 'current', 'patch', path, review)).ok).toBe(true);
    const machine = await renderExport(edited, 0, 'txt');
    const current = await renderExport(edited, 'current', 'txt');
    if (!machine.ok || !current.ok) throw new Error('the texts were not made');
    const patch = readFileSync(path, 'utf8');
    expect(patch.startsWith('Index: long.txt\n')).toBe(true);
    expect(patch.match(/^@@ /gm)).toHaveLength(2);
    expect(applyPatch(machine.value.content as string, patch)).toBe(current.value.content);
  });

  it('turns bytes that come in pieces of any size into base64 pieces that join into the whole’s base64', async () => {
    const random = seededRandom(3);
    for (let round = 0; round < 50; round++) {
      const pieces = Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
        Uint8Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 256)),
      );
      const whole = Buffer.concat(pieces).toString('base64');
      const base64 = await base64InPieces(pieces, 1 + Math.floor(random() * 20));
      expect(base64.join('')).toBe(whole);
    }
  });

  it('gives each flag as a Word comment anchored on its own paragraph, dismissed ones left out', async () => {
    const header = state.header;
    const flagged = foldEvents(
      header,
      numbered([
        { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p2', { comment: 'second paragraph, first flag' }) },
        { type: 'annotation-added', annotation: sampleAnnotation('a2', 'p1', { comment: 'first paragraph' }) },
        { type: 'annotation-added', annotation: sampleAnnotation('a3', 'p2', { comment: 'second paragraph, second flag' }) },
        { type: 'annotation-added', annotation: sampleAnnotation('a4', 'p1', { comment: 'dismissed', status: 'dismissed' }) },
      ]),
    ).state;
    const word = await exportText(flagged, 'current', 'docx', review);
    if (!word.ok) throw new Error(word.error.message);
    const files = unzipSync(Buffer.from(word.value.text, 'base64'));
    const comments = strFromU8(files['word/comments.xml']!);
    const said = [...comments.matchAll(/(first paragraph|second paragraph, (?:first|second) flag|dismissed)/g)].map((m) => m[1]);
    // In the document's order, and on one paragraph in the order they were made.
    expect(said).toEqual(['first paragraph', 'second paragraph, first flag', 'second paragraph, second flag']);
    // Each comment is anchored in the paragraph its flag is on.
    const body = strFromU8(files['word/document.xml']!);
    const paragraphs = body.split('</w:p>');
    const anchored = (id: number) => paragraphs.findIndex((p) => p.includes(`w:commentRangeStart w:id="${id}"`));
    expect([1, 2, 3].map(anchored)).toEqual([0, 1, 1]);
  });
});
