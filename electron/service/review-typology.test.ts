import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonSyntaxError, loadTypologyFile, typologyFromSetting } from './review-typology';

const dir = mkdtempSync(join(tmpdir(), 'redline-typology-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function messageFor(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, content);
  const r = await loadTypologyFile(path);
  return r.ok ? 'loaded' : r.error.message;
}

describe('loading a typology from a file that is not one', () => {
  const SECRET = 'hunter2-private-key';

  it('says what is wrong and where, without quoting the file', async () => {
    const plain = await messageFor('id_key', `${SECRET}\nsecond line\n`);
    expect(plain).toBe('id_key line 1, column 1: not valid JSON (a value was expected).');

    const broken = await messageFor('broken.json', `{\n  "name": "House",\n  "categories": [ ${SECRET} ]\n}`);
    expect(broken).toBe('broken.json line 3, column 19: not valid JSON (a value was expected).');

    const cut = await messageFor('cut.json', `{ "name": "${SECRET}"`);
    expect(cut).toBe('cut.json line 1, column 32: not valid JSON (the text ends too early).');

    for (const m of [plain, broken, cut]) expect(m).not.toContain('hunter2');
  });

  it('does not name the fields of JSON that is not a typology', async () => {
    const config = await messageFor('settings.json', JSON.stringify({ [SECRET]: 'value', token: SECRET }));
    expect(config).toBe('settings.json is not a typology file: a typology is a JSON object with "name" and "categories".');
    expect(await messageFor('list.json', JSON.stringify([SECRET]))).not.toContain('hunter2');
    expect(await messageFor('blob.bin', new Uint8Array([0x7b, 0, 0x68, 0x75, 0x6e]))).toBe(
      'blob.bin is not a typology file: it holds binary data.',
    );
  });

  it('still points a typology author at the field at fault', async () => {
    const m = await messageFor('house.json', JSON.stringify({ name: 'House', categories: [{ name: 'Accuracy', weight: 'heavy' }] }));
    expect(m).toMatch(/^house\.json: categories\[0\]\.weight: expected a number/);
  });
});

describe('finding where JSON goes wrong', () => {
  it('agrees with the JSON parser on which texts are valid', () => {
    const seeds = ['{"a":[1,2.5e3,-0,true,false,null,"x\\u00e9\\n"],"b":{}}', '[]', '"s"', '[[[{"k":[{}]}]]]', ' 12 '];
    const pieces = ['{', '}', '[', ']', ',', ':', '"', '\\', '1', '-', '.', 'e', 't', 'n', ' ', '\n', '\u0001', 'x'];
    // A deterministic generator, so a failure can be replayed.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 5000; round++) {
      const chars = [...seeds[round % seeds.length]!];
      const edits = 1 + random(3);
      for (let e = 0; e < edits; e++) {
        const at = random(chars.length + 1);
        const kind = random(3);
        if (kind === 0) chars.splice(at, 1);
        else if (kind === 1) chars.splice(at, 0, pieces[random(pieces.length)]!);
        else chars[at] = pieces[random(pieces.length)]!;
      }
      const text = chars.join('');
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(jsonSyntaxError(text) === undefined, text).toBe(valid);
    }
  });

  it('copes with deep nesting', () => {
    expect(jsonSyntaxError('['.repeat(200_000))).toEqual({ offset: 200_000, problem: 'the text ends too early' });
  });
});

describe('the typology a review uses when it carries none of its own', () => {
  const categoryIds = (setting: string, profile: 'wmt' | 'wmt-legacy' | 'mqm-core'): string[] => {
    const t = typologyFromSetting(setting, profile);
    if (!t.ok) throw new Error(t.error.message);
    return t.value.categories.flatMap((c) => [c.id, ...c.children.map((k) => k.id)]);
  };

  it('is the WMT typology under both WMT profiles and MQM-Core under the MQM-Core profile', () => {
    for (const profile of ['wmt', 'wmt-legacy'] as const) {
      const ids = categoryIds('mqm-core', profile);
      expect(ids).toEqual(
        expect.arrayContaining([
          'Accuracy/Untranslated text',
          'Style/Awkward',
          'Locale convention/Date format',
          'Non-translation',
          'Source error',
          'Other',
        ]),
      );
      expect(ids).not.toContain('Design and markup');
    }
    expect(categoryIds('mqm-core', 'mqm-core')).toContain('Design and markup');
  });

  it('is never replaced by the profile when the review carries a custom typology', () => {
    const custom = JSON.stringify({ name: 'Newsroom', categories: [{ name: 'Facts' }] });
    expect(categoryIds(custom, 'wmt')).toEqual(['Facts']);
  });
});
