/**
 * The edit distance TER uses: Levenshtein distance between a hypothesis and the reference, computed only in a
 * beam around the diagonal scaled by the two lengths, as sacreBLEU (after Tercom) does. Every cell outside the
 * beam counts as unreachable, so on extreme inputs the distance can exceed the true one; matching that is the
 * point (see ter.ts).
 *
 * Only the band of each row that is computed or read is stored, so memory grows with length times beam, not
 * length squared: a 20,000-word paragraph needs some 8 MB (two matrices) instead of 1.6 GB.
 *
 * TER tries many shifted hypotheses per paragraph, each differing from the current one in a short stretch. The
 * rows before that stretch are taken from the stored matrix, and `full` also keeps the reverse matrix (the
 * cost from each cell to the end, built on the first candidate): every path crosses the row where the stretch
 * ends, and from there on the words, so the costs to the end, are the stored ones; the distance is then the
 * cheapest sum over that one row. Within the stretch only the cells that can still give a useful distance are
 * computed (see `throughRest`).
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

/**
 * Memory kept between instances: TER makes one instance per paragraph, thousands in a row, and allocating
 * their dozen arrays afresh each time (outside the JavaScript heap, zeroed, then collected) cost more than a
 * short paragraph's edit distances. One buffer is lent at a time; an instance made while it is out gets its own.
 */
let spare: Int32Array | undefined = new Int32Array(1 << 14);

function borrow(length: number): Int32Array {
  const memory = spare !== undefined && spare.length >= length ? spare : new Int32Array(Math.max(length, 1 << 14));
  if (memory === spare) spare = undefined;
  return memory;
}

