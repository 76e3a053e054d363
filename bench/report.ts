/**
 * Benchmarks print each figure beside its target. A figure is met when the measurement on this machine says so.
 */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The target; omitted for figures reported for scale only. */
  readonly target?: { readonly op: '<=' | '>='; readonly value: number };
  /** Extra context printed after the figure (e.g. a ratio to a baseline). */
  readonly note?: string;
}

export function met(f: Figure): boolean | undefined {
  if (!f.target) return undefined;
  return f.target.op === '<=' ? f.value <= f.target.value : f.value >= f.target.value;
}

function formatNumber(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

export function formatFigure(f: Figure): string {
  const v = formatNumber(f.value);
  const target = f.target
    ? `target ${f.target.op} ${Number.isInteger(f.target.value) ? f.target.value : formatNumber(f.target.value)} ${f.unit}`
    : 'for scale';
  const verdict = met(f) === undefined ? '' : met(f) ? '  MET' : '  NOT MET';
  return `  ${f.name.padEnd(58)} ${`${v} ${f.unit}`.padStart(14)}   ${target}${verdict}${f.note ? `  (${f.note})` : ''}`;
}

/** A benchmark section: a title and a function that measures and returns its figures. */
export interface BenchSection {
  readonly title: string;
  run(): Promise<readonly Figure[]>;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}
