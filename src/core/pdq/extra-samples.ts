// Extra samples of PDQ's blurred image, taken on the way to the 64×64 grid (see downsample.ts). The blur's
// last step filters the columns of a height × 64 strip (the sampled columns of the row-filtered image);
// for extra columns this keeps running sums of those columns instead, and reads the column filter's
// output only at the rows asked for: (sum over the window) / (samples in the window), as the box filter
// does, in double precision. The 64×64 image is not touched, so the plain hash stays bit-identical.
import { jaroszWindow } from './box-filter.ts';

/**
 * Extra samples of the blurred image: `out[i · cols.length + j]` receives the blurred value at row
 * `rows[i]`, column `cols[j]` (indices inside the image).
 */
export interface ExtraSamples {
  readonly cols: Int32Array;
  readonly rows: Int32Array;
  readonly out: Float32Array;
}

let running = new Float64Array(0);
let snapshots = new Float64Array(0);

/**
 * Collects the extra columns of each row-filtered row, then writes the column-filtered samples. Only the
 * running column sums at the window edges of the rows asked for are kept (at most 2 × rows × columns
 * numbers, whatever the picture's height).
 */
export class ExtraCollector {
  private readonly n: number;
  private readonly window: number;
  private readonly half: number;
  /** Prefix positions p (sum of rows 0..p−1) needed, ascending, and the snapshot slot of each. */
  private readonly edges: Int32Array;
  private readonly slot = new Map<number, number>();
  private next = 0;

  constructor(
    private readonly extra: ExtraSamples,
    private readonly height: number,
  ) {
    this.n = extra.cols.length;
    this.window = jaroszWindow(height);
    this.half = (this.window + 2) >> 1;
    const wanted = new Set<number>();
    for (const y of extra.rows) {
      const [lo, hi] = this.span(y);
      wanted.add(lo);
      wanted.add(hi + 1);
    }
    this.edges = Int32Array.from([...wanted].sort((a, b) => a - b));
    this.edges.forEach((p, k) => this.slot.set(p, k));
    if (running.length < this.n) running = new Float64Array(this.n);
    running.fill(0, 0, this.n);
    if (snapshots.length < this.edges.length * this.n) snapshots = new Float64Array(this.edges.length * this.n);
    this.snapshot(0);
  }

  /** The rows the box filter averages for output row y (the window shrinks at the edges, as the reference's). */
  private span(y: number): [number, number] {
    return [Math.max(0, y - (this.window - this.half)), Math.min(this.height - 1, y + this.half - 1)];
  }

  private snapshot(p: number): void {
    while (this.next < this.edges.length && this.edges[this.next] === p) {
      snapshots.set(running.subarray(0, this.n), this.next * this.n);
      this.next++;
    }
  }

  /** Row `r` of the row-filtered image starts at `from` in `src`; rows come in order 0, 1, 2, …. */
  addRow(r: number, src: Float32Array, from: number): void {
    const n = this.n;
    const cols = this.extra.cols;
    const sum = running;
    for (let j = 0; j < n; j++) sum[j] += src[from + cols[j]!]!;
    if (this.edges[this.next] === r + 1) this.snapshot(r + 1);
  }

  /** Writes the samples: the box filter along columns (window as the reference's) at the rows asked for. */
  finish(): void {
    const { n } = this;
    const { rows, out } = this.extra;
    for (let i = 0; i < rows.length; i++) {
      const [lo, hi] = this.span(rows[i]!);
      const inv = 1 / (hi - lo + 1);
      const a = this.slot.get(lo)! * n;
      const b = this.slot.get(hi + 1)! * n;
      for (let j = 0; j < n; j++) out[i * n + j] = (snapshots[b + j]! - snapshots[a + j]!) * inv;
    }
  }
}
