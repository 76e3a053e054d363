import { describe, expect, it } from 'vitest';
import { paragraphIdAt } from '../model';
import { NumberedIndex, paragraphIndexInSteps, paragraphIndexOf } from './paragraph-index';

const ids = (list: readonly string[]) => list.map((id) => ({ id }));
const numbered = (count: number) => ids(Array.from({ length: count }, (_, i) => paragraphIdAt(i)));
const mapOf = (list: readonly { id: string }[]) => new Map(list.map((p, i) => [p.id, i]));
const breathe = async () => undefined;

describe('paragraph positions by id', () => {
  it('reads an article’s numbered paragraphs off their ids, as a map of them would answer', async () => {
    const list = numbered(25_000);
    const index = paragraphIndexOf(list);
    expect(index).toBeInstanceOf(NumberedIndex);
    expect(await paragraphIndexInSteps(list, breathe)).toBeInstanceOf(NumberedIndex);
    const map = mapOf(list);
    for (const id of ['p1', 'p9', 'p10', 'p25000', 'p25001', 'p0', 'p01', 'P1', 'p', 'p1x', 'q1', 'p-1', 'p 1', '', 'p99999999999']) {
      expect([index.get(id), index.has(id)], id).toEqual([map.get(id), map.has(id)]);
    }
    expect(index.size).toBe(25_000);
    expect([...index].slice(0, 3)).toEqual([...map].slice(0, 3));
    expect([...index.keys()].at(-1)).toBe('p25000');
    expect([...index.values()].at(-1)).toBe(24_999);
    const seen: [string, number][] = [];
    paragraphIndexOf(numbered(3)).forEach((position, id) => seen.push([id, position]));
    expect(seen).toEqual([...mapOf(numbered(3))]);
  });

  it('holds any other list in a map: ids out of order, named by hand, or missing a number', async () => {
    for (const list of [ids(['p2', 'p1', 'p3']), ids(['intro', 'p2']), ids(['p1', 'p3']), [...numbered(20_000), { id: 'p20002' }]]) {
      expect(paragraphIndexOf(list)).toEqual(mapOf(list));
      expect(await paragraphIndexInSteps(list, breathe)).toEqual(mapOf(list));
    }
  });
});
