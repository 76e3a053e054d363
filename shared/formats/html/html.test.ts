import { describe, expect, it } from 'vitest';
import { inlineCodeChar, type Block } from '../../model';
import { ArticleParagraphs, htmlReader, readHtml, type HtmlRead } from './html-reader';
import { INLINE_CODE_BASE } from '../../model';
import { htmlOfText, newHtml, newHtmlPieces, rewriteHtml, type HtmlExportParagraph } from './html-writer';

const PAGE = `<!doctype html>
<html lang="de"><head><title>Hafen</title><style>p { color: red }</style><script>var tracking = "Do not read me";</script></head>
<body>
<div class="cookie-banner">Wir verwenden Cookies. <button>OK</button></div>
<header class="site"><a href="/">Die Zeitung</a><nav><a href="/sport">Sport</a></nav></header>
<article>
  <h1>Die Häfen zählen die Kosten</h1>
  <p>Der Sturm traf die <em>nördliche</em> Küste am <strong>Dienstag</strong>, sagt das <a href="https://example.org/wetter">Wetteramt</a>.</p>
  <ul>
    <li>Boote wurden auf den Kai gehoben.
      <ul><li>Dächer verloren Ziegel.</li></ul>
    </li>
  </ul>
  <blockquote><p>So hoch war das Wasser nie.</p></blockquote>
  <form><label>Newsletter <input name="mail"></label><p>Abonnieren Sie jetzt</p></form>
  <aside>Mehr zum Thema</aside>
  <p>Erste Zeile<br>zweite Zeile &amp; mehr</p>
</article>
<footer>© Die Zeitung</footer>
</body></html>
`;

