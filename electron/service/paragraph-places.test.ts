import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PLACES, ParagraphPlaces } from './paragraph-places';

const dir = mkdtempSync(join(tmpdir(), 'redline-places-'));
// Each test has its own file: a write one test left scheduled never lands in the next one's.
let file = '';
let tests = 0;
beforeEach(() => {
  file = join(dir, `places-${++tests}.json`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('remembered places', () => {
  it('a damaged places file means no place, and the next move writes a good one', async () => {
    writeFileSync(file, '{"/a.txt": {"paragraphId": "p3", "at"');
    const places = new ParagraphPlaces(file, 0);
    expect(await places.get('/a.txt')).toBeUndefined();
    await places.set('/a.txt', { paragraphId: 'p4' });
    await places.flush();
    expect(await new ParagraphPlaces(file).get('/a.txt')).toEqual({ paragraphId: 'p4' });
  });

  it('a burst of moves is written once they have rested, with the last place', async () => {
    const places = new ParagraphPlaces(file, 50);
    for (let i = 1; i <= 20; i++) await places.set('/a.txt', { paragraphId: `p${i}` });
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
    await new Promise((done) => setTimeout(done, 120));
    await places.flush();
    expect(JSON.parse(readFileSync(file, 'utf8'))['/a.txt'].paragraphId).toBe('p20');
  });

  it('a compare choice is kept beside the paragraph, and odd entries are left out', async () => {
    writeFileSync(
      file,
      JSON.stringify({
        '/b.txt': { at: '2026-01-01T00:00:00.000Z', paragraphId: 7, compare: { left: -1, right: 'current', level: 'word' } },
      }),
    );
    const places = new ParagraphPlaces(file, 0);
    expect(await places.get('/b.txt')).toEqual({});
    await places.set('/b.txt', { paragraphId: 'p2' });
    expect(await places.set('/b.txt', { compare: { left: 1, right: 'current', level: 'char' } })).toEqual({
      paragraphId: 'p2',
      compare: { left: 1, right: 'current', level: 'char' },
    });
  });

  it(`only the ${MAX_PLACES} articles used last are remembered`, async () => {
    const places = new ParagraphPlaces(file, 0);
    for (let i = 0; i <= MAX_PLACES; i++) await places.set(`/article-${i}.txt`, { paragraphId: 'p1' });
    await places.set('/article-0.txt', { paragraphId: 'p2' });
    await places.set('/article-extra.txt', { paragraphId: 'p1' });
    await places.flush();
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(kept)).toHaveLength(MAX_PLACES);
    expect(kept['/article-0.txt']).toBeDefined();
    expect(kept['/article-1.txt']).toBeUndefined();
    expect(kept['/article-2.txt']).toBeUndefined();
  });
});

describe('two writers of one places file', () => {
  it('never leave it damaged, however their writes interleave', async () => {
    const a = new ParagraphPlaces(file, 0);
    const b = new ParagraphPlaces(file, 0);
    for (let i = 0; i < 40; i++) {
      await a.set(`/a-${i}.txt`, { paragraphId: `p${i}` });
      await b.set(`/b-${i % 3}.txt`, { paragraphId: `p${i}` });
    }
    await Promise.all([a.flush(), b.flush()]);
    // Whichever wrote last, the file is one whole JSON object.
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
  });
});
