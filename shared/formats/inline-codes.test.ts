import { describe, expect, it } from 'vitest';
import type { InlineCode } from '../model';
import { hasInlineCodes, inlineCodeName, inlineCodeProblem, missingInlineCodes, splitInlineCodes } from './inline-codes';

const codes: readonly InlineCode[] = [
  { kind: 'open', id: '1', label: '<1>', data: '<g id="1">' },
  { kind: 'close', id: '1', label: '</1>', data: '</g>' },
  { kind: 'standalone', id: '2', label: '{2}', data: '<x id="2"/>' },
];

describe('inline codes in a text', () => {
  it('cuts a text into words and codes, with their offsets', () => {
    expect(splitInlineCodes('um \ue000neun\ue001 Uhr')).toEqual([
      { kind: 'text', text: 'um ', start: 0 },
      { kind: 'code', index: 0, start: 3 },
      { kind: 'text', text: 'neun', start: 4 },
      { kind: 'code', index: 1, start: 8 },
      { kind: 'text', text: ' Uhr', start: 9 },
    ]);
    expect(splitInlineCodes('')).toEqual([{ kind: 'text', text: '', start: 0 }]);
    expect(hasInlineCodes('plain words')).toBe(false);
    expect(hasInlineCodes('a \ue002 b')).toBe(true);
  });

  it('lists the codes a corrected text left out, so the editor can offer them back', () => {
    expect(missingInlineCodes('um \ue000neun\ue001 Uhr', codes)).toEqual([2]);
    expect(missingInlineCodes('um neun Uhr', codes)).toEqual([0, 1, 2]);
    expect(missingInlineCodes('text', undefined)).toEqual([]);
  });

  it('names a code the way a screen reader says it', () => {
    expect(inlineCodeName(codes[0])).toBe('inline code <1>');
    expect(inlineCodeName(undefined)).toBe('inline code');
  });

  it('refuses a duplicated code and a code of no tag, naming it', () => {
    expect(inlineCodeProblem('\ue002 und \ue002', codes)).toBe('the tag {2} appears twice');
    expect(inlineCodeProblem('a \ue005 b', codes)).toMatch(/placeholder 6.*belongs to no tag/);
    expect(inlineCodeProblem('\ue000a\ue001 \ue002', codes)).toBeUndefined();
  });

  it('checks a paragraph of a thousand tag pairs quickly enough for every keystroke', () => {
    const many: InlineCode[] = [];
    let text = '';
    for (let i = 0; i < 1000; i++) {
      many.push({ kind: 'open', id: String(i), label: `<${i}>`, data: '' }, { kind: 'close', id: String(i), label: `</${i}>`, data: '' });
      text += `${String.fromCharCode(0xe000 + 2 * i)}word${String.fromCharCode(0xe000 + 2 * i + 1)} `;
    }
    expect(inlineCodeProblem(text, many)).toBeUndefined();
    // Processor time, not the clock: a machine busy with other work may pause this process for longer than the budget.
    const started = process.cpuUsage();
    expect(inlineCodeProblem(text.replace(String.fromCharCode(0xe000 + 1999), ''), many)).toBe(
      'the tag </999> was removed but <999> was kept',
    );
    const used = process.cpuUsage(started);
    // A keystroke's budget is a few milliseconds; the codes were paired by the first check.
    expect((used.user + used.system) / 1000).toBeLessThan(20);
  });
});
