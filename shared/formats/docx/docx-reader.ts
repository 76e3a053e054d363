/**
 * Opening a Word document (.docx) as an article: the package is unzipped within a size budget (zip-archive.ts),
 * its main part located through the package relationships, its styles read, and each non-empty body paragraph
 * becomes a block whose `ref` is the paragraph's ordinal in document.xml (see docx-document.ts).
 */
import type { Block } from '../../model';
import { fail, ok, type Result } from '../../result';
import { readWordParagraphs, wordParagraphReader, type WordParagraph } from './docx-document';
import { readStyles, type StyleMap } from './docx-styles';
import { readXml } from './xml-events';
import { ZipArchive } from './zip-archive';

export interface OpenedDocx {
  readonly archive: ZipArchive;
  /** Path of the main document part in the package (`word/document.xml`). */
  readonly documentPath: string;
  readonly documentXml: string;
  readonly paragraphs: readonly WordParagraph[];
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** Where the package says its main document is. */
function mainPart(archive: ZipArchive, fileName: string): Result<string> {
  const rels = archive.readText('_rels/.rels');
  if (!rels.ok) return rels;
  let target: string | undefined;
  if (rels.value !== undefined) {
    const read = readXml(rels.value, `${fileName}: _rels/.rels`, {
      open(e) {
        if (e.name === 'Relationship' && OFFICE_DOCUMENT.test(e.attributes.Type ?? '') && target === undefined)
          target = e.attributes.Target;
      },
    });
    if (!read.ok) return read;
  }
  const path = (target ?? 'word/document.xml').replace(/^\//, '');
  if (!archive.has(path)) return fail('parse-error', `${fileName} is not a Word document: it has no ${path}.`);
  return ok(path);
}

/** A package opened as far as its main document: the archive, where that document is, and its styles. */
function openPackage(bytes: Uint8Array, fileName: string): Result<{ archive: ZipArchive; documentPath: string; styles: StyleMap }> {
  const archive = ZipArchive.open(bytes, fileName);
  if (!archive.ok) return archive;
  const documentPath = mainPart(archive.value, fileName);
  if (!documentPath.ok) return documentPath;
  const folder = documentPath.value.includes('/') ? documentPath.value.slice(0, documentPath.value.lastIndexOf('/') + 1) : '';
  const stylesXml = archive.value.readText(`${folder}styles.xml`);
  if (!stylesXml.ok) return stylesXml;
  const styles = readStyles(stylesXml.value, `${fileName}: ${folder}styles.xml`);
  if (!styles.ok) return styles;
  return ok({ archive: archive.value, documentPath: documentPath.value, styles: styles.value });
}

/** Unzips and reads a Word document. Fails naming the part, line and column of broken XML. */
export function openDocx(bytes: Uint8Array, fileName: string): Result<OpenedDocx> {
  const opened = openPackage(bytes, fileName);
  if (!opened.ok) return opened;
  const { archive, documentPath, styles } = opened.value;
  const documentXml = archive.readText(documentPath);
  if (!documentXml.ok) return documentXml;
  const paragraphs = readWordParagraphs(documentXml.value!, styles, `${fileName}: ${documentPath}`);
  if (!paragraphs.ok) return paragraphs;
  return ok({ archive, documentPath, documentXml: documentXml.value!, paragraphs: paragraphs.value });
}

/** Whether a Word paragraph has anything to review: text beyond codes and white space. */
export function hasText(p: WordParagraph): boolean {
  // Code characters are in the private use area, which \S matches: look for a character outside it.
  return /[^\s\uE000-\uF8FF]/.test(p.text);
}

/** The paragraphs a reviewer sees: every body paragraph with text, in order, each pointing back by ordinal. */
export function docxBlocks(paragraphs: readonly WordParagraph[]): Block[] {
  const blocks: Block[] = [];
  for (const p of paragraphs) if (hasText(p)) blocks.push(blockOf(p));
  return blocks;
}

function blockOf(p: WordParagraph): Block {
  return {
    kind: p.shape.kind,
    ...(p.shape.level !== undefined ? { level: p.shape.level } : {}),
    ...(p.shape.style !== undefined ? { style: p.shape.style } : {}),
    text: p.text,
    ref: String(p.ordinal),
    ...(p.codes.length > 0 ? { codes: p.codes } : {}),
  };
}

/**
 * Reads a Word document's paragraphs as blocks, each piece of its main part as it is unzipped: the blocks each
 * piece completes go to `onBlocks`, and `breathe` is awaited between two pieces. The main part (tens of megabytes
 * for a long document, twice that as text) is never whole in memory, nor are all its paragraphs.
 */
export async function readDocxInSteps(
  bytes: Uint8Array,
  fileName: string,
  onBlocks: (blocks: Block[]) => void,
  breathe: () => Promise<void>,
): Promise<Result<void>> {
  const opened = openPackage(bytes, fileName);
  if (!opened.ok) return opened;
  const { archive, documentPath, styles } = opened.value;
  let blocks: Block[] = [];
  const reader = wordParagraphReader(styles, `${fileName}: ${documentPath}`, (p) => hasText(p) && blocks.push(blockOf(p)));
  const read = await archive.readTextInSteps(
    documentPath,
    (text) => {
      reader.push(text);
      if (blocks.length === 0) return;
      onBlocks(blocks);
      blocks = [];
    },
    breathe,
  );
  if (!read.ok) return read;
  const end = reader.end();
  if (!end.ok) return end;
  if (blocks.length > 0) onBlocks(blocks);
  return ok(undefined);
}

/** Reads a Word document's paragraphs as blocks. */
export function readDocx(bytes: Uint8Array, fileName: string): Result<Block[]> {
  const opened = openDocx(bytes, fileName);
  if (!opened.ok) return opened;
  return ok(docxBlocks(opened.value.paragraphs));
}
