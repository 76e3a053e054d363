/**
 * The comparison of a generated 100,000-paragraph news article (see article-generator.ts) with 5% of its paragraphs
 * post-edited, the rows as the compare view gets them; run built, in a process of its own (see diff.bench.ts).
 */
import { compareRows, type ComparedParagraph } from '../shared/diff/compare-rows';
import { generateParagraphs, postEdit } from './article-generator';
import { median, type Figure } from './report';

function compareFigures(): Figure[] {
  const count = 100_000;
  const texts = generateParagraphs({ seed: 11, paragraphs: count });
  const post = postEdit(texts, { seed: 12, share: 0.05 });
  const edited = post.edited;
  const left: ComparedParagraph[] = texts.map((text, i) => ({ id: `p${i + 1}`, text }));
  const right: ComparedParagraph[] = post.paragraphs.map((text, i) => ({ id: `p${i + 1}`, text }));
  // Fresh strings on the right, as a loaded version would have: equal texts must be compared, not shared.
  const rightCopy = right.map((p) => ({ id: p.id, text: (' ' + p.text).slice(1) }));
  compareRows(left.slice(0, 2000), rightCopy.slice(0, 2000));
  // Median of three whole comparisons: one run can fall on a moment when other processes hold the cores.
  const times: number[] = [];
  let result = compareRows(left.slice(0, 1), rightCopy.slice(0, 1));
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    result = compareRows(left, rightCopy);
    times.push(performance.now() - t0);
  }
  return [
    {
      name: 'compare rows, 100,000 paragraphs, 5% edited (median of 3)',
      value: median(times),
      unit: 'ms',
      target: { op: '<=', value: 1000 },
    },
    {
      name: 'paragraphs diffed (must equal paragraphs edited)',
      value: result.diffed,
      unit: 'paragraphs',
      target: { op: '<=', value: edited },
      note: `${edited} edited, ${result.changedIndices.length} rows changed`,
    },
  ];
}

// The figures go to the benchmark as one JSON line.
console.log(JSON.stringify(compareFigures()));
process.exit(0);
