import { describe, expect, it } from 'vitest';
import { parseTypology } from './parse-typology';
import { categoryWeights } from './typology';

function errorOf(json: string): string {
  const r = parseTypology(json, 'house.json');
  if (r.ok) throw new Error('expected a failure');
  return r.error.message;
}

describe('loading a custom typology', () => {
  it('reads categories, weights and multipliers, keeping MQM-Core multipliers not given', () => {
    const r = parseTypology(
      JSON.stringify({
        name: 'House',
        categories: [{ name: 'Accuracy', weight: 2, children: [{ name: 'Omission' }] }, { name: 'Style' }],
        severityMultipliers: { major: 10 },
      }),
      'house.json',
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.categories[0]!.children[0]!.id).toBe('Accuracy/Omission');
    expect(r.value.severityMultipliers).toEqual({ neutral: 0, minor: 1, major: 10, critical: 25 });
    expect(categoryWeights(r.value).get('Accuracy/Omission')).toBe(2);
  });

  it('names the field path of a wrong type', () => {
    const cats = [{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 4 }];
    expect(errorOf(JSON.stringify({ name: 'X', categories: cats }))).toBe('house.json: categories[3].name: expected a string');
  });

  it('names a missing field inside nested children', () => {
    const json = JSON.stringify({ name: 'X', categories: [{ name: 'A', children: [{ weight: 1 }] }] });
    expect(errorOf(json)).toBe('house.json: categories[0].children[0].name: is required');
  });

  it('refuses a negative weight, a slash in a name and a duplicate name', () => {
    expect(errorOf(JSON.stringify({ name: 'X', categories: [{ name: 'A', weight: -1 }] }))).toBe(
      'house.json: categories[0].weight: must be at least 0',
    );
    expect(errorOf(JSON.stringify({ name: 'X', categories: [{ name: 'A/B' }] }))).toBe(
      'house.json: categories[0].name: must not contain "/"',
    );
    expect(errorOf(JSON.stringify({ name: 'X', categories: [{ name: 'A' }, { name: 'a' }] }))).toBe(
      'house.json: categories[1].name: "a" appears twice at this level',
    );
  });

  it('refuses unknown fields and text that is not JSON', () => {
    expect(errorOf(JSON.stringify({ name: 'X', categories: [{ name: 'A', colour: 'red' }] }))).toBe(
      'house.json: categories[0]: unknown field "colour"',
    );
    expect(errorOf('{ "name": ')).toMatch(/^house\.json: not valid JSON/);
    expect(errorOf(JSON.stringify({ name: 'X', categories: [] }))).toBe('house.json: categories: must list at least one category');
  });
});
