/**
 * Reviewing a long article (see review-child.ts for what is measured): the service runs built, as in the app, in a
 * process of its own, which prints its figures.
 */
import { childFigures } from './built-child';
import type { BenchSection, Figure } from './report';

export const section: BenchSection = {
  title: 'Reviewing a long article (100,000 paragraphs)',
  run(): Promise<Figure[]> {
    return childFigures('review-child');
  },
};
