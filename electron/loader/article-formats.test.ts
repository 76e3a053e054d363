import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARTICLE_BODY, makeDocx } from '../../shared/formats/docx/test-support/make-docx';
import { readArticle } from './read-article';

const dir = mkdtempSync(join(tmpdir(), 'redline-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('the loader reads every article format through one entry', () => {
  it('opens a Word document by its content, whatever it is called', async () => {
    const r = await readArticle(file('story.bin', makeDocx({ body: ARTICLE_BODY })));
    expect(r.ok && r.value.info.format).toBe('docx');
    expect(r.ok && r.value.blocks.map((b) => b.kind)).toEqual(['heading', 'text', 'list-item', 'list-item', 'quote']);
  });

  it('opens an HTML page by its extension or by its start', async () => {
    const page = '<!DOCTYPE html><html><body><nav>Menu</nav><h1>Titel</h1><p>Text.</p></body></html>';
    for (const name of ['page.html', 'page.txt']) {
      const r = await readArticle(file(name, page));
      expect(r.ok && [r.value.info.format, r.value.blocks.map((b) => b.text)]).toEqual(['html', ['Titel', 'Text.']]);
    }
  });

  it('opens a bilingual table with each row’s source beside its translation', async () => {
    const r = await readArticle(file('pairs.csv', 'source,target\nHello,Hallo\n"Yes, please","Ja, bitte"\n'));
    expect(r.ok && r.value.blocks.map((b) => [b.source, b.text])).toEqual([
      ['Hello', 'Hallo'],
      ['Yes, please', 'Ja, bitte'],
    ]);
  });

  it('sends a WMT annotation file to the import command instead of misreading it', async () => {
    const r = await readArticle(
      file('mqm.tsv', 'system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\ns\td\t1\t1\tr\ta\tb\tNo-error\tNo-error\n'),
    );
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: expect.stringContaining('redline import mqm.tsv --doc ID --system NAME') },
    });
  });

  it('names the part, line and column of a Word document with broken XML', async () => {
    const r = await readArticle(file('broken.docx', makeDocx({ body: '<w:p><w:r><w:t>x</w:r></w:p>' })));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'parse-error', message: expect.stringMatching(/^broken\.docx: word\/document\.xml line 1, column \d+: /) },
    });
  });
});