function giveBack(memory: Int32Array): void {
  if (spare === undefined || spare.length < memory.length) spare = memory;
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
  /** Per cell of the same band, the cost from the cell to the end for that hypothesis (INF outside the beam). */
  private readonly rest: Int32Array;
  /** The hypothesis last passed to `full`, for building `rest` when the first candidate needs it. */
  private readonly stored: Int32Array;
  /** Whether `rest` holds the costs to the end of `stored`. */
  private restReady = false;
  /** Whether `costs` holds the matrix of `stored` (borrowed memory holds old values until the first `full`). */
  private filled = false;
  private readonly path: Int32Array;
  /** Where `full` writes the alignment it returns (valid until the next call). */
  private readonly align: Int32Array;
  private readonly hypErr: Int32Array;
  private readonly refErr: Int32Array;
  private prev: Int32Array;
  private cur: Int32Array;
  /** The memory all the arrays above are cut from, handed back to the pool by `release`. */
  private memory: Int32Array | undefined;

  constructor(
    private readonly ref: Int32Array,
    private readonly n: number,
  ) {
    const m = ref.length;
    this.m = m;
    const ratio = n > 0 ? m / n : 1;
    // With very unequal lengths the beam widens so that consecutive rows still overlap.
    const beam = BEAM_WIDTH < ratio / 2 ? Math.ceil(ratio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
    const lowest = (i: number): number => (i === 0 ? 0 : Math.max(0, Math.floor(i * ratio) - beam));
    const highest = (i: number): number => (i === 0 || i === n ? m + 1 : Math.min(m + 1, Math.floor(i * ratio) + beam));
    let size = 0;
    for (let i = 0; i <= n; i++) size += (i < n ? Math.max(highest(i), highest(i + 1)) : highest(i)) - Math.max(0, lowest(i) - 1);

    const memory = borrow(5 * (n + 1) + 2 * size + n + (n + m) + m + (n + 1) + (m + 1) + 2 * (m + 1));
    this.memory = memory;
    let used = 0;
    const take = (length: number): Int32Array => memory.subarray(used, (used += length));
    this.lo = take(n + 1);
    this.hi = take(n + 1);
    this.bandStart = take(n + 1);
    this.bandEnd = take(n + 1);
    this.bandBase = take(n + 1);
    this.costs = take(size);
    this.rest = take(size);
    this.stored = take(n);
    this.path = take(n + m);
    this.align = take(m);
    this.hypErr = take(n + 1);
    this.refErr = take(m + 1);
    this.prev = take(m + 1);
    this.cur = take(m + 1);
    // Borrowed memory holds old values: every array is written before it is read (the bands by `full`).
    let base = 0;
    for (let i = 0; i <= n; i++) {
      this.lo[i] = lowest(i);
      this.hi[i] = highest(i);
    }
    for (let i = 0; i <= n; i++) {
      this.bandStart[i] = Math.max(0, this.lo[i]! - 1);
      this.bandEnd[i] = i < n ? Math.max(this.hi[i]!, this.hi[i + 1]!) : this.hi[i]!;
      this.bandBase[i] = base - this.bandStart[i]!;
      base += this.bandEnd[i]! - this.bandStart[i]!;
    }
  }

  /**
   * Hands this instance's memory back for the next instance to reuse; the instance, and any alignment it
   * returned, must not be used after. An instance never released only costs the next one a fresh allocation.
   */
  release(): void {
    if (this.memory !== undefined) giveBack(this.memory);
    this.memory = undefined;
  }

  /**
   * The distance of `hyp` and its alignment, read back from the matrix, which is kept for `distanceFrom`. The rows
   * of the words `hyp` shares at its start with the hypothesis last passed are that one's, kept: TER passes each
   * round's hypothesis, which a shift changed only from where the moved words were or went.
   */
  full(hyp: Int32Array): Alignment {
    const { n, m, ref, lo, hi, bandStart, bandEnd, bandBase, costs, stored } = this;
    let kept = 0;
    if (this.filled) while (kept < n && stored[kept] === hyp[kept]) kept++;
    else for (let j = 0; j <= m; j++) costs[bandBase[0]! + j] = j;
    for (let i = kept + 1; i <= n; i++) {
      const row = bandBase[i]!;
      const up = bandBase[i - 1]!;
      const from = lo[i]!;
      const to = hi[i]!;
      // Cells of the band outside the beam are read by the next row and must hold INF, not an old value; those
      // inside it are all written below.
      costs.fill(INF, row + bandStart[i]!, row + from);
      costs.fill(INF, row + to, row + bandEnd[i]!);
      const word = hyp[i - 1];
      let j = from;
      let left = INF;
      if (j === 0) {
        left = costs[up]! + 1;
        costs[row] = left;
        j = 1;
      }
      // The cell up and to the left, the one above and the one to the left are carried in locals.
      let diagonal = costs[up + j - 1]!;
      for (; j < to; j++) {
        const above = costs[up + j]!;
        let best = diagonal + (word === ref[j - 1] ? 0 : 1);
        if (above + 1 < best) best = above + 1;
        if (left + 1 < best) best = left + 1;
        if (best > INF) best = INF;
        costs[row + j] = best;
        diagonal = above;
        left = best;
      }
    }
    stored.set(hyp);
    this.filled = true;
    this.restReady = false;
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
    const { align, hypErr, refErr } = this;
    hypErr[0] = 0;
    refErr[0] = 0;
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
   * The reverse matrix of `hyp`: per cell, the fewest edits from it to the end, over the same cells of the beam
   * as the forward matrix (a step into a cell outside the beam is not allowed, as a step out of one is not
   * there), so that a cell's forward cost plus its cost to the end is the cheapest path through it.
   */
  private fillRest(): void {
    const { n, m, ref, lo, hi, bandStart, bandEnd, bandBase, rest } = this;
    const hyp = this.stored;
    this.restReady = true;
    const lastRow = bandBase[n]!;
    rest.fill(INF, lastRow + bandStart[n]!, lastRow + bandEnd[n]!);
    for (let j = m; j >= lo[n]!; j--) rest[lastRow + j] = m - j;
    for (let i = n - 1; i >= 0; i--) {
      const row = bandBase[i]!;
      const down = bandBase[i + 1]!;
      const from = lo[i]!;
      const to = hi[i]!;
      const downFrom = lo[i + 1]!;
      const downTo = hi[i + 1]!;
      rest.fill(INF, row + bandStart[i]!, row + bandEnd[i]!);
      const word = hyp[i];
      let right = INF;
      for (let j = to - 1; j >= from; j--) {
        // Match or substitution to (i + 1, j + 1), deletion to (i + 1, j), insertion to (i, j + 1).
        let best = j < m && j + 1 >= downFrom && j + 1 < downTo ? rest[down + j + 1]! + (word === ref[j] ? 0 : 1) : INF;
        if (j >= downFrom && j < downTo && rest[down + j]! + 1 < best) best = rest[down + j]! + 1;
        if (right + 1 < best) best = right + 1;
        if (best > INF) best = INF;
        rest[row + j] = best;
        right = best;
      }
    }
  }

  /**
   * Distance of a hypothesis that shares its first `from` words, and every word from position `same` on, with
   * the one last passed to `full`: rows up to `from` are taken from that matrix and the rest computed in two
   * rolling rows (see `throughRest`). Only a distance of at most `limit` is needed exactly: past it, some value
   * above `limit` is returned.
   */
  distanceFrom(hyp: Int32Array, from: number, limit: number, same: number = this.n): number {
    const { n, m, bandBase, costs } = this;
    if (from >= n || same <= from) return costs[bandBase[n]! + m]!;
    if (!this.restReady) this.fillRest();
    return this.throughRest(hyp, from, limit, same);
  }

  /**
   * Rows up to `same`, then the cheapest cell of that row plus its stored cost to the end.
   *
   * A cell is dropped (taken as unreachable) once its cost plus the fewest edits any path from it still needs
   * (the difference of the lengths left on the two sides) exceeds `limit`. That is exact for what is kept: a
   * kept cell's cheapest path comes through cells that would be kept too, as a step changes that difference
   * by at most its own cost. Each row then computes only the stretch of cells still alive, a few around the
   * best path instead of the whole beam.
   */
  private throughRest(hyp: Int32Array, from: number, limit: number, same: number): number {
    const { n, m, ref, lo, hi, bandStart, bandEnd, bandBase, costs } = this;
    const rest = this.rest;
    const stop = Math.min(n, same);
    const over = limit >= INF ? INF : limit + 1;
    let prev = this.prev;
    let cur = this.cur;
    // The alive cells of the row before, [alive, aliveEnd): every cell outside is unreachable within `limit`.
    let alive = bandStart[from]!;
    let aliveEnd = bandEnd[from]!;
    prev.set(costs.subarray(bandBase[from]! + alive, bandBase[from]! + aliveEnd), alive);
    for (let i = from + 1; i <= stop; i++) {
      const start = lo[i]!;
      const end = hi[i]!;
      const word = hyp[i - 1];
      // Cells left of the row before's alive stretch have no way in; cells right of it only from the left.
      let j = Math.max(start, alive);
      const fed = Math.min(end, aliveEnd + 1);
      let first = -1;
      let last = -1;
      let left = INF;
      if (j === 0) {
        const value = prev[0]! + 1;
        if (value + Math.abs(n - i - m) <= limit) {
          left = value;
          first = 0;
          last = 0;
        }
        cur[0] = left;
        j = 1;
      }
      if (j < fed) {
        let diagonal = j - 1 >= alive ? prev[j - 1]! : INF;
        for (; j < fed; j++) {
          const above = j < aliveEnd ? prev[j]! : INF;
          let best = diagonal + (word === ref[j - 1] ? 0 : 1);
          if (above + 1 < best) best = above + 1;
          if (left + 1 < best) best = left + 1;
          const gap = n - i - (m - j);
          if (best + (gap < 0 ? -gap : gap) <= limit) {
            if (first < 0) first = j;
            last = j;
          } else best = INF;
          cur[j] = best;
          diagonal = above;
          left = best;
        }
      }
      // Insertions only, while they stay within the limit.
      for (; j < end && left < INF; j++) {
        const best = left + 1;
        const gap = n - i - (m - j);
        if (best + (gap < 0 ? -gap : gap) > limit) break;
        if (first < 0) first = j;
        last = j;
        cur[j] = best;
        left = best;
      }
      if (first < 0) {
        this.prev = prev;
        this.cur = cur;
        return over;
      }
      alive = first;
      aliveEnd = last + 1;
      const t = prev;
      prev = cur;
      cur = t;
    }
    this.prev = prev;
    this.cur = cur;
    // Every path crosses row `stop`; past it the words, and so the costs to the end, are the stored ones.
    const base = bandBase[stop]!;
    let best = INF;
    for (let j = alive; j < aliveEnd; j++) {
      const through = prev[j]! + rest[base + j]!;
      if (through < best) best = through;
    }
    return best <= limit ? best : over;
  }
}
