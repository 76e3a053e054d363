import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImportedFlag } from '../../model';
import { inlineCodeProblem } from '../inline-codes';
import { offsetMapper } from './offset-map';
import { createXliffReader, readXliff, type XliffUnit } from './xliff-reader';
import { reviseXliff, writeXliff21, xliff21Pieces, type UnitRevision } from './xliff-writer';
import { severityFromIts } from './xliff-its';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(join(here, 'fixtures', name), 'utf8');
/** Code characters shown as ⟦n⟧ so expectations read like the text. */
const show = (s: string) => s.replace(/[\ue000-\uf8ff]/g, (c) => `⟦${c.charCodeAt(0) - 0xe000}⟧`);
const targetFlags = (u: XliffUnit) => u.flags.filter((f) => f.side === 'target');
const unchanged = (u: XliffUnit): UnitRevision => ({ text: u.target, flags: targetFlags(u), map: offsetMapper(u.target, u.target) });

const xmllint = existsSync('/usr/bin/xmllint') ? '/usr/bin/xmllint' : undefined;
function wellFormed(xml: string): void {
  if (!xmllint) return;
  const dir = mkdtempSync(join(tmpdir(), 'xliff-'));
  const file = join(dir, 'out.xlf');
  writeFileSync(file, xml);
  execFileSync(xmllint, ['--noout', '--nonet', file]);
}

describe('reading XLIFF 1.2', () => {
  const read = readXliff('harbour.xlf', fixture('xliff12-codes.xlf'));
  it('makes each translatable unit a paragraph, leaving out translate="no" units and earlier translations', () => {
    expect(read.failure).toBeUndefined();
    expect(read.document?.dialect).toBe('xliff-1.2');
    expect(read.units.map((u) => u.id)).toEqual(['u1', 'u2', 'u3', 'u4', 'u6']);
    expect(read.units[1]!.target).not.toContain('billiger');
  });
  it('keeps g, x, bpt/ept and ph as compact codes whose data is the original markup', () => {
    const [u1, u2, u3] = read.units;
    expect(show(u1!.target)).toBe('Die Fähre fährt um ⟦0⟧neun⟦1⟧ Uhr ab.');
    expect(u1!.codes.map((c) => c.label)).toEqual(['<1>', '</1>']);
    expect(u2!.codes[0]).toMatchObject({ kind: 'standalone', label: '{1}', data: '<x id="1" ctype="x-price"/>' });
    expect(u3!.codes.map((c) => [c.kind, c.label])).toEqual([
      ['open', '<1>'],
      ['close', '</1>'],
      ['standalone', '{2}'],
    ]);
    expect(u3!.codes[0]!.data).toBe('<bpt id="1">&lt;a href="faq.html"&gt;</bpt>');
  });
  it('keeps notes and states, and shows a unit without a target as untranslated', () => {
    expect(read.units[0]!.notes).toEqual(['Time of day: keep the digits as words.']);
    expect(read.units[0]!.state).toBe('needs-review-translation');
    expect(read.units[4]!.target).toBe('');
    expect(read.units[4]!.source).toBe('Have a pleasant crossing!');
  });
  it('turns an ITS mark into a flag with its category, severity, comment and reviewer, and keeps other marks as codes', () => {
    const u4 = read.units[3]!;
    expect(show(u4.target)).toBe('Der Hafenchef & die Crew winken ⟦0⟧zum Abschied⟦1⟧.');
    const [flag] = targetFlags(u4);
    expect(flag).toMatchObject({
      category: 'Terminology/Wrong term',
      severity: 'major',
      comment: 'Hafenmeister, not Hafenchef',
      rater: 'Ines',
      status: 'open',
    });
    expect(u4.target.slice(flag!.start, flag!.end)).toBe('Hafenchef');
  });
});

describe('reading SDLXLIFF', () => {
  const read = readXliff('garden.sdlxliff', fixture('trados-segments.sdlxliff'));
  it('joins the segments of a unit with a space and takes each segment state from sdl:seg', () => {
    expect(read.document?.dialect).toBe('sdlxliff');
    expect(read.units.map((u) => u.id)).toEqual(['a1', 'a2']);
    expect(show(read.units[0]!.target)).toBe('Arrosez les roses le soir. Ne les arrosez jamais à ⟦0⟧midi⟦1⟧.');
    expect(read.units[0]!.segments.map((s) => s.state)).toEqual(['Translated', 'Draft']);
    expect(read.units[1]!.target).toBe("Taillez à la fin de l'hiver.");
    expect(read.units[1]!.state).toBe('ApprovedTranslation');
  });
});

