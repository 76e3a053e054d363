/**
 * Scoring a WMT MQM file as published: 100,000 rows (a seeded mix of error and No-error rows over systems,
 * documents and raters, some spans marked, some fields quoted, a header with a documentation field), parsed and
 * scored per system the way `redline score` does. A quality lead scores whole test sets at once; one second
 * keeps that interactive.
 */
import { parseWmtTsv } from '../shared/formats/wmt-tsv';
import { scoreWmtFile } from '../shared/scoring/score-wmt-file';
import { seededRandom } from '../shared/seeded-random';
import { median, type BenchSection } from './report';

const ROWS = 100_000;
const RUNS = 5;
const SYSTEMS = 15;
const DOCS = 200;
const SEGMENTS_PER_DOC = 30;
const CATEGORIES = [
  'Accuracy/Mistranslation',
  'Fluency/Grammar',
  'Fluency/Punctuation',
  'Style/Awkward',
  'Accuracy/Omission',
  'Source error',
  'Non-translation!',
];
const SEVERITIES = ['Minor', 'Major', 'Critical', 'Neutral'];
const WORDS = ['the', 'storm', 'reached', 'northern', 'coast', 'on', 'Tuesday', 'said', 'weather', 'office', 'boats', 'were', 'lifted'];

/** A published-looking file: every row one rating, rows of a segment together. */
export function generateWmtFile(rows: number, seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const lines = [
    'system\tdoc\tdocSegId\tglobalSegId\trater\tsource\ttarget\tcategory\tseverity\tmetadata\t# Documentation: generated for the benchmark',
  ];
  let segment = 0;
  while (lines.length <= rows) {
    const system = `sys${segment % SYSTEMS}`;
    const doc = `doc${Math.floor(segment / SYSTEMS / SEGMENTS_PER_DOC) % DOCS}`;
    const docSegId = (Math.floor(segment / SYSTEMS) % SEGMENTS_PER_DOC) + 1;
    const source = sentence(8 + Math.floor(random() * 20));
    const target = sentence(8 + Math.floor(random() * 20));
    const rater = `rater${Math.floor(random() * 8)}`;
    const errors = random() < 0.4 ? 0 : 1 + Math.floor(random() * 3);
    if (errors === 0) {
      lines.push([system, doc, docSegId, segment, rater, source, target, 'No-error', 'No-error', '{}'].join('\t'));
    }
    for (let e = 0; e < errors && lines.length <= rows; e++) {
      const category = pick(CATEGORIES);
      const onSource = category === 'Accuracy/Omission' || category === 'Source error';
      const mark = (text: string) => {
        const at = text.indexOf(' ', Math.floor(random() * text.length));
        return at < 0 ? `<v>${text}</v>` : `${text.slice(0, at)} <v>${text.slice(at + 1, at + 6)}</v>${text.slice(at + 6)}`;
      };
      const src = onSource ? mark(source) : source;
      // Some targets are quoted, as files with quotation marks in their text are.
      const tgt = onSource ? target : random() < 0.05 ? `"${mark(target).replace(/"/g, '""')} ""said"""` : mark(target);
      lines.push(
        [
          system,
          doc,
          docSegId,
          segment,
          rater,
          src,
          tgt,
          category,
          pick(SEVERITIES),
          JSON.stringify({ note: 'n', timestamp: segment }),
        ].join('\t'),
      );
    }
    segment++;
  }
  return `${lines.slice(0, rows + 1).join('\n')}\n`;
}

export const section: BenchSection = {
  title: 'Formats: scoring a WMT MQM file',
  async run() {
    const text = generateWmtFile(ROWS, 20_250_301);
    const times: number[] = [];
    let segments = 0;
    for (let r = 0; r < RUNS; r++) {
      const start = performance.now();
      const parsed = parseWmtTsv(text, 'generated.tsv');
      if (!parsed.ok) throw new Error(parsed.error.message);
      const rows = scoreWmtFile(parsed.value, 'wmt', 'system');
      times.push(performance.now() - start);
      segments = parsed.value.segments.length;
      if (rows.length !== SYSTEMS) throw new Error(`expected ${SYSTEMS} systems, scored ${rows.length}`);
    }
    return [
      {
        name: `parse and score ${ROWS.toLocaleString('en')} rows per system (median of ${RUNS})`,
        value: median(times),
        unit: 'ms',
        target: { op: '<=', value: 1000 },
        note: `${segments.toLocaleString('en')} segments, ${(text.length / 1024 / 1024).toFixed(1)} MB`,
      },
    ];
  },
};
