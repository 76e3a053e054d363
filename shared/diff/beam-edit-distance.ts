/**
 * The edit distance TER uses: Levenshtein distance between a hypothesis and the reference, computed only in a
 * beam around the diagonal scaled by the two lengths, as sacreBLEU (after Tercom) does. Every cell outside the
 * beam counts as unreachable, so on extreme inputs the distance can exceed the true one; matching that is the
 * point (see ter.ts).
 *
 * Only the band of each row that is computed or read is stored, so memory grows with length times beam, not
 * length squared: a 20,000-word paragraph needs some 4 MB instead of 1.6 GB.
 */

/** sacreBLEU's beam: cells more than this far from the scaled diagonal are not computed. */
const BEAM_WIDTH = 25;
/** Larger than any real distance, small enough that adding 1 cannot overflow an Int32Array cell. */
export const INF = 1 << 29;

const OP_SAME = 0;
const OP_SUB = 1;
/** A hypothesis word with no reference counterpart (sacreBLEU's trace calls it a deletion). */
const OP_DEL = 2;
/** A reference word with no hypothesis counterpart. */
const OP_INS = 3;

export interface Alignment {
  readonly distance: number;
  /** Per reference position, the hypothesis position it is aligned with (-1 before the first). */
  readonly align: Int32Array;
  /** Prefix sums of hypothesis positions in error: errors in [a, b) = hypErr[b] - hypErr[a]. */
  readonly hypErr: Int32Array;
  /** Prefix sums of reference positions in error. */
  readonly refErr: Int32Array;
}

/** Edit distance from hypotheses of one fixed length (shifts keep the length) to one reference. */
export class BeamEditDistance {
  private readonly m: number;
  /** Row i computes reference positions [lo[i], hi[i]). */
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  /** Row i stores positions [bandStart[i], bandEnd[i]) at bandBase[i]: its beam plus what the next row reads. */
  private readonly bandStart: Int32Array;
  private readonly bandEnd: Int32Array;
  private readonly bandBase: Int32Array;
  /** The matrix of the hypothesis last passed to `full`, for restarting from a shared prefix. */
  private readonly costs: Int32Array;
  private readonly path: Uint8Array;
  private prev: Int32Array;
  private cur: Int32Array;

