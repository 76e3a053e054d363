/**
 * The checks' suggestions on a long article (see suggestions-child.ts for what is measured): the service runs built,
 * as in the app, in a process of its own, which prints its figures.
 */
import { childFigures } from './built-child';
import type { BenchSection, Figure } from './report';

export const section: BenchSection = {
  title: 'Suggestions of the checks on a long article (100,000 paragraphs)',
  run(): Promise<Figure[]> {
    return childFigures('suggestions-child');
  },
};
