/**
 * Myers' O(ND) difference algorithm over integer token ids ("An O(ND) Difference Algorithm and Its
 * Variations", 1986): the greedy forward search, keeping each step's furthest-reaching diagonals so that the
 * edit script can be read back.
 *
 * Why our own and not jsdiff's core: jsdiff walks the same graph but builds a linked list of component
 * objects per diagonal and compares tokens through a callback; on a 1,000-word paragraph pair with 10% of the
 * words changed that costs several times our budget (see bench/diff.bench.ts, which measures both). Here the
 * tokens are interned to Int32Array ids, the common prefix and suffix are cut first, and the per-step
 * diagonals live in one reusable typed array, so the inner loop is a plain integer comparison.
 */

/** One run of the edit script, in order over both sequences. */
export interface EditRun {
  readonly kind: 'same' | 'insert' | 'delete';
  /** Number of tokens in the run (of `a` for same and delete, of `b` for insert). */
  readonly count: number;
}

/**
 * Scratch space reused between calls: a diff of two paragraphs needs (D + 1)(D + 2) / 2 saved diagonal ends,
 * and allocating that afresh for each of thousands of paragraphs would dominate the run time.
 */
let trace = new Int32Array(1024);
let frontier = new Int32Array(64);

/**
 * Shortest edit script turning `a` into `b`, as runs. Returns `undefined` when more than `maxEdits`
 * insertions plus deletions would be needed, so the caller can fall back to a coarser diff instead of spending
 * O((N + M) · D) time and O(D²) memory on texts that share little.
 */
export function myersDiff(a: Int32Array, b: Int32Array, maxEdits: number): EditRun[] | undefined {
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a[start] === b[start]) start++;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const prefix = start;
  const suffix = a.length - endA;

  const middle: EditRun[] = [];
  if (n === 0 && m > 0) middle.push({ kind: 'insert', count: m });
  else if (m === 0 && n > 0) middle.push({ kind: 'delete', count: n });
  else if (n > 0 && m > 0) {
    const found = middleScript(a, b, start, n, m, Math.min(maxEdits, n + m));
    if (found === undefined) return undefined;
    middle.push(...found);
  }
  const runs: EditRun[] = [];
  if (prefix > 0) runs.push({ kind: 'same', count: prefix });
  runs.push(...middle);
  if (suffix > 0) runs.push({ kind: 'same', count: suffix });
  return runs;
}

/** The search proper on a[off, off + n) against b[off, off + m); both are non-empty and differ at both ends. */
function middleScript(a: Int32Array, b: Int32Array, off: number, n: number, m: number, max: number): EditRun[] | undefined {
  const offset = max + 1;
  if (frontier.length < 2 * max + 3) frontier = new Int32Array(2 * max + 3);
  const v = frontier;
  v[offset + 1] = 0;
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    const base = (d * (d + 1)) >> 1;
    if (trace.length < base + d + 1) {
      const grown = new Int32Array(Math.max(trace.length * 2, base + d + 1));
      grown.set(trace);
      trace = grown;
    }
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[off + x] === b[off + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      trace[base + ((k + d) >> 1)] = x;
      if (x >= n && y >= m) found = d;
    }
  }
  if (found < 0) return undefined;
  return backtrack(n, m, found);
}

/** Reads the edit script back from the saved diagonal ends, from the end of both sequences to the start. */
function backtrack(n: number, m: number, edits: number): EditRun[] {
  const reversed: EditRun[] = [];
  const push = (kind: EditRun['kind'], count: number): void => {
    if (count <= 0) return;
    const last = reversed[reversed.length - 1];
    if (last !== undefined && last.kind === kind) reversed[reversed.length - 1] = { kind, count: last.count + count };
    else reversed.push({ kind, count });
  };
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const k = x - y;
    // Step d - 1 saved diagonal kk at prevBase + (kk + d - 1) / 2.
    const prevBase = ((d - 1) * d) >> 1;
    const down = k === -d || (k !== d && trace[prevBase + ((k - 1 + d - 1) >> 1)]! < trace[prevBase + ((k + d) >> 1)]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = trace[prevBase + ((prevK + d - 1) >> 1)]!;
    const prevY = prevX - prevK;
    const snakeStartX = down ? prevX : prevX + 1;
    push('same', x - snakeStartX);
    push(down ? 'insert' : 'delete', 1);
    x = prevX;
    y = prevY;
  }
  push('same', x);
  return reversed.reverse();
}