  constructor(
    private readonly ref: Int32Array,
    private readonly n: number,
  ) {
    const m = ref.length;
    this.m = m;
    const ratio = n > 0 ? m / n : 1;
    // With very unequal lengths the beam widens so that consecutive rows still overlap.
    const beam = BEAM_WIDTH < ratio / 2 ? Math.ceil(ratio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
    this.lo = new Int32Array(n + 1);
    this.hi = new Int32Array(n + 1);
    for (let i = 1; i <= n; i++) {
      const diagonal = Math.floor(i * ratio);
      this.lo[i] = Math.max(0, diagonal - beam);
      this.hi[i] = i === n ? m + 1 : Math.min(m + 1, diagonal + beam);
    }
    this.hi[0] = m + 1;
    this.bandStart = new Int32Array(n + 1);
    this.bandEnd = new Int32Array(n + 1);
    this.bandBase = new Int32Array(n + 1);
    let size = 0;
    for (let i = 0; i <= n; i++) {
      this.bandStart[i] = Math.max(0, this.lo[i]! - 1);
      this.bandEnd[i] = i < n ? Math.max(this.hi[i]!, this.hi[i + 1]!) : this.hi[i]!;
      this.bandBase[i] = size - this.bandStart[i]!;
      size += this.bandEnd[i]! - this.bandStart[i]!;
    }
    this.costs = new Int32Array(size);
    this.path = new Uint8Array(n + m);
    this.prev = new Int32Array(m + 1);
    this.cur = new Int32Array(m + 1);
  }

  /** The distance of `hyp` and its alignment, read back from the matrix, which is kept for `distanceFrom`. */
  full(hyp: Int32Array): Alignment {
    const { n, m, ref, lo, hi, bandStart, bandEnd, bandBase, costs } = this;
    for (let j = 0; j <= m; j++) costs[bandBase[0]! + j] = j;
    for (let i = 1; i <= n; i++) {
      const row = bandBase[i]!;
      const up = bandBase[i - 1]!;
      const from = lo[i]!;
      const to = hi[i]!;
      // Cells of the band outside the beam are read by the next row and must hold INF, not an old value.
      costs.fill(INF, row + bandStart[i]!, row + bandEnd[i]!);
      const word = hyp[i - 1];
      let j = from;
      if (j === 0) {
        costs[row] = costs[up]! + 1;
        j = 1;
      }
      for (; j < to; j++) {
        let best = costs[up + j - 1]! + (word === ref[j - 1] ? 0 : 1);
        const del = costs[up + j]! + 1;
        if (del < best) best = del;
        const ins = costs[row + j - 1]! + 1;
        if (ins < best) best = ins;
        costs[row + j] = best < INF ? best : INF;
      }
    }
    // Walk back from the end, re-deciding each cell's operation with the forward pass's preference (match or
    // substitution, then deletion of a hypothesis word, then insertion of a reference word: the first that
    // gives the cell's cost), which is cheaper than storing an operation per cell.
    const path = this.path;
    let steps = 0;
    for (let i = n, j = m; i > 0 || j > 0;) {
      let op: number;
      if (i === 0) op = OP_INS;
      else if (j === 0) op = OP_DEL;
      else {
        const cost = costs[bandBase[i]! + j]!;
        const same = hyp[i - 1] === ref[j - 1];
        if (costs[bandBase[i - 1]! + j - 1]! + (same ? 0 : 1) === cost) op = same ? OP_SAME : OP_SUB;
        else if (costs[bandBase[i - 1]! + j]! + 1 === cost) op = OP_DEL;
        else op = OP_INS;
      }
      path[steps++] = op;
      if (op === OP_SAME || op === OP_SUB) {
        i--;
        j--;
      } else if (op === OP_INS) j--;
      else i--;
    }
    // Forward again, building the alignment as seen from the reference.
    const align = new Int32Array(m);
    const hypErr = new Int32Array(n + 1);
    const refErr = new Int32Array(m + 1);
    let h = -1;
    let r = -1;
    for (let k = steps - 1; k >= 0; k--) {
      const op = path[k]!;
      if (op === OP_SAME || op === OP_SUB) {
        h++;
        r++;
        align[r] = h;
        hypErr[h + 1] = op === OP_SUB ? 1 : 0;
        refErr[r + 1] = op === OP_SUB ? 1 : 0;
      } else if (op === OP_DEL) {
        h++;
        hypErr[h + 1] = 1;
      } else {
        r++;
        align[r] = h;
        refErr[r + 1] = 1;
      }
    }
    for (let i = 1; i <= n; i++) hypErr[i]! += hypErr[i - 1]!;
    for (let j = 1; j <= m; j++) refErr[j]! += refErr[j - 1]!;
    return { distance: costs[bandBase[n]! + m]!, align, hypErr, refErr };
  }

  /**
   * Distance of a hypothesis that shares its first `from` words, and every word from position `same` on, with
   * the one last passed to `full`: rows up to `from` are taken from that matrix, the rest computed in two
   * rolling rows. Stops early in two cases:
   * - once every cell of a row exceeds `limit` (a row's minimum is never below the one before), returning more
   *   than `limit`;
   * - once a row past `same` equals that matrix's row plus one constant (every reachable cell, and the same
   *   cells unreachable): the rows after it see the same words, so they too stay that constant apart, and the
   *   distance is the stored one plus the constant. A shift changes a short stretch of the hypothesis, and the
   *   rows usually fall back into step a few words after it, so most of the rows need not be computed.
   */
  distanceFrom(hyp: Int32Array, from: number, limit: number, same: number = this.n): number {
    const { n, m, ref, lo, hi, bandStart, bandEnd, bandBase, costs } = this;
    if (from >= n) return costs[bandBase[n]! + m]!;
    let prev = this.prev;
    let cur = this.cur;
    prev.set(costs.subarray(bandBase[from]! + bandStart[from]!, bandBase[from]! + bandEnd[from]!), bandStart[from]!);
    let result = -1;
    for (let i = from + 1; i <= n && result < 0; i++) {
      const start = lo[i]!;
      const end = hi[i]!;
      const first = bandStart[i]!;
      const last = bandEnd[i]!;
      cur.fill(INF, first, last);
      const word = hyp[i - 1];
      let rowMin = INF;
      let j = start;
      if (j === 0) {
        cur[0] = prev[0]! + 1;
        rowMin = cur[0]!;
        j = 1;
      }
      for (; j < end; j++) {
        let best = prev[j - 1]! + (word === ref[j - 1] ? 0 : 1);
        const del = prev[j]! + 1;
        if (del < best) best = del;
        const ins = cur[j - 1]! + 1;
        if (ins < best) best = ins;
        if (best > INF) best = INF;
        cur[j] = best;
        if (best < rowMin) rowMin = best;
      }
      const t = prev;
      prev = cur;
      cur = t;
      if (rowMin > limit) result = rowMin;
      else if (i >= same && i < n) {
        const offset = inStep(prev, costs, bandBase[i]!, first, last);
        if (offset !== undefined) result = costs[bandBase[n]! + m]! + offset;
      }
    }
    this.prev = prev;
    this.cur = cur;
    return result >= 0 ? result : prev[m]!;
  }
}

/**
 * The constant by which `row` exceeds the stored row at `base` over [first, last), when every reachable cell
 * differs by that one constant and the unreachable ones (INF) are the same; otherwise `undefined`.
 */
function inStep(row: Int32Array, stored: Int32Array, base: number, first: number, last: number): number | undefined {
  let offset: number | undefined;
  for (let j = first; j < last; j++) {
    const a = row[j]!;
    const b = stored[base + j]!;
    if (a === INF || b === INF) {
      if (a !== b) return undefined;
    } else if (offset === undefined) offset = a - b;
    else if (a - b !== offset) return undefined;
  }
  return offset;
}
