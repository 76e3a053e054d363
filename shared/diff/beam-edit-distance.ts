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
 * rows before that stretch are taken from the stored matrix, and the reverse matrix is kept too (the
 * cost from each cell to the end, built on the first candidate): every path crosses the row where the stretch
 * ends, and from there on the words, so the costs to the end, are the stored ones; the distance is then the
 * cheapest sum over that one row.
 *
 * No matrix is computed over the whole beam. A cell whose cost, plus the fewest edits any path through it still
 * needs, exceeds a limit cannot be on a path within that limit, and is taken as unreachable (see `row`); each
 * row then computes only the stretch of cells still alive, a few around the best path instead of the beam's
 * fifty. A post-edited paragraph is some ten edits from its machine translation: rating the changed paragraphs
 * of a long article spent most of its time in cells no useful path crosses. The limit is the distance itself
 * when it is known (a shift's distance was measured before it is made), a guess doubled until the distance is
 * found within it otherwise, and, for a shifted candidate, the distance it must beat.
 */

/** sacreBLEU's beam: cells more than this far from the scaled diagonal are not computed. */
const BEAM_WIDTH = 25;
/**
 * The first limit `measure` tries when it is given no guess (or twice the difference of the lengths, which the
 * distance is at least), and the least it goes on with after a guess below the distance: a post-edited paragraph
 * is rarely more edits away, and a limit too small costs a pass cut short.
 */
const FIRST_GUESS = 16;
/**
 * Larger than any real distance, small enough that adding 1 cannot overflow an Int32Array cell. The loops over
 * cells read it into a local as `INF | 0`: a module's top-level constant reaches V8's optimizing compiler as any
 * number, and every cell they stored was then converted from one, which took a third of their time.
 */
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
  /** Row i's beam: reference positions [lo[i], hi[i]). */
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  /** Row i's cells are stored at rowBase[i] + j, in `costs` and in `rest`, for j in its beam. */
  private readonly rowBase: Int32Array;
  /**
   * The matrix of the hypothesis last passed to `measure`, for restarting from a shared prefix. Only the cells of row
   * i in [costFirst[i], costEnd[i]) hold values; the others cost more than `storedLimit` allows (see `row`).
   */
  private readonly costs: Int32Array;
  private readonly costFirst: Int32Array;
  private readonly costEnd: Int32Array;
  /** The smallest limit the stored rows were computed with: their cells are exact for paths within it. */
  private storedLimit = 0;
  /** The stored hypothesis's distance. */
  private distance = 0;
  /**
   * Per cell, the cost from the cell to the end for the stored hypothesis, alive in [restFirst[i], restEnd[i]):
   * exact wherever the cell's cost to the end plus the fewest edits to reach it is at most `restLimit`.
   */
  private readonly rest: Int32Array;
  private readonly restFirst: Int32Array;
  private readonly restEnd: Int32Array;
  /** The limit `rest` was built with; -1 while it is not built for the stored hypothesis. */
  private restLimit = -1;
  /** The hypothesis last passed to `measure`. */
  private readonly stored: Int32Array;
  /** Whether `costs` holds the matrix of `stored` (borrowed memory holds old values until the first `measure`). */
  private filled = false;
  private readonly path: Int32Array;
  /** Where `alignment` writes the alignment it returns (valid until the next call). */
  private readonly align: Int32Array;
  private readonly hypErr: Int32Array;
  private readonly refErr: Int32Array;
  /** Two rolling rows for a candidate's rows, indexed by reference position. */
  private readonly rowA: Int32Array;
  private readonly rowB: Int32Array;
  /** The alive stretch [first, end) of the row `row` or `firstRow` computed last. */
  private first = 0;
  private end = 0;
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
    for (let i = 0; i <= n; i++) size += highest(i) - lowest(i);

    const memory = borrow(7 * (n + 1) + 2 * size + n + (n + m) + m + (n + 1) + (m + 1) + 2 * (m + 1));
    this.memory = memory;
    let used = 0;
    const take = (length: number): Int32Array => memory.subarray(used, (used += length));
    this.lo = take(n + 1);
    this.hi = take(n + 1);
    this.rowBase = take(n + 1);
    this.costFirst = take(n + 1);
    this.costEnd = take(n + 1);
    this.restFirst = take(n + 1);
    this.restEnd = take(n + 1);
    this.costs = take(size);
    this.rest = take(size);
    this.stored = take(n);
    this.path = take(n + m);
    this.align = take(m);
    this.hypErr = take(n + 1);
    this.refErr = take(m + 1);
    this.rowA = take(m + 1);
    this.rowB = take(m + 1);
    // Borrowed memory holds old values: every array is written before it is read (the rows by `measure`).
    let base = 0;
    for (let i = 0; i <= n; i++) {
      this.lo[i] = lowest(i);
      this.hi[i] = highest(i);
      this.rowBase[i] = base - this.lo[i]!;
      base += this.hi[i]! - this.lo[i]!;
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

  /** The distance of `hyp` and its alignment: {@link measure}, then {@link alignment}. */
  full(hyp: Int32Array, guess?: number): Alignment {
    this.measure(hyp, guess);
    return this.alignment();
  }

  /**
   * The distance of `hyp`, its matrix kept for `alignment` and `distanceFrom`. The rows of the words `hyp` shares
   * at its start with the hypothesis last passed are that one's, kept: TER passes each round's hypothesis, which a
   * shift changed only from where the moved words were or went. `guess`, when the caller has one, is the first
   * limit the matrix is computed within (the distance itself, when it is known); it is only a matter of speed: a
   * guess below the distance costs a pass cut short.
   */
  measure(hyp: Int32Array, guess?: number): number {
    const { n, m, stored } = this;
    let kept = 0;
    if (this.filled) while (kept < n && stored[kept] === hyp[kept]) kept++;
    else kept = -1;
    let limit = guess !== undefined ? Math.min(guess, INF - 1) : Math.max(FIRST_GUESS, 2 * Math.abs(n - m));
    let distance: number;
    for (;;) {
      distance = this.forward(hyp, kept, limit);
      if (kept < 0) this.storedLimit = limit;
      else if (kept < n) this.storedLimit = Math.min(this.storedLimit, limit);
      // A distance within every limit its rows were computed with is exact: the cheapest path's cells all
      // passed. Otherwise the rows are computed again, from the first, with a limit the distance fits in.
      if (distance <= this.storedLimit || this.storedLimit >= INF - 1) break;
      kept = -1;
      if (distance > limit) limit = Math.min(INF - 1, Math.max(2 * limit, FIRST_GUESS));
    }
    this.distance = distance;
    stored.set(hyp);
    this.filled = true;
    this.restLimit = -1;
    return distance;
  }

  /**
   * The alignment of the hypothesis last measured, read back from its matrix (TER needs it only when a shift
   * could still gain).
   */
  alignment(): Alignment {
    const { n, m, ref, costs, rowBase, costFirst, costEnd, distance } = this;
    const hyp = this.stored;
    const cost = (i: number, j: number): number => (j >= costFirst[i]! && j < costEnd[i]! ? costs[rowBase[i]! + j]! : INF);
    // Walk back from the end, re-deciding each cell's operation with the forward pass's preference (match or
    // substitution, then deletion of a hypothesis word, then insertion of a reference word: the first that
    // gives the cell's cost), which is cheaper than storing an operation per cell. The cells this reads that
    // the limit left out cannot give a cell's cost: the cheapest paths through the end pass the limit.
    const path = this.path;
    let steps = 0;
    for (let i = n, j = m; i > 0 || j > 0;) {
      let op: number;
      if (i === 0) op = OP_INS;
      else if (j === 0) op = OP_DEL;
      else {
        const here = cost(i, j);
        const same = hyp[i - 1] === ref[j - 1];
        if (cost(i - 1, j - 1) + (same ? 0 : 1) === here) op = same ? OP_SAME : OP_SUB;
        else if (cost(i - 1, j) + 1 === here) op = OP_DEL;
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
    return { distance, align, hypErr, refErr };
  }

  /**
   * Computes the stored matrix's rows after `kept` (all of them when `kept` is -1) for `hyp`, keeping the cells
   * within `limit`; returns the distance, or INF when no path is within the limit.
   */
  private forward(hyp: Int32Array, kept: number, limit: number): number {
    const { n, m, costs, rowBase, costFirst, costEnd } = this;
    if (kept < 0) {
      const alive = this.firstRow(costs, rowBase[0]!, limit);
      costFirst[0] = this.first;
      costEnd[0] = this.end;
      if (!alive) return INF;
    }
    for (let i = Math.max(kept, 0) + 1; i <= n; i++) {
      const alive = this.row(hyp[i - 1]!, i, costs, rowBase[i - 1]!, costFirst[i - 1]!, costEnd[i - 1]!, costs, rowBase[i]!, limit);
      costFirst[i] = this.first;
      costEnd[i] = this.end;
      if (!alive) return INF;
    }
    return m >= costFirst[n]! && m < costEnd[n]! ? costs[rowBase[n]! + m]! : INF;
  }

  /** Row 0 (insertions of the reference's first words) into `dst` at `base` + j, within `limit`. */
  private firstRow(dst: Int32Array, base: number, limit: number): boolean {
    const { n, m } = this;
    // The cells kept are a stretch from 0: cost plus |n - (m - j)| never falls as j grows.
    let j = 0;
    for (; j <= m; j++) {
      const gap = n - m + j;
      if (j + (gap < 0 ? -gap : gap) > limit) break;
      dst[base + j] = j;
    }
    this.first = 0;
    this.end = j;
    return j > 0;
  }

  /**
   * Row i of a forward matrix from row i - 1 (its cells [srcFirst, srcEnd) at `srcBase` + j in `src`), written at
   * `dstBase` + j in `dst`; its alive stretch is left in `first` and `end`. False when no cell is alive.
   *
   * A cell is dropped (taken as unreachable) once its cost plus the fewest edits any path from it still needs
   * (the difference of the lengths left on the two sides) exceeds `limit`. That is exact for what is kept: a
   * kept cell's cheapest path comes through cells that would be kept too, as a step changes that difference by
   * at most its own cost. A dropped cell inside the stretch holds INF.
   */
  private row(
    word: number,
    i: number,
    src: Int32Array,
    srcBase: number,
    srcFirst: number,
    srcEnd: number,
    dst: Int32Array,
    dstBase: number,
    limit: number,
  ): boolean {
    const inf = INF | 0;
    const ref = this.ref;
    const end = this.hi[i]!;
    // The difference of the lengths left at (i, j) is |rowGap + j|.
    const rowGap = this.n - i - this.m;
    // Cells left of the row before's alive stretch have no way in; cells right of it only from the left.
    const lo = this.lo[i]!;
    let j = lo > srcFirst ? lo : srcFirst;
    const fed = end < srcEnd + 1 ? end : srcEnd + 1;
    let first = -1;
    let last = -1;
    let left = inf;
    if (j === 0) {
      const value = src[srcBase]! + 1;
      if (value + (rowGap < 0 ? -rowGap : rowGap) <= limit) {
        left = value;
        first = 0;
        last = 0;
      }
      dst[dstBase] = left;
      j = 1;
    }
    if (j < fed) {
      // The cell up and to the left, the one above and the one to the left are carried in locals. The test
      // against the limit is split where the difference of the lengths left changes sign, so that it is one
      // comparison per cell; the alive stretch is found after.
      let diagonal = j - 1 >= srcFirst ? src[srcBase + j - 1]! : inf;
      const from = j;
      const pivot = this.m + i - this.n;
      const turn = pivot <= j ? j : pivot < fed ? pivot : fed;
      // Left of `turn` the difference is -(rowGap + j): cost - j must stay within limit + rowGap.
      const below = limit + rowGap;
      for (; j < turn; j++) {
        const above = j < srcEnd ? src[srcBase + j]! : inf;
        let best = diagonal + (word === ref[j - 1] ? 0 : 1);
        if (above + 1 < best) best = above + 1;
        if (left + 1 < best) best = left + 1;
        if (best - j > below) best = inf;
        dst[dstBase + j] = best;
        diagonal = above;
        left = best;
      }
      const beyond = limit - rowGap;
      for (; j < fed; j++) {
        const above = j < srcEnd ? src[srcBase + j]! : inf;
        let best = diagonal + (word === ref[j - 1] ? 0 : 1);
        if (above + 1 < best) best = above + 1;
        if (left + 1 < best) best = left + 1;
        if (best + j > beyond) best = inf;
        dst[dstBase + j] = best;
        diagonal = above;
        left = best;
      }
      let k = from;
      while (k < fed && dst[dstBase + k]! >= inf) k++;
      if (k < fed) {
        if (first < 0) first = k;
        k = fed - 1;
        while (dst[dstBase + k]! >= inf) k--;
        last = k;
      }
    }
    // Insertions only, while they stay within the limit.
    for (; j < end && left < inf; j++) {
      const best = left + 1;
      const gap = rowGap + j;
      if (best + (gap < 0 ? -gap : gap) > limit) break;
      if (first < 0) first = j;
      last = j;
      dst[dstBase + j] = best;
      left = best;
    }
    this.first = first;
    this.end = last + 1;
    return first >= 0;
  }

  /**
   * The reverse matrix of the stored hypothesis: per cell, the fewest edits from it to the end, over the same
   * cells of the beam as the forward matrix (a step into a cell outside the beam is not allowed, as a step out
   * of one is not there), so that a cell's forward cost plus its cost to the end is the cheapest path through
   * it. A path reaching cell (i, j) has cost at least |i - j|, so a cell whose cost to the end plus that exceeds
   * `limit` is dropped, exactly as `row` drops cells.
   */
  private fillRest(limit: number): void {
    const { n, m, ref, lo, hi, rowBase, rest, restFirst, restEnd } = this;
    const inf = INF | 0;
    const hyp = this.stored;
    this.restLimit = limit;
    // Row n: insertions of the reference's last words; kept cells are a stretch ending at m.
    const lastRow = rowBase[n]!;
    let j = m;
    for (; j >= lo[n]!; j--) {
      const gap = n - j;
      if (m - j + (gap < 0 ? -gap : gap) > limit) break;
      rest[lastRow + j] = m - j;
    }
    restFirst[n] = j + 1;
    restEnd[n] = m + 1;
    for (let i = n - 1; i >= 0; i--) {
      const srcFirst = restFirst[i + 1]!;
      const srcEnd = restEnd[i + 1]!;
      if (srcFirst >= srcEnd) {
        restFirst[i] = 0;
        restEnd[i] = 0;
        continue;
      }
      const row = rowBase[i]!;
      const down = rowBase[i + 1]!;
      const word = hyp[i];
      // Cells right of the row below's alive stretch have no way out; cells left of it only to the right.
      j = Math.min(hi[i]! - 1, srcEnd - 1);
      const fed = Math.max(lo[i]!, srcFirst - 1);
      let first = -1;
      let last = -1;
      let right = inf;
      // Match or substitution to (i + 1, j + 1), deletion to (i + 1, j), insertion to (i, j + 1); the last
      // column has only the deletion.
      if (j === m && j >= fed) {
        const best = rest[down + m]! + 1;
        if (best + Math.abs(i - m) <= limit) {
          first = m;
          last = m;
          right = best;
        }
        rest[row + m] = right;
        j--;
      }
      let diagonal = j + 1 < srcEnd ? rest[down + j + 1]! : inf;
      for (; j >= fed; j--) {
        const below = j >= srcFirst ? rest[down + j]! : inf;
        let best = diagonal + (word === ref[j] ? 0 : 1);
        if (below + 1 < best) best = below + 1;
        if (right + 1 < best) best = right + 1;
        const gap = i - j;
        if (best + (gap < 0 ? -gap : gap) <= limit) {
          if (last < 0) last = j;
          first = j;
        } else best = inf;
        rest[row + j] = best;
        diagonal = below;
        right = best;
      }
      for (; j >= lo[i]! && right < inf; j--) {
        const best = right + 1;
        const gap = i - j;
        if (best + (gap < 0 ? -gap : gap) > limit) break;
        if (last < 0) last = j;
        first = j;
        rest[row + j] = best;
        right = best;
      }
      restFirst[i] = last < 0 ? 0 : first;
      restEnd[i] = last < 0 ? 0 : last + 1;
    }
  }

  /**
   * Distance of a hypothesis that shares its first `from` words, and every word from position `same` on, with
   * the one last passed to `measure`: rows up to `from` are taken from that matrix and the rest computed in two
   * rolling rows (see `throughRest`); only `hyp`'s words in [from, same) are read, as long as `limit` is no larger
   * than the limit the stored rows were computed with (TER's never is: it asks below a distance `measure` found):
   * a larger limit starts again from the first row, and reads `hyp` from its start. Only a distance of at most
   * `limit` is needed exactly: past it, some value above `limit` is returned.
   */
  distanceFrom(hyp: Int32Array, from: number, limit: number, same: number = this.n): number {
    const n = this.n;
    if (from >= n || same <= from) return this.distance;
    const within = Math.min(limit, INF - 1);
    if (same < n && this.restLimit < within) this.fillRest(within);
    return this.throughRest(hyp, from, within, same);
  }

  /** Rows up to `same`, then the cheapest cell of that row plus its stored cost to the end. */
  private throughRest(hyp: Int32Array, from: number, limit: number, same: number): number {
    const { n, m } = this;
    const stop = Math.min(n, same);
    const over = limit + 1;
    let src = this.costs;
    let srcBase = this.rowBase[from]!;
    let srcFirst = this.costFirst[from]!;
    let srcEnd = this.costEnd[from]!;
    let start = from;
    // The stored rows lack cells past the limit they were computed with; a larger limit starts from the top.
    if (limit > this.storedLimit) {
      src = this.rowA;
      srcBase = 0;
      this.firstRow(src, 0, limit);
      srcFirst = this.first;
      srcEnd = this.end;
      start = 0;
    }
    for (let i = start + 1; i <= stop; i++) {
      const out = src === this.rowA ? this.rowB : this.rowA;
      if (!this.row(hyp[i - 1]!, i, src, srcBase, srcFirst, srcEnd, out, 0, limit)) return over;
      srcFirst = this.first;
      srcEnd = this.end;
      src = out;
      srcBase = 0;
    }
    if (stop === n) return m >= srcFirst && m < srcEnd && src[m]! <= limit ? src[m]! : over;
    // Every path crosses row `stop`; past it the words, and so the costs to the end, are the stored ones.
    const rest = this.rest;
    const base = this.rowBase[stop]!;
    const to = Math.min(srcEnd, this.restEnd[stop]!);
    let best = INF;
    for (let j = Math.max(srcFirst, this.restFirst[stop]!); j < to; j++) {
      const through = src[srcBase + j]! + rest[base + j]!;
      if (through < best) best = through;
    }
    return best <= limit ? best : over;
  }
}
