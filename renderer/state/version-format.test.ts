import { describe, expect, it } from 'vitest';
import {
  correctedPath,
  nextVersionNumber,
  formatRate,
  paragraphNumber,
  rateDetail,
  relativeTime,
  valueToRef,
  versionName,
  versionOption,
} from './version-format';

describe('naming versions', () => {
  it('calls version 0 the machine translation and an unnamed version by its number', () => {
    expect(versionName({ number: 0, message: 'loaded' })).toBe('Machine translation');
    expect(versionName({ number: 3, message: '  ' })).toBe('Version 3');
    expect(versionOption({ number: 2, message: 'Names checked' })).toBe('2 · Names checked');
  });

  it('numbers a new version one past the highest saved', () => {
    expect(nextVersionNumber([{ number: 0 }])).toBe(1);
    expect(nextVersionNumber([{ number: 0 }, { number: 1 }, { number: 4 }])).toBe(5);
  });

  it('reads a choice back as a version number or the current text', () => {
    expect(valueToRef('0')).toBe(0);
    expect(valueToRef('12')).toBe(12);
    expect(valueToRef('current')).toBe('current');
  });
});

describe('showing edit rates', () => {
  it('gives a percentage with one decimal and says what it counts', () => {
    const rate = { edits: 53, refWords: 630, ter: 53 / 630 };
    expect(formatRate(rate)).toBe('8.4%');
    expect(rateDetail(rate)).toBe('53 edits / 630 TER tokens of the reference (split at spaces)');
    expect(rateDetail({ edits: 1, refWords: 9, ter: 1 / 9 }, 'char')).toBe('1 edit / 9 characters of the reference');
  });

  it('shows an untouched text as 0% and a rewrite as a whole number', () => {
    expect(formatRate({ edits: 0, refWords: 10, ter: 0 })).toBe('0%');
    expect(formatRate({ edits: 12, refWords: 10, ter: 1.2 })).toBe('120%');
  });
});

describe('times of versions', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('says how long ago a version was saved', () => {
    expect(relativeTime('2026-03-10T11:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(relativeTime('2026-03-09T12:00:00Z', now, 'en')).toBe('yesterday');
    expect(relativeTime('2026-03-10T11:59:40Z', now, 'en')).toBe('now');
  });

  it('shows a time it cannot read as it is', () => {
    expect(relativeTime('not a time', now, 'en')).toBe('not a time');
  });
});

describe('the default export path', () => {
  it('puts .corrected before the extension, beside the article', () => {
    expect(correctedPath('/home/ana/news/story.md', 'md', 'md')).toBe('/home/ana/news/story.corrected.md');
    expect(correctedPath('C:\\texts\\story.txt', 'txt', 'txt')).toBe('C:\\texts\\story.corrected.txt');
  });

  it('follows the chosen format when it is not the article’s', () => {
    expect(correctedPath('/a/story.markdown', 'txt', 'md')).toBe('/a/story.corrected.txt');
    expect(correctedPath('/a/story.markdown', 'md', 'md')).toBe('/a/story.corrected.markdown');
  });

  it('keeps the extension of a Word document or a table exported as it came in, and names the other exports by what they hold', () => {
    expect(correctedPath('/a/report.docx', 'docx-clean', 'docx')).toBe('/a/report.corrected.docx');
    expect(correctedPath('/a/report.docx', 'docx', 'docx')).toBe('/a/report.corrected.docx');
    expect(correctedPath('/a/pairs.csv', 'bitext', 'tsv')).toBe('/a/pairs.corrected.csv');
    expect(correctedPath('/a/pairs.csv', 'tsv', 'tsv')).toBe('/a/pairs.corrected.mqm.tsv');
    expect(correctedPath('/a/museum.xlf', 'xliff-its', 'xliff')).toBe('/a/museum.corrected.its.xlf');
    expect(correctedPath('/a/story.txt', 'csv', 'txt')).toBe('/a/story.corrected.flags.csv');
  });

  it('handles names without an extension and hidden files', () => {
    expect(correctedPath('/a/README', 'txt', 'txt')).toBe('/a/README.corrected.txt');
    expect(correctedPath('/a/.notes', 'md', 'txt')).toBe('/a/.notes.corrected.md');
  });
});

describe('paragraph numbers', () => {
  it('reads the number from the paragraph id, as the article pane shows it', () => {
    expect(paragraphNumber('p17', 3)).toBe(17);
    expect(paragraphNumber('x', 3)).toBe(4);
  });
});