describe('reading XLIFF 2.0', () => {
  const read = readXliff('museum.xlf', fixture('xliff20-its.xlf'));
  it('reads pc, ph and sc/ec as codes and leaves translation matches out', () => {
    expect(read.units.map((u) => u.id)).toEqual(['room1', 'room2', 'room3', 'room4']);
    expect(show(read.units[0]!.target)).toBe('Bienvenidos al ⟦0⟧ala este⟦1⟧. Por favor no tocar las pinturas.⟦2⟧');
    expect(show(read.units[1]!.target)).toBe('La ⟦0⟧escultrua⟦1⟧ está hecha de bronce.');
    expect(read.units[1]!.codes.map((c) => c.label)).toEqual(['<3>', '</3>']);
    expect(read.units[0]!.state).toBe('translated, initial');
    expect(read.units[0]!.notes).toEqual(['Sign at the entrance of the east wing.']);
  });
  it('reads inline, stand-off and sm/em quality issues, a switched-off issue as dismissed', () => {
    const [room1, room2, room3] = read.units;
    expect(targetFlags(room1!).map((f) => [f.category, f.severity, room1!.target.slice(f.start, f.end)])).toEqual([
      ['Linguistic conventions/Grammar', 'minor', 'tocar'],
    ]);
    expect(targetFlags(room2!).map((f) => [f.category, f.severity, f.status, room2!.target.slice(f.start, f.end)])).toEqual([
      ['Linguistic conventions/Spelling', 'critical', 'open', 'escultrua'],
      ['Terminology/Wrong term', 'minor', 'dismissed', 'escultrua'],
    ]);
    expect(targetFlags(room3!).map((f) => [f.category, room3!.target.slice(f.start, f.end)])).toEqual([
      ['Accuracy/Omission', 'fotografías'],
    ]);
  });
});

describe('ITS severities', () => {
  it('reads 0 as neutral, 1-49 minor, 50-89 major, 90-100 critical, and refuses values outside 0-100', () => {
    expect(['0', '1', '49', '50', '89.5', '90', '100', '', '101', 'high'].map((v) => severityFromIts(v))).toEqual([
      'neutral',
      'minor',
      'minor',
      'major',
      'major',
      'critical',
      'critical',
      'minor',
      undefined,
      undefined,
    ]);
  });
});

describe('writing back the file it came from', () => {
  for (const name of ['xliff12-codes.xlf', 'trados-segments.sdlxliff', 'xliff20-its.xlf']) {
    it(`${name}: nothing edited gives the same bytes`, () => {
      const original = fixture(name);
      const read = readXliff(name, original);
      const written = reviseXliff(name, original, read.units.map(unchanged));
      expect(written.ok && written.value.text).toBe(original);
    });
  }

  it('replaces an edited target, marks it translated, and leaves every other line as it was', () => {
    const original = fixture('xliff12-codes.xlf');
    const read = readXliff('harbour.xlf', original);
    const revisions = read.units.map(unchanged);
    const u1 = read.units[0]!;
    const text = u1.target.replace('neun', '21');
    revisions[0] = { text, flags: [], map: offsetMapper(u1.target, text) };
    const written = reviseXliff('harbour.xlf', original, revisions);
    if (!written.ok) throw new Error(written.error.message);
    const before = original.split('\n');
    const after = written.value.text.split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.map((line, i) => (line === before[i] ? undefined : line)).filter((l) => l !== undefined);
    expect(changed).toEqual(['        <target state="translated">Die Fähre fährt um <g id="1">21</g> Uhr ab.</target>']);
    wellFormed(written.value.text);
  });

  it('puts edited segments back into their segment markers and marks them approved in SDLXLIFF', () => {
    const original = fixture('trados-segments.sdlxliff');
    const read = readXliff('garden.sdlxliff', original);
    const revisions = read.units.map(unchanged);
    const a1 = read.units[0]!;
    const text = a1.target.replace('Arrosez', 'Arrosez bien').replace('jamais', 'surtout pas');
    revisions[0] = { text, flags: [], map: offsetMapper(a1.target, text) };
    const written = reviseXliff('garden.sdlxliff', original, revisions);
    if (!written.ok) throw new Error(written.error.message);
    expect(written.value.text).toContain(
      '<mrk mtype="seg" mid="1">Arrosez bien les roses le soir.</mrk> <mrk mtype="seg" mid="2">Ne les arrosez surtout pas à <g id="t1">midi</g>.</mrk>',
    );
    expect(written.value.text).toContain('<sdl:seg id="1" conf="ApprovedTranslation" origin="mt"/>');
    const again = readXliff('garden.sdlxliff', written.value.text);
    expect(again.units[0]!.target).toBe(text);
    expect(again.units[1]!.target).toBe(read.units[1]!.target);
    wellFormed(written.value.text);
  });

  it('writes a translation into a unit that had none, and a 1.2 ITS flag as mrk mtype="x-its"', () => {
    const original = fixture('xliff12-codes.xlf');
    const read = readXliff('harbour.xlf', original);
    const revisions = read.units.map(unchanged);
    revisions[4] = {
      text: 'Gute Überfahrt!',
      flags: [
        {
          start: 0,
          end: 4,
          category: 'Style/Awkward',
          severity: 'minor',
          comment: '',
          rater: 'Ines',
          origin: { kind: 'person' },
          status: 'open',
        },
      ],
      map: offsetMapper('', 'Gute Überfahrt!'),
    };
    const written = reviseXliff('harbour.xlf', original, revisions);
    if (!written.ok) throw new Error(written.error.message);
    expect(written.value.text).toContain('<target state="translated"><mrk mtype="x-its" its:locQualityIssueType="style"');
    const again = readXliff('harbour.xlf', written.value.text);
    expect(again.units[4]!.target).toBe('Gute Überfahrt!');
    expect(targetFlags(again.units[4]!)).toEqual([expect.objectContaining({ start: 0, end: 4, category: 'Style/Awkward', rater: 'Ines' })]);
    wellFormed(written.value.text);
  });

  it('refuses a text whose tags were broken, naming the paragraph and the tag', () => {
    const original = fixture('xliff12-codes.xlf');
    const read = readXliff('harbour.xlf', original);
    const revisions = read.units.map(unchanged);
    const broken = read.units[0]!.target.replace('\ue001', '');
    revisions[0] = { text: broken, flags: [], map: offsetMapper(read.units[0]!.target, broken) };
    const written = reviseXliff('harbour.xlf', original, revisions);
    expect(written.ok).toBe(false);
    expect(!written.ok && written.error.message).toMatch(/Paragraph 1 .*<1>/);
  });
});

