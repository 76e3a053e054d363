import { describe, expect, it } from 'vitest';
import { exportChoices, ownExportFormat } from './export-choices';

describe('the exports offered for an article', () => {
  it('offers the format the article came in first, then every other way out once', () => {
    const xliff = exportChoices('xliff').map((c) => c.value);
    expect(xliff[0]).toBe('xliff');
    expect(xliff).toEqual(['xliff', 'txt', 'md', 'xliff-its', 'docx', 'tsv', 'json', 'csv', 'patch']);
    expect(exportChoices('txt').map((c) => c.value)).toEqual(['txt', 'md', 'xliff-its', 'docx', 'tsv', 'json', 'csv', 'patch']);
  });

  it('gives back a Word document as it was, and a bilingual table as a table, with tracked changes offered beside', () => {
    expect(ownExportFormat('docx')).toBe('docx-clean');
    expect(exportChoices('docx').map((c) => c.label)).toContain('Word with tracked changes and comments');
    expect(ownExportFormat('tsv')).toBe('bitext');
  });

  it('never offers the same-format XLIFF for an article that did not come as XLIFF', () => {
    for (const article of ['txt', 'md', 'docx', 'html', 'tsv'] as const) {
      expect(exportChoices(article).map((c) => c.value)).not.toContain('xliff');
    }
  });
});
