/**
 * A review's version as a Word document: into the original package when the article came from Word (only the
 * paragraphs that changed or carry flags are rewritten; everything else is copied as it was), or into a new,
 * minimal package for an article that came in another format.
 */
import { strFromU8, strToU8 } from 'fflate';
import { fail, ok, type Result } from '../../result';
import type { OpenedDocx } from './docx-reader';
import { commentXml, paragraphXml, type IdSource, type PlacedComment, type RevisionStamp, type WordComment } from './docx-writer';
import { joinBytes, writeZip, ZipStream } from './zip-archive';
import type { ExportParagraph } from '../export-paragraph';

/** One paragraph of the review, as the export needs it: with the flags to write as comments. */
export interface DocxExportParagraph extends ExportParagraph {
  /** Flags, anchored on the machine translation; written only with tracked changes. `ref` is the Word paragraph's
   * ordinal in document.xml, for an article that came from Word. */
  readonly comments: readonly WordComment[];
}

export interface DocxExportOptions {
  /** Tracked changes and comments (true), or the corrected text alone. */
  readonly tracked: boolean;
  readonly author: string;
  /** ISO time stamped on every change. */
  readonly date: string;
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

function idSource(...texts: readonly string[]): IdSource {
  let max = 0;
  for (const t of texts) for (const m of t.matchAll(/\bw:id="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  let next = max + 1;
  return { next: () => next++ };
}

function placeComments(p: DocxExportParagraph, ids: IdSource, options: DocxExportOptions): PlacedComment[] {
  return options.tracked ? p.comments.map((c) => ({ ...c, id: ids.next() })) : [];
}

/**
 * Writes the review into the original Word package. Fails with `conflict` when the document no longer holds the
 * paragraphs the review began with (it was edited since): the review's texts would land in the wrong places.
 */
export function rewriteDocx(
  docx: OpenedDocx,
  paragraphs: readonly DocxExportParagraph[],
  options: DocxExportOptions,
  fileName: string,
): Result<Uint8Array> {
  const byOrdinal = new Map<number, DocxExportParagraph>();
  for (const p of paragraphs) {
    if (p.ref === undefined) continue;
    const ordinal = Number(p.ref);
    const word = docx.paragraphs[ordinal];
    if (!word || word.text !== p.original) {
      return fail(
        'conflict',
        `${fileName} has changed since the review began (paragraph ${ordinal + 1} of the document differs), so the review cannot be written into it.`,
      );
    }
    byOrdinal.set(ordinal, p);
  }
  const existing = docx.archive.readAll();
  if (!existing.ok) return existing;
  const entries = existing.value;
  const folder = docx.documentPath.slice(0, docx.documentPath.lastIndexOf('/') + 1);
  const commentsPath = `${folder}comments.xml`;
  const oldComments = entries.has(commentsPath) ? strFromU8(entries.get(commentsPath)!) : undefined;
  const ids = idSource(docx.documentXml, oldComments ?? '');
  const stamp: RevisionStamp | undefined = options.tracked ? { author: options.author, date: options.date } : undefined;
  const placed: PlacedComment[] = [];

  let xml = '';
  let copied = 0;
  for (const word of docx.paragraphs) {
    const p = byOrdinal.get(word.ordinal);
    if (!p) continue;
    const comments = placeComments(p, ids, options);
    if (p.corrected === p.original && comments.length === 0) continue;
    placed.push(...comments);
    const tagEnd = docx.documentXml.indexOf('>', word.start) + 1;
    const startTag = docx.documentXml.slice(word.start, tagEnd);
    xml += docx.documentXml.slice(copied, word.start);
    xml += paragraphXml(
      {
        startTag: startTag.endsWith('/>') ? '<w:p>' : startTag,
        pPr: word.pPr,
        baseRPr: word.baseRPr,
        codes: word.codes,
        original: p.original,
        corrected: p.corrected,
      },
      { ...(stamp ? { revision: stamp } : {}), comments, ids },
    );
    copied = word.end;
  }
  xml += docx.documentXml.slice(copied);
  entries.set(docx.documentPath, strToU8(xml));

  if (placed.length > 0) {
    const added = placed.map(commentXml).join('');
    if (oldComments !== undefined && oldComments.includes('</w:comments>')) {
      entries.set(commentsPath, strToU8(oldComments.replace(/<\/w:comments>\s*$/, `${added}</w:comments>`)));
    } else {
      entries.set(commentsPath, strToU8(commentsPart(added)));
      const types = entries.get('[Content_Types].xml');
      if (types) entries.set('[Content_Types].xml', strToU8(withCommentsType(strFromU8(types), `/${commentsPath}`)));
      const relsPath = `${folder}_rels/${docx.documentPath.slice(folder.length)}.rels`;
      const rels = entries.get(relsPath);
      entries.set(relsPath, strToU8(withCommentsRelationship(rels ? strFromU8(rels) : emptyRelationships())));
    }
  }
  return ok(writeZip(entries));
}

function commentsPart(comments: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${comments}</w:comments>`;
}

function withCommentsType(types: string, partName: string): string {
  if (types.includes(`PartName="${partName}"`)) return types;
  return types.replace(/<\/Types>\s*$/, `<Override PartName="${partName}" ContentType="${COMMENTS_TYPE}"/></Types>`);
}

function emptyRelationships(): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
}

function withCommentsRelationship(rels: string): string {
  if (rels.includes(COMMENTS_REL)) return rels;
  const used = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rIdRedline${n}`)) n++;
  return rels.replace(
    /<\/Relationships>\s*$/,
    `<Relationship Id="rIdRedline${n}" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`,
  );
}

/** Paragraph properties for a paragraph of a new document, from its kind. */
function paragraphProperties(p: DocxExportParagraph): string {
  switch (p.kind) {
    case 'heading':
      return `<w:pPr><w:pStyle w:val="Heading${Math.min(6, Math.max(1, p.level ?? 1))}"/></w:pPr>`;
    case 'quote':
      return '<w:pPr><w:pStyle w:val="Quote"/></w:pPr>';
    case 'list-item':
      return `<w:pPr><w:pStyle w:val="ListParagraph"/><w:ind w:left="${720 * ((p.level ?? 0) + 1)}"/></w:pPr>`;
    case 'code':
      return '<w:pPr><w:pStyle w:val="Code"/></w:pPr>';
    case 'text':
      return '';
  }
}

const STYLES = (() => {
  const heading = (n: number) =>
    `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:outlineLvl w:val="${n - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${Math.max(24, 36 - 2 * n)}"/></w:rPr></w:style>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W_NS}">` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    [1, 2, 3, 4, 5, 6].map(heading).join('') +
    '<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720" w:right="720"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Code"><w:name w:val="Code"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/></w:rPr></w:style>' +
    '</w:styles>'
  );
})();