function blocksOf(html: string): Block[] {
  const r = readHtml(html, 'page.html');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const visible = (t: string) => t.replace(/[\uE000-\uF8FF]/g, '');

describe('reading an HTML article', () => {
  const blocks = blocksOf(PAGE);

  it('reads headings, paragraphs, nested list items and quotes, and nothing of the page around the article', () => {
    expect(blocks.map((b) => [b.kind, b.level, visible(b.text)])).toEqual([
      ['heading', 1, 'Die Häfen zählen die Kosten'],
      ['text', undefined, 'Der Sturm traf die nördliche Küste am Dienstag, sagt das Wetteramt.'],
      ['list-item', 0, 'Boote wurden auf den Kai gehoben.'],
      ['list-item', 1, 'Dächer verloren Ziegel.'],
      ['quote', undefined, 'So hoch war das Wasser nie.'],
      ['text', undefined, 'Erste Zeile\nzweite Zeile & mehr'],
    ]);
  });

  it('keeps emphasis and links as inline codes holding their original tags', () => {
    const p = blocks[1]!;
    expect(p.codes!.map((c) => c.data)).toEqual([
      '<em>',
      '</em>',
      '<strong>',
      '</strong>',
      '<a href="https://example.org/wetter">',
      '</a>',
    ]);
    expect(p.text).toBe(
      `Der Sturm traf die ${inlineCodeChar(0)}nördliche${inlineCodeChar(1)} Küste am ${inlineCodeChar(2)}Dienstag${inlineCodeChar(3)}, sagt das ${inlineCodeChar(4)}Wetteramt${inlineCodeChar(5)}.`,
    );
  });

  it('reads the body, without its site header, banners and footer, when the page marks no article', () => {
    const page =
      '<html><body><header><a href="/">Logo</a></header><div id="cookie-consent">Cookies!</div><p>Nur dies.</p><footer>Impressum</footer></body></html>';
    expect(blocksOf(page).map((b) => b.text)).toEqual(['Nur dies.']);
  });

  it('reads a page written carelessly the way a browser shows it', () => {
    expect(blocksOf('<body><p>Eins<p>Zwei <b>fett<i>beides</b> kursiv</i>').map((b) => visible(b.text))).toEqual([
      'Eins',
      'Zwei fettbeides kursiv',
    ]);
  });
});

describe('reading an HTML page as it comes', () => {
  /**
   * The paragraphs known for good after each piece of `html` cut `size` characters long, those given at its end,
   * and the reads themselves.
   */
  function inPieces(html: string, size: number): { early: Block[]; atEnd: Block[]; reads: HtmlRead[] } {
    const reader = htmlReader('page.html');
    const paragraphs = new ArticleParagraphs();
    const early: Block[] = [];
    const reads: HtmlRead[] = [];
    for (let at = 0; at < html.length; at += size) {
      const read = reader.push(html.slice(at, at + size));
      reads.push(read);
      early.push(...paragraphs.take(read));
    }
    const end = reader.end();
    if (!end.ok) throw new Error(end.error.message);
    return { early, atEnd: paragraphs.take(end.value), reads };
  }

  it('gives the same paragraphs in pieces of any size as read whole, tags and places included', () => {
    const whole = blocksOf(PAGE);
    for (const size of [1, 7, 64, 1000]) {
      const { early, atEnd } = inPieces(PAGE, size);
      expect([...early, ...atEnd], `pieces of ${size}`).toEqual(whole);
    }
  });

  it('gives the paragraphs of a marked article before the page has ended', () => {
    const page = `<html><body><nav>Menu</nav><article><div class="story">${Array.from({ length: 50 }, (_, i) => `<p>Absatz <em>${i}</em>.</p>`).join('\n')}</div></article><footer>Ende</footer></body></html>`;
    const { early, atEnd } = inPieces(page, 100);
    expect(early.length).toBeGreaterThan(40);
    expect([...early, ...atEnd].map((b) => visible(b.text))).toEqual(Array.from({ length: 50 }, (_, i) => `Absatz ${i}.`));
  });

  it('reads only the article that a page marks late, and nothing of what came before it', () => {
    const page = '<body><p>Anriss</p><main><p>Vorspann</p><article><p>Bericht</p></article></main><p>Danach</p></body>';
    expect(blocksOf(page).map((b) => b.text)).toEqual(['Bericht']);
    const { early, atEnd, reads } = inPieces(page, 5);
    expect([...early, ...atEnd].map((b) => b.text)).toEqual(['Bericht']);
    // The body's and the main part's first paragraphs were read, not yet sure, each for an element of its own.
    const unsure = reads.filter((r) => !r.sure && r.blocks.length > 0);
    expect(unsure.map((r) => r.blocks.map((b) => b.text))).toEqual([['Anriss'], ['Vorspann']]);
    expect(unsure[0]!.of).toBeLessThan(unsure[1]!.of);
    expect(reads.at(-1)!.of).toBeGreaterThan(unsure[1]!.of);
  });

  it('reads a page that marks no article as it comes, and gives its paragraphs once it has ended', () => {
    const page = `<body><header><a href="/">Logo</a></header><div>${Array.from({ length: 30 }, (_, i) => `<p>Absatz ${i}.</p>`).join('')}</div></body>`;
    const { early, atEnd, reads } = inPieces(page, 40);
    expect(early).toEqual([]);
    expect(reads.flatMap((r) => r.blocks).length).toBeGreaterThan(25);
    expect(atEnd.map((b) => b.text)).toEqual(Array.from({ length: 30 }, (_, i) => `Absatz ${i}.`));
  });

  it('finds the article of misnested markup as a browser builds it, an article moved out of bold text included', () => {
    // A browser builds <b></b><article><b></b><p><b>Eins</b></p><p>Zwei</p></article><article>…</article>.
    const page = '<body><b><article><p>Eins</b><p>Zwei</p></article><article><p>Drei</p></article></body>';
    expect(blocksOf(page).map((b) => visible(b.text))).toEqual(['Eins', 'Zwei']);
    // …and <nav><b></b><article><b><p>Menü</p></b></article></nav><article>…</article>.
    expect(blocksOf('<body><nav><b><article><p>Menü</p></b></article></nav><article><p>Bericht</p></article>').map((b) => b.text)).toEqual([
      'Bericht',
    ]);
  });
});

describe('writing an HTML article', () => {
  const blocks = blocksOf(PAGE);
  const c = inlineCodeChar;
  const paragraphs: HtmlExportParagraph[] = blocks.map((b, i) => ({
    ref: b.ref!,
    kind: b.kind,
    ...(b.codes ? { codes: b.codes } : {}),
    original: b.text,
    corrected:
      i === 1
        ? `Der Sturm erreichte die ${c(0)}nördliche${c(1)} Küste am ${c(2)}Dienstag${c(3)}, sagt das ${c(4)}Wetteramt${c(5)} <heute>.`
        : i === 3
          ? 'Dächer verloren viele Ziegel.'
          : b.text,
  }));

  it('replaces only the changed paragraphs in the original page, tags and escaping kept', () => {
    const r = rewriteHtml(PAGE, paragraphs, 'page.html');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toContain(
      '<p>Der Sturm erreichte die <em>nördliche</em> Küste am <strong>Dienstag</strong>, sagt das <a href="https://example.org/wetter">Wetteramt</a> &lt;heute&gt;.</p>',
    );
    expect(r.value).toContain('<ul><li>Dächer verloren viele Ziegel.</li></ul>');
    // Everything else is as it was.
    const unchanged = PAGE.replace('Der Sturm traf die', 'Der Sturm erreichte die')
      .replace('Wetteramt</a>.', 'Wetteramt</a> &lt;heute&gt;.')
      .replace('Dächer verloren Ziegel', 'Dächer verloren viele Ziegel');
    expect(r.value).toBe(unchanged);
    // Reading it again gives the corrected texts.
    expect(blocksOf(r.value).map((b) => b.text)).toEqual(paragraphs.map((p) => p.corrected));
  });

  it('writes a long page with thousands of changed paragraphs as the edits made one at a time would', () => {
    const page = `<!doctype html>\n<html><body><article>\n${Array.from({ length: 3000 }, (_, i) =>
      i % 7 === 3 ? `<ul><li>Punkt ${i} &amp; mehr</li></ul>\n` : `<p>Absatz <em>${i}</em> über den Hafen.</p>\n`,
    ).join('')}</article></body></html>\n`;
    const long: HtmlExportParagraph[] = blocksOf(page).map((b, i) => ({
      ref: b.ref!,
      kind: b.kind,
      ...(b.codes ? { codes: b.codes } : {}),
      original: b.text,
      corrected: i % 3 === 0 ? b.text : i % 3 === 1 ? `${b.text} <neu> & ${'länger '.repeat(i % 5)}Ende.` : '',
    }));
    // Each edit cut into the page, from the last to the first, as the page used to be written.
    let expected = page;
    for (const p of [...long].reverse()) {
      if (p.corrected === p.original) continue;
      const [start, end] = p.ref!.split(':').map(Number) as [number, number];
      expected = expected.slice(0, start) + htmlOfText(p.corrected, p.codes ?? [], false) + expected.slice(end);
    }
    const r = rewriteHtml(page, long, 'long.html');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toBe(expected);
    expect(blocksOf(r.value).map((b) => b.text)).toEqual(long.filter((p) => p.corrected !== '').map((p) => p.corrected));
  });

  it('refuses to write into a page that changed since the review began', () => {
    expect(rewriteHtml(PAGE.replace('Kosten', 'Schäden'), paragraphs, 'page.html')).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('escapes a paragraph’s markup characters and puts its line breaks and codes back, wherever they fall', () => {
    const bold = { id: '1', kind: 'open', label: '<b>', data: '<b>' } as const;
    const end = { id: '1', kind: 'close', label: '</b>', data: '</b>' } as const;
    const open = String.fromCharCode(INLINE_CODE_BASE);
    const close = String.fromCharCode(INLINE_CODE_BASE + 1);
    expect(htmlOfText('', [], false)).toBe('');
    expect(htmlOfText('plain “text” 😀 港口', [], false)).toBe('plain “text” 😀 港口');
    expect(htmlOfText('&a<b>c&', [], false)).toBe('&amp;a&lt;b&gt;c&amp;');
    expect(htmlOfText(`${open}Bold${close} & line\nnext`, [bold, end], false)).toBe('<b>Bold</b> &amp; line<br>\nnext');
    expect(htmlOfText('code\n<x>', [], true)).toBe('code\n&lt;x&gt;');
    // A code the paragraph does not list is left out.
    expect(htmlOfText(`a${String.fromCharCode(INLINE_CODE_BASE + 5)}b`, [bold], false)).toBe('ab');
  });

  it('writes a new page in pieces of any size that join into the page written at once, lists across pieces included', () => {
    const paragraphs: HtmlExportParagraph[] = [
      { kind: 'heading', level: 1, original: '', corrected: 'Titel' },
      { kind: 'list-item', level: 0, original: '', corrected: 'eins' },
      { kind: 'list-item', level: 1, original: '', corrected: 'zwei' },
      { kind: 'list-item', level: 0, original: '', corrected: 'drei' },
      { kind: 'text', original: '', corrected: 'a & b' },
      { kind: 'list-item', level: 0, original: '', corrected: 'vier' },
    ];
    const whole = newHtml(paragraphs, 'story');
    for (const per of [1, 2, 4, 6, 10]) expect([...newHtmlPieces(paragraphs, 'story', per)].join(''), `pieces of ${per}`).toBe(whole);
    expect(newHtml([], 'story')).toBe([...newHtmlPieces([], 'story', 3)].join(''));
  });

  it('writes a new page for an article from another format, which reads back the same', () => {
    const page = newHtml(
      [
        { kind: 'heading', level: 2, original: '', corrected: 'Titel' },
        { kind: 'list-item', level: 0, original: '', corrected: 'a < b' },
        { kind: 'quote', original: '', corrected: 'Zitat' },
        { kind: 'text', original: '', corrected: 'Zwei\nZeilen' },
      ],
      'story',
    );
    expect(blocksOf(page).map((b) => [b.kind, b.level, b.text])).toEqual([
      ['heading', 2, 'Titel'],
      ['list-item', 0, 'a < b'],
      ['quote', undefined, 'Zitat'],
      ['text', undefined, 'Zwei\nZeilen'],
    ]);
  });
});
