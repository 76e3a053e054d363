/**
 * Builds small Word documents for tests from a body of document.xml, so fixtures are readable XML written here
 * rather than opaque binary files.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Styles as Word names them, with a localised id for the first heading (ids are not names). */
export const TEST_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">` +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>' +
  '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style>' +
  '</w:styles>';

export interface DocxParts {
  readonly body: string;
  readonly styles?: string;
  /** Extra entries (name → text), e.g. a huge one for the size limit. */
  readonly extra?: Readonly<Record<string, string | Uint8Array>>;
}

/** A .docx holding `body` inside `<w:body>`, with styles, a hyperlink relationship and a footnotes part. */
export function makeDocx(parts: DocxParts, level: 0 | 1 | 6 = 6): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>' +
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/report" TargetMode="External"/>' +
        '</Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${parts.body}<w:sectPr/></w:body></w:document>`,
    ),
    'word/styles.xml': strToU8(parts.styles ?? TEST_STYLES),
    'word/footnotes.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="${W}">` +
        '<w:footnote w:id="1"><w:p><w:r><w:t>A note written by the author.</w:t></w:r></w:p></w:footnote></w:footnotes>',
    ),
  };
  for (const [name, data] of Object.entries(parts.extra ?? {})) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files, { level });
}

/** A paragraph of plain runs. */
export const para = (text: string, pPr = ''): string => `<w:p>${pPr}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** The article the DOCX tests review: a heading, styled text with a link and a footnote, a list, a quote. */
export const ARTICLE_BODY =
  para('Harbour towns count the cost', '<w:pPr><w:pStyle w:val="berschrift1"/></w:pPr>') +
  '<w:p w14:paraId="1A2B3C4D" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:pPr><w:jc w:val="both"/></w:pPr>' +
  '<w:r><w:t xml:space="preserve">The storm hit the </w:t></w:r>' +
  '<w:r><w:rPr><w:b/></w:rPr><w:t>northern</w:t></w:r>' +
  '<w:r><w:t xml:space="preserve"> coast on </w:t></w:r>' +
  '<w:r><w:rPr><w:i/></w:rPr><w:t>Tuesday</w:t></w:r>' +
  '<w:r><w:t xml:space="preserve">, says the </w:t></w:r>' +
  '<w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>weather office</w:t></w:r></w:hyperlink>' +
  '<w:r><w:t>.</w:t></w:r>' +
  '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>' +
  '</w:p>' +
  '<w:p/>' +
  para(
    'Boats were lifted onto the quay.',
    '<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>',
  ) +
  para(
    'Roofs lost their tiles.',
    '<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>',
  ) +
  para('We have never seen water this high.', '<w:pPr><w:pStyle w:val="Quote"/></w:pPr>');

/** A paragraph with a tracked change made before the review: an insertion and a deletion by an editor. */
export const TRACKED_BODY =
  '<w:p><w:r><w:t xml:space="preserve">Repairs </w:t></w:r><w:ins w:id="5" w:author="Editor" w:date="2024-01-01T00:00:00Z"><w:r><w:t>will </w:t></w:r></w:ins>' +
  '<w:del w:id="6" w:author="Editor" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>may </w:delText></w:r></w:del><w:r><w:t>take months.</w:t></w:r></w:p>';