describe('XLIFF 2.1 with quality issues', () => {
  it('round trip: import, flag and edit, export, import again gives the same text and the same flags', () => {
    const read = readXliff('museum.xlf', fixture('xliff20-its.xlf'));
    const paragraphs = read.units.map((u, i) => {
      const target = i === 3 ? 'La cafetería cierra a las cinco.' : u.target;
      const added: ImportedFlag[] =
        i === 0
          ? [
              {
                side: 'target',
                start: 0,
                end: 11,
                category: 'Fluency/Grammar',
                severity: 'major',
                comment: 'plural "<ok>" & more',
                rater: 'Zoe',
                origin: { kind: 'person' },
                status: 'open',
              },
              {
                side: 'target',
                start: 5,
                end: 20,
                category: 'Accuracy/Mistranslation',
                severity: 'neutral',
                comment: '',
                rater: 'spell',
                origin: { kind: 'check', check: 'spell' },
                status: 'fixed',
              },
              {
                side: 'target',
                start: 3,
                end: 3,
                category: 'Accuracy/Omission',
                severity: 'critical',
                comment: 'word missing',
                rater: 'Zoe',
                origin: { kind: 'person' },
                status: 'open',
              },
            ]
          : [];
      const flags = [...u.flags, ...added];
      return {
        id: `p${i + 1}`,
        ref: u.id,
        source: u.source,
        sourceCodes: u.sourceCodes,
        target,
        codes: u.codes,
        notes: u.notes,
        changed: target !== u.target,
        targetFlags: flags.filter((f) => f.side === 'target'),
        sourceFlags: flags.filter((f) => f.side === 'source'),
      };
    });
    const xml = writeXliff21({ original: 'museum.xlf', srcLang: 'en', trgLang: 'es' }, paragraphs);
    wellFormed(xml);
    for (const per of [1, 2, 5]) {
      expect([...xliff21Pieces({ original: 'museum.xlf', srcLang: 'en', trgLang: 'es' }, paragraphs, per)].join('')).toBe(xml);
    }
    expect(xml).toContain('version="2.1"');
    const again = readXliff('museum-2.1.xlf', xml);
    expect(again.failure).toBeUndefined();
    expect(again.units.map((u) => u.target)).toEqual(paragraphs.map((p) => p.target));
    const key = (f: ImportedFlag) =>
      JSON.stringify([f.side, f.start, f.end, f.category, f.severity, f.comment, f.status, f.rater, f.origin]);
    again.units.forEach((u, i) => {
      expect(u.flags.map(key).sort()).toEqual([...paragraphs[i]!.targetFlags, ...paragraphs[i]!.sourceFlags].map(key).sort());
    });
    // The rules of the format that matter: unique ids per unit, every sm closed by an em, no marker with both forms.
    for (const unit of xml.split('<unit ').slice(1)) {
      const ids = [...unit.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      const targetIds = [...(unit.match(/<target>[\s\S]*<\/target>/)?.[0] ?? '').matchAll(/<(?:mrk|sm|sc|ph) id="([^"]+)"/g)].map(
        (m) => m[1],
      );
      expect(new Set(targetIds).size).toBe(targetIds.length);
      expect(ids.length).toBeGreaterThan(0);
      for (const sm of unit.matchAll(/<sm id="([^"]+)"/g)) expect(unit).toContain(`<em startRef="${sm[1]}"/>`);
      for (const marker of unit.matchAll(/<(?:mrk|sm) [^>]*>/g))
        expect(/locQualityIssuesRef/.test(marker[0]) && /locQualityIssueType/.test(marker[0])).toBe(false);
      for (const sev of unit.matchAll(/locQualityIssueSeverity="([^"]+)"/g)) expect(Number(sev[1])).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('refusing what it cannot read', () => {
  it('names the line and column of malformed XML', () => {
    const read = readXliff(
      'broken.xlf',
      '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file><body>\n    <trans-unit id="1"><source>a</target>',
    );
    expect(read.failure?.code).toBe('parse-error');
    expect(read.failure?.message).toMatch(/^broken\.xlf is not well-formed XML: line 4, column \d+/);
  });
  it('refuses declared entities instead of expanding them', () => {
    const laughs =
      '<?xml version="1.0"?>\n<!DOCTYPE xliff [\n <!ENTITY a "haha">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<xliff version="1.2"><file><body><trans-unit id="1"><source>&b;</source></trans-unit></body></file></xliff>';
    const read = readXliff('laughs.xlf', laughs);
    expect(read.units).toEqual([]);
    expect(read.failure?.code).toBe('unsupported');
    expect(read.failure?.message).toMatch(/declares XML entities/);
  });
  it('says which formats it knows when the root is not XLIFF', () => {
    const read = readXliff('page.xml', '<html><body>Hello</body></html>');
    expect(read.failure?.message).toMatch(/root element is <html>.*XLIFF 1\.2, XLIFF 2\.0-2\.2 and SDLXLIFF/);
  });
});

describe('inline code rules', () => {
  const codes = readXliff('harbour.xlf', fixture('xliff12-codes.xlf')).units[0]!.codes;
  it('accepts a text with its codes whole, or a pair removed together, and refuses a pair broken up', () => {
    expect(inlineCodeProblem('um \ue000neun\ue001 Uhr', codes)).toBeUndefined();
    expect(inlineCodeProblem('um neun Uhr', codes)).toBeUndefined();
    expect(inlineCodeProblem('um \ue000neun Uhr', codes)).toMatch(/<\/1> was removed/);
    expect(inlineCodeProblem('um \ue001neun\ue000 Uhr', codes)).toMatch(/before/);
  });
});

/** `readXliff` of `text` handed to the reader in pieces of `size` characters, as the loader hands it a decoded file. */
function readInPieces(name: string, text: string, size: number): ReturnType<typeof readXliff> {
  const units: XliffUnit[] = [];
  let document: ReturnType<typeof readXliff>['document'];
  const reader = createXliffReader(name, { onDocument: (d) => (document = d), onUnit: (u) => units.push(u) });
  for (let at = 0; at < text.length; at += size) reader.write(text.slice(at, at + size));
  reader.close();
  return {
    ...(document ? { document: { ...document, ...reader.languages() } } : {}),
    units,
    ...(reader.failure ? { failure: reader.failure } : {}),
  };
}

describe('reading a file in pieces', () => {
  // Pieces of one character, pieces that end inside tags, names and attribute values, and pieces longer than units.
  const sizes = [1, 2, 7, 37, 100, 4096];
  for (const name of readdirSync(join(here, 'fixtures'))) {
    it(`reads ${name} as it reads it whole, its units' places in the file and inline codes included`, () => {
      const text = fixture(name);
      const whole = readXliff(name, text);
      expect(whole.failure).toBeUndefined();
      for (const size of sizes) expect(readInPieces(name, text, size)).toEqual(whole);
    });
  }
});

// Real files made by other tools, when the shared reference folder sits beside the repository.
const referenceDir = join(here, '../../../../shared/reference');
describe.skipIf(!existsSync(referenceDir))('real XLIFF files from other tools', () => {
  for (const name of existsSync(referenceDir) ? readdirSync(referenceDir).filter((n) => /\.(xlf|xliff|sdlxliff)$/.test(n)) : []) {
    it(`${name} reads without failure and writes back unchanged`, () => {
      const original = readFileSync(join(referenceDir, name), 'utf8');
      const read = readXliff(name, original);
      expect(read.failure).toBeUndefined();
      expect(read.units.length).toBeGreaterThan(0);
      const written = reviseXliff(name, original, read.units.map(unchanged));
      expect(written.ok && written.value.text).toBe(original);
    });
  }
});
