/**
 * The review file (see journal-child.ts for what is measured): the journal runs built, as in the app, in a process
 * of its own, which prints its figures. Run in this process, after the other sections, the reopening measured the
 * garbage they left as well.
 */
import { childFigures } from './built-child';
import type { BenchSection, Figure } from './report';

export const section: BenchSection = {
  title: 'Review file (journal)',
  run(): Promise<Figure[]> {
    return childFigures('journal-child');
  },
};
