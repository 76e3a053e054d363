/**
 * Opening a Word document (.docx) as an article: the package is unzipped within a size budget (zip-archive.ts),
 * its main part located through the package relationships, its styles read, and each non-empty body paragraph
 * becomes a block whose `ref` is the paragraph's ordinal in document.xml (see docx-document.ts).
 */
import type { Block } from '../../model';
import { fail, ok, type Result } from '../../result';
import { readWordParagraphs, type WordParagraph } from './docx-document';
import { readStyles } from './docx-styles';
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

/** Unzips and reads a Word document. Fails naming the part, line and column of broken XML. */
export function openDocx(bytes: Uint8Array, fileName: string): Result<OpenedDocx> {
  const archive = ZipArchive.open(bytes, fileName);
  if (!archive.ok) return archive;
  const documentPath = mainPart(archive.value, fileName);
  if (!documentPath.ok) return documentPath;
  const folder = documentPath.value.includes('/') ? documentPath.value.slice(0, documentPath.value.lastIndexOf('/') + 1) : '';
  const stylesXml = archive.value.readText(`${folder}styles.xml`);
  if (!stylesXml.ok) return stylesXml;
  const styles = readStyles(stylesXml.value, `${fileName}: ${folder}styles.xml`);
  if (!styles.ok) return styles;
  const documentXml = archive.value.readText(documentPath.value);
  if (!documentXml.ok) return documentXml;
  const paragraphs = readWordParagraphs(documentXml.value!, styles.value, `${fileName}: ${documentPath.value}`);
  if (!paragraphs.ok) return paragraphs;
  return ok({ archive: archive.value, documentPath: documentPath.value, documentXml: documentXml.value!, paragraphs: paragraphs.value });
}

/** Whether a Word paragraph has anything to review: text beyond codes and white space. */
export function hasText(p: WordParagraph): boolean {
  // Code characters are in the private use area, which \S matches: look for a character outside it.
  return /[^\s\uE000-\uF8FF]/.test(p.text);
}

/** The paragraphs a reviewer sees: every body paragraph with text, in order, each pointing back by ordinal. */
export function docxBlocks(paragraphs: readonly WordParagraph[]): Block[] {
  const blocks: Block[] = [];
  for (const p of paragraphs) {
    if (!hasText(p)) continue;
    blocks.push({
      kind: p.shape.kind,
      ...(p.shape.level !== undefined ? { level: p.shape.level } : {}),
      ...(p.shape.style !== undefined ? { style: p.shape.style } : {}),
      text: p.text,
      ref: String(p.ordinal),
      ...(p.codes.length > 0 ? { codes: p.codes } : {}),
    });
  }
  return blocks;
}

/** Reads a Word document's paragraphs as blocks. */
export function readDocx(bytes: Uint8Array, fileName: string): Result<Block[]> {
  const opened = openDocx(bytes, fileName);
  if (!opened.ok) return opened;
  return ok(docxBlocks(opened.value.paragraphs));
}
