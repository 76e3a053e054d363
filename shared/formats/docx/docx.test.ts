import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { inlineCodeChar, type Block } from '../../model';
import { newDocx, rewriteDocx, type DocxExportParagraph } from './docx-export';
import { openDocx, readDocx, readDocxInSteps } from './docx-reader';
import { seededRandom } from '../../seeded-random';
import { ARTICLE_BODY, makeDocx, para, TRACKED_BODY } from './test-support/make-docx';
import { MAX_UNZIPPED_BYTES } from './zip-archive';

function blocksOf(bytes: Uint8Array): Block[] {
  const r = readDocx(bytes, 'story.docx');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const visible = (text: string): string => text.replace(/[\uE000-\uF8FF]/g, '');

/** Word's "reject all changes": insertions dropped, deletions kept as text. */
function rejectAll(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']!)
    .replace(/<w:ins\b[^>]*>[\s\S]*?<\/w:ins>/g, '')
    .replace(/<w:del\b[^>]*>([\s\S]*?)<\/w:del>/g, '$1')
    .replace(/<w:delText\b/g, '<w:t')
    .replace(/<\/w:delText>/g, '</w:t>');
  files['word/document.xml'] = strToU8(xml);
  return zipSync(files);
}

async function mammothText(bytes: Uint8Array): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return value
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

describe('reading a Word document', () => {
  const blocks = blocksOf(makeDocx({ body: ARTICLE_BODY }));

  it('gives one paragraph per non-empty body paragraph, with its kind from the style name', () => {
    expect(blocks.map((b) => [b.kind, b.level, visible(b.text)])).toEqual([
      ['heading', 1, 'Harbour towns count the cost'],
      ['text', undefined, 'The storm hit the northern coast on Tuesday, says the weather office.'],
      ['list-item', 0, 'Boats were lifted onto the quay.'],
      ['list-item', 1, 'Roofs lost their tiles.'],
      ['quote', undefined, 'We have never seen water this high.'],
    ]);
    expect(blocks[0]!.style).toBe('heading 1');
  });

  it('keeps bold, italic, the link and the footnote reference as inline codes in their places', () => {
    const p = blocks[1]!;
    expect(p.codes!.map((c) => c.label)).toEqual(['<b>', '</b>', '<i>', '</i>', '<a>', '<Hyperlink>', '</Hyperlink>', '</a>', '[1]']);
    const c = (i: number) => inlineCodeChar(i);
    expect(p.text).toBe(
      `The storm hit the ${c(0)}northern${c(1)} coast on ${c(2)}Tuesday${c(3)}, says the ${c(4)}${c(5)}weather office${c(6)}${c(7)}.${c(8)}`,
    );
    expect(p.codes![4]!.data).toBe('<w:hyperlink r:id="rId9">');
    expect(p.codes![8]!.data).toContain('<w:footnoteReference w:id="1"/>');
  });

  it('points each paragraph back at its place in document.xml, counting the empty one', () => {
    expect(blocks.map((b) => b.ref)).toEqual(['0', '1', '3', '4', '5']);
  });

  it('reads tracked changes already in the document as accepted', () => {
    expect(blocksOf(makeDocx({ body: TRACKED_BODY })).map((b) => b.text)).toEqual(['Repairs will take months.']);
  });
});

describe('reading a long Word document a piece at a time', () => {
  const rand = seededRandom(7);
  const words = ['harbour', 'council', 'ferry', 'repairs', '港口', '“storm”', 'won’t', 'budget', 'quay', 'tiles'];
  const sentence = () => Array.from({ length: 8 + Math.floor(rand() * 20) }, () => words[Math.floor(rand() * words.length)]).join(' ');
  const body = Array.from({ length: 6000 }, (_, i) =>
    i % 50 === 0
      ? `${ARTICLE_BODY}${para('')}`
      : para(`${i}. ${sentence()}`, i % 7 === 0 ? '<w:pPr><w:pStyle w:val="berschrift1"/></w:pPr>' : ''),
  ).join('');
  const bytes = makeDocx({ body }, 1);

  it('gives the paragraphs of reading it whole, codes and places included, as each piece is unzipped', async () => {
    const batches: Block[][] = [];
    let breaths = 0;
    const read = await readDocxInSteps(
      bytes,
      'long.docx',
      (b) => batches.push(b),
      async () => void breaths++,
    );
    expect(read).toEqual({ ok: true, value: undefined });
    expect(batches.flat()).toEqual(blocksOf(bytes));
    expect(batches.length).toBeGreaterThan(2);
    expect(breaths).toBeGreaterThan(2);
  });

  it('names the part, line and column of broken XML, as reading it whole does', async () => {
    const broken = makeDocx({ body: `${body}<w:p>\n<w:r><w:t>Broken</w:x></w:r></w:p>` }, 1);
    const whole = readDocx(broken, 'broken.docx');
    const inSteps = await readDocxInSteps(
      broken,
      'broken.docx',
      () => undefined,
      async () => undefined,
    );
    expect(inSteps.ok).toBe(false);
    expect(inSteps).toEqual(whole);
  });
});

describe('refusing bad Word files', () => {
  // 201 MB of zeros compresses to a few hundred kilobytes.
  const bomb = makeDocx({ body: para('Hi'), extra: { 'word/media/filler.bin': new Uint8Array(MAX_UNZIPPED_BYTES + 1024 * 1024) } }, 1);

  it('refuses a document that unzips to more than 200 MB, before inflating it all', () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = readDocx(bomb, 'bomb.docx');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({ code: 'too-large', message: expect.stringMatching(/^bomb\.docx unzips to more than 200 MB/) });
  });

  it('refuses a document whose directory understates what an entry inflates to', () => {
    // Rewrite every declared size in the central directory to 1 byte.
    const lying = bomb.slice();
    const view = new DataView(lying.buffer);
    for (let i = 0; i + 4 <= lying.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1, true);
    const r = openDocx(lying, 'liar.docx');
    if (!r.ok) return expect(r.error.code).toBe('too-large');
    // The directory passed; reading the big entry must still stop at the budget.
    expect(r.value.archive.read('word/media/filler.bin')).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('names the part, line and column of broken XML', () => {
    const r = readDocx(makeDocx({ body: `<w:p>\n<w:r><w:t>Broken</w:x></w:r></w:p>` }), 'broken.docx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^broken\.docx: word\/document\.xml line 2, column \d+: /);
  });

  it('refuses a document type declaration, so no entity is ever expanded', () => {
    const bytes = unzipSync(makeDocx({ body: para('&lol;') }));
    const xml = strFromU8(bytes['word/document.xml']!).replace('<w:document', '<!DOCTYPE w:document [<!ENTITY lol "lol">]><w:document');
    bytes['word/document.xml'] = strToU8(xml);
    const r = readDocx(zipSync(bytes), 'entities.docx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/document type declaration is not allowed/);
  });

  it('says when a file is not a Word document at all', () => {
    expect(readDocx(strToU8('just text'), 'note.docx')).toMatchObject({ ok: false, error: { code: 'parse-error' } });
  });
});

describe('writing a corrected Word document', () => {
  const original = makeDocx({ body: ARTICLE_BODY });
  const opened = openDocx(original, 'story.docx');
  if (!opened.ok) throw new Error(opened.error.message);
  const blocks = blocksOf(original);
  const c = (i: number) => inlineCodeChar(i);
  // The reviewer corrects two paragraphs and flags a word in a third.
  const corrected = new Map<number, string>([
    [
      1,
      `The storm struck the ${c(0)}northern${c(1)} coast late on ${c(2)}Tuesday${c(3)}, says the ${c(4)}${c(5)}weather office${c(6)}${c(7)}.${c(8)}`,
    ],
    [3, 'Roofs lost many tiles.'],
  ]);
  const paragraphs: DocxExportParagraph[] = blocks.map((b, i) => ({
    ref: b.ref!,
    kind: b.kind,
    ...(b.codes ? { codes: b.codes } : {}),
    original: b.text,
    corrected: corrected.get(i) ?? b.text,
    comments:
      i === 4
        ? [{ start: 8, end: 13, author: 'Ana Reviewer', date: '2025-03-01T10:00:00Z', text: 'Minor · Style/Awkward\nsounds odd' }]
        : [],
  }));
  const options = { tracked: true, author: 'Ana Reviewer', date: '2025-03-01T10:00:00Z' };
  const written = rewriteDocx(opened.value, paragraphs, options, 'story.docx');
  if (!written.ok) throw new Error(written.error.message);
  const out = written.value;
  const xml = strFromU8(unzipSync(out)['word/document.xml']!);
  const expectedAccepted = blocks.map((b, i) => visible(corrected.get(i) ?? b.text));
  const machine = blocks.map((b) => visible(b.text));

  it('writes the edits as Word insertions and deletions with author and date', () => {
    expect(xml).toMatch(
      /<w:del w:id="\d+" w:author="Ana Reviewer" w:date="2025-03-01T10:00:00Z"><w:r><w:delText xml:space="preserve">hit<\/w:delText><\/w:r><\/w:del>/,
    );
    expect(xml).toMatch(
      /<w:ins w:id="\d+" w:author="Ana Reviewer" w:date="2025-03-01T10:00:00Z"><w:r><w:t xml:space="preserve">struck<\/w:t><\/w:r><\/w:ins>/,
    );
    const ids = [...xml.matchAll(/<w:(?:ins|del|commentRangeStart) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads back in a second reader (mammoth) as the corrected text: insertions in, deletions out', async () => {
    expect(await mammothText(out)).toEqual(expectedAccepted);
  });

  it('gives exactly the machine translation when every change is rejected', async () => {
    expect(await mammothText(rejectAll(out))).toEqual(machine);
    const again = blocksOf(rejectAll(out));
    expect(again.map((b) => visible(b.text))).toEqual(machine);
  });

  it('keeps formatting, the link and the footnote reference in a rewritten paragraph', () => {
    const again = blocksOf(out);
    expect(again[1]!.codes!.map((x) => x.label)).toEqual(blocks[1]!.codes!.map((x) => x.label));
    expect(again[1]!.text).toBe(corrected.get(1));
    expect(xml).toContain('<w:p w14:paraId="1A2B3C4D"');
    expect(xml).toContain('<w:pPr><w:jc w:val="both"/></w:pPr>');
  });

  it('copies untouched paragraphs byte for byte', () => {
    expect(xml).toContain(
      '<w:body><w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t xml:space="preserve">Harbour towns count the cost</w:t></w:r></w:p>',
    );
    expect(xml).toContain(
      '</w:p><w:p/><w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Boats were lifted onto the quay.</w:t></w:r></w:p>',
    );
  });

  it('anchors each flag as a Word comment on its span, registered in the package', async () => {
    const files = unzipSync(out);
    const comments = strFromU8(files['word/comments.xml']!);
    expect(comments).toMatch(/<w:comment w:id="(\d+)" w:author="Ana Reviewer" w:date="2025-03-01T10:00:00Z" w:initials="AR">/);
    expect(comments).toContain('sounds odd');
    expect(xml).toMatch(
      /<w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">never<\/w:t><\/w:r><w:commentRangeEnd w:id="\d+"\/>/,
    );
    expect(strFromU8(files['[Content_Types].xml']!)).toContain('/word/comments.xml');
    expect(strFromU8(files['word/_rels/document.xml.rels']!)).toContain('relationships/comments');
    const html = await mammoth.convertToHtml({ buffer: Buffer.from(out) });
    expect(html.messages.filter((m) => m.type === 'error')).toEqual([]);
  });

  it('writes the corrected text alone, styles kept, when asked for a clean copy', async () => {
    const clean = rewriteDocx(opened.value, paragraphs, { ...options, tracked: false }, 'story.docx');
    if (!clean.ok) throw new Error(clean.error.message);
    expect(strFromU8(unzipSync(clean.value)['word/document.xml']!)).not.toMatch(/<w:(ins|del) /);
    expect(await mammothText(clean.value)).toEqual(expectedAccepted);
    expect(blocksOf(clean.value).map((b) => b.kind)).toEqual(blocks.map((b) => b.kind));
  });

  it('refuses to write into a document that changed since the review began', () => {
    const other = openDocx(makeDocx({ body: para('Something else') }), 'story.docx');
    if (!other.ok) throw new Error(other.error.message);
    expect(rewriteDocx(other.value, paragraphs, options, 'story.docx')).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('a new Word document for an article from another format', () => {
  it('has the paragraphs with heading, list and quote styles, and tracked changes that accept and reject cleanly', async () => {
    const paragraphs: DocxExportParagraph[] = [
      { kind: 'heading', level: 2, original: 'A title', corrected: 'The title', comments: [] },
      {
        kind: 'list-item',
        level: 0,
        original: 'first point',
        corrected: 'first point',
        comments: [{ start: 0, end: 5, author: 'R', date: '2025-01-01T00:00:00Z', text: 'Major · Accuracy' }],
      },
      { kind: 'quote', original: 'said & done', corrected: 'said and done', comments: [] },
    ];
    const bytes = newDocx(paragraphs, { tracked: true, author: 'R', date: '2025-01-01T00:00:00Z' });
    expect(await mammothText(bytes)).toEqual(['The title', 'first point', 'said and done']);
    expect(await mammothText(rejectAll(bytes))).toEqual(['A title', 'first point', 'said & done']);
    expect(blocksOf(bytes).map((b) => [b.kind, b.level])).toEqual([
      ['heading', 2],
      ['list-item', 0],
      ['quote', undefined],
    ]);
  });
});
