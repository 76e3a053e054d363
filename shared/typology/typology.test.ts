import { describe, expect, it } from 'vitest';
import { MQM_CORE } from './mqm-core';
import { categoryWeights, findCategory, flattenCategories, weightOf } from './typology';
import { categoryForItsType, ITS_ISSUE_TYPES, itsTypeFor } from './its-mapping';

describe('MQM-Core typology', () => {
  it('offers the seven MQM dimensions plus Non-translation, Other and Source issue, in that order', () => {
    expect(MQM_CORE.categories.map((c) => c.name)).toEqual([
      'Terminology',
      'Accuracy',
      'Linguistic conventions',
      'Style',
      'Locale conventions',
      'Audience appropriateness',
      'Design and markup',
      'Non-translation',
      'Other',
      'Source issue',
    ]);
  });

  it('names subcategories by their path', () => {
    expect(findCategory(MQM_CORE, 'Accuracy/Mistranslation')?.name).toBe('Mistranslation');
    expect(findCategory(MQM_CORE, 'Linguistic conventions/Punctuation')?.id).toBe('Linguistic conventions/Punctuation');
    expect(findCategory(MQM_CORE, 'Accuracy/Nonsense')).toBeUndefined();
  });

  it('never puts a slash inside a category name', () => {
    for (const option of flattenCategories(MQM_CORE)) expect(option.label).not.toContain('/');
  });

  it('weighs critical errors 25 times a minor one', () => {
    expect(MQM_CORE.severityMultipliers).toEqual({ neutral: 0, minor: 1, major: 5, critical: 25 });
  });
});

describe('category picker rows', () => {
  it('lists a parent before its children with depth and parent label', () => {
    const rows = flattenCategories(MQM_CORE);
    const accuracy = rows.findIndex((r) => r.id === 'Accuracy');
    expect(rows[accuracy]).toEqual({ id: 'Accuracy', label: 'Accuracy', depth: 0 });
    expect(rows[accuracy + 1]).toEqual({
      id: 'Accuracy/Mistranslation',
      label: 'Mistranslation',
      parentLabel: 'Accuracy',
      depth: 1,
    });
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});

describe('category weights', () => {
  const typology = {
    ...MQM_CORE,
    categories: MQM_CORE.categories.map((c) => (c.name === 'Accuracy' ? { ...c, weight: 2 } : c)),
  };
  it('a subcategory inherits the weight of its parent, others weigh 1', () => {
    const weights = categoryWeights(typology);
    expect(weightOf(weights, 'Accuracy/Omission')).toBe(2);
    expect(weightOf(weights, 'Style/Awkward style')).toBe(1);
  });
  it('an unknown subcategory takes the weight of its nearest known ancestor', () => {
    expect(weightOf(categoryWeights(typology), 'Accuracy/Omission/Whole clause')).toBe(2);
    expect(weightOf(categoryWeights(typology), 'Fluency/Grammar')).toBe(1);
  });
});

describe('ITS 2.0 issue types', () => {
  it('maps MQM categories onto ITS types', () => {
    expect(itsTypeFor('Accuracy/Omission')).toBe('omission');
    expect(itsTypeFor('Linguistic conventions/Spelling')).toBe('misspelling');
    expect(itsTypeFor('Locale conventions/Number format')).toBe('numbers');
    expect(itsTypeFor('Non-translation')).toBe('untranslated');
  });

  it('maps WMT spellings and unknown subcategories through their parent', () => {
    expect(itsTypeFor('Fluency/Punctuation')).toBe('typographical');
    expect(itsTypeFor('accuracy/mistranslation/false friend')).toBe('mistranslation');
    expect(itsTypeFor('Made up')).toBe('other');
  });

  it('brings every ITS type back to an MQM-Core category', () => {
    expect(ITS_ISSUE_TYPES).toHaveLength(27);
    for (const type of ITS_ISSUE_TYPES) {
      expect(findCategory(MQM_CORE, categoryForItsType(type)), type).toBeDefined();
    }
  });

  it('round-trips the category each ITS type comes back as', () => {
    for (const type of ['mistranslation', 'omission', 'grammar', 'markup', 'length', 'register'] as const) {
      expect(itsTypeFor(categoryForItsType(type))).toBe(type);
    }
  });
});