/** A new Word document holding the paragraphs, with heading, quote and list styles of its own. */
export function newDocx(paragraphs: readonly DocxExportParagraph[], options: DocxExportOptions): Uint8Array {
  const steps = newDocxInSteps(paragraphs, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return joinBytes(next.value);
  }
}

/**
 * Paragraphs made into the document's XML, and deflated, between two pauses of `newDocxInSteps` at most; fewer
 * once `STEP_MS` have passed (the first steps, before the code is compiled, are several times slower).
 */
const DOCX_PARAGRAPHS_PER_STEP = 250;
const STEP_MS = 8;
/** Paragraphs made between two looks at the clock. */
const CLOCK_EVERY = 25;

/**
 * `newDocx` as a generator, answering the document's bytes in pieces, that pauses (yields) every 250 paragraphs or
 * some milliseconds, having made them into XML, encoded and deflated them in that step: a caller that keeps its
 * event loop free (the app's service) goes on between pauses.
 */
export function* newDocxInSteps(
  paragraphs: readonly DocxExportParagraph[],
  options: DocxExportOptions,
): Generator<void, readonly Uint8Array[]> {
  const ids = idSource();
  const stamp: RevisionStamp | undefined = options.tracked ? { author: options.author, date: options.date } : undefined;
  const placed: PlacedComment[] = [];
  const hasComments = options.tracked && paragraphs.some((p) => p.comments.length > 0);
  const zip = new ZipStream();
  zip.add(
    '[Content_Types].xml',
    strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
        (hasComments ? `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_TYPE}"/>` : '') +
        '</Types>',
    ),
  );
  zip.add(
    '_rels/.rels',
    strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
  );
  zip.add(
    'word/_rels/document.xml.rels',
    strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        (hasComments ? `<Relationship Id="rId2" Type="${COMMENTS_REL}" Target="comments.xml"/>` : '') +
        '</Relationships>',
    ),
  );
  yield;
  const document = zip.begin('word/document.xml');
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>`;
  let stepFrom = 0;
  let stepStart = Date.now();
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const comments = placeComments(p, ids, options);
    for (const c of comments) placed.push(c);
    xml += paragraphXml(
      { pPr: paragraphProperties(p), baseRPr: '', codes: p.codes ?? [], original: p.original, corrected: p.corrected },
      { ...(stamp ? { revision: stamp } : {}), comments, ids },
    );
    const made = i + 1 - stepFrom;
    if (made === DOCX_PARAGRAPHS_PER_STEP || (made % CLOCK_EVERY === 0 && Date.now() - stepStart >= STEP_MS)) {
      document(strToU8(xml), false);
      xml = '';
      yield;
      stepFrom = i + 1;
      stepStart = Date.now();
    }
  }
  document(strToU8(`${xml}<w:sectPr/></w:body></w:document>`), true);
  yield;
  zip.add('word/styles.xml', strToU8(STYLES));
  if (hasComments) zip.add('word/comments.xml', strToU8(commentsPart(placed.map(commentXml).join(''))));
  return zip.end();
}
