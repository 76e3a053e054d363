/**
 * Writing a long article's review back into the file it came from (see review-write-back-child.ts for what is
 * measured): the service runs built, as in the app, in a process of its own, which prints its figures.
 */
import { childFigures } from './built-child';
import type { BenchSection, Figure } from './report';

export const section: BenchSection = {
  title: 'A long HTML page, XLIFF file and Word document (100,000 paragraphs): opened, reviewed, written back',
  run(): Promise<Figure[]> {
    return childFigures('review-write-back-child');
  },
};
