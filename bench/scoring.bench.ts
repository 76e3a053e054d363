/**
 * The live article score after one more flag, on a long article: 100,000 paragraphs already carrying 10,000
 * flags. The status bar shows the score on every flag, so this must stay well under a frame.
 */
import type { Annotation, Severity } from '../shared/model';
import { createArticleScorer } from '../shared/scoring/article-scorer';
import { median, percentile, type BenchSection } from './report';

const PARAGRAPHS = 100_000;
const FLAGS = 10_000;
const RUNS = 5_000;

const SEVERITIES: readonly Severity[] = ['minor', 'major', 'critical', 'neutral'];
const CATEGORIES = ['Accuracy/Mistranslation', 'Linguistic conventions/Punctuation', 'Style/Awkward style', 'Terminology/Wrong term'];

function flag(i: number): Annotation {
  return {
    id: `f${i}`,
    paragraphId: `p${(i * 7919) % PARAGRAPHS}`,
    side: 'target',
    start: 0,
    end: 4,
    category: CATEGORIES[i % CATEGORIES.length]!,
    severity: SEVERITIES[i % SEVERITIES.length]!,
    comment: '',
    rater: i % 3 === 0 ? 'ben' : 'ana',
    origin: { kind: 'person' },
    status: 'open',
    created: '2025-01-01T00:00:00Z',
  };
}

export const section: BenchSection = {
  title: 'Scoring: live article score',
  async run() {
    const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) => ({
      id: `p${i}`,
      target: `Paragraph ${i} of the generated article has a dozen words in it, more or less.`,
    }));
    const t0 = performance.now();
    const scorer = createArticleScorer({ profile: 'wmt' }, paragraphs);
    for (let i = 0; i < FLAGS; i++) scorer.add(flag(i));
    const setup = performance.now() - t0;

    const times: number[] = [];
    let sink = 0;
    for (let r = 0; r < RUNS; r++) {
      const extra = flag(FLAGS + r);
      const start = performance.now();
      scorer.add(extra);
      sink += scorer.summary().wmt.score;
      times.push(performance.now() - start);
      scorer.remove(extra.id);
    }
    if (!Number.isFinite(sink)) throw new Error('score went wrong');
    const sorted = [...times].sort((a, b) => a - b);
    return [
      {
        name: `one more flag -> whole-article score (median of ${RUNS})`,
        // Reported in microseconds: in milliseconds the figure rounds to 0.00.
        value: median(times) * 1000,
        unit: 'µs',
        target: { op: '<=', value: 5000 },
        note: `${PARAGRAPHS.toLocaleString('en')} paragraphs, ${FLAGS.toLocaleString('en')} flags`,
      },
      { name: 'one more flag -> whole-article score (p99)', value: percentile(sorted, 99) * 1000, unit: 'µs' },
      { name: 'scorer set-up: count words and add 10,000 flags', value: setup, unit: 'ms' },
    ];
  },
};
