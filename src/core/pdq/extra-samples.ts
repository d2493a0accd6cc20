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

let sums = new Float64Array(0);
const keepDoubles = 1 << 20;

/** Collects the extra columns of each row-filtered row, then writes the column-filtered samples. */
export class ExtraCollector {
  readonly n: number;
  constructor(readonly extra: ExtraSamples, readonly height: number) {
    this.n = extra.cols.length;
    const need = (height + 1) * this.n;
    if (sums.length < need) sums = new Float64Array(need);
    sums.fill(0, 0, this.n);
  }

  /** Row `r` of the row-filtered image starts at `from` in `src`; rows come in order 0, 1, 2, …. */
  addRow(r: number, src: Float32Array, from: number): void {
    const { n } = this;
    const cols = this.extra.cols;
    const prev = r * n;
    const next = prev + n;
    for (let j = 0; j < n; j++) sums[next + j] = sums[prev + j]! + src[from + cols[j]!]!;
  }

  /** Writes the samples: the box filter along columns (window as the reference's) at the rows asked for. */
  finish(): void {
    const { n, height } = this;
    const { rows, out } = this.extra;
    const window = jaroszWindow(height);
    const half = (window + 2) >> 1;
    for (let i = 0; i < rows.length; i++) {
      const y = rows[i]!;
      const lo = Math.max(0, y - (window - half));
      const hi = Math.min(height - 1, y + half - 1);
      const inv = 1 / (hi - lo + 1);
      const a = lo * n;
      const b = (hi + 1) * n;
      for (let j = 0; j < n; j++) out[i * n + j] = (sums[b + j]! - sums[a + j]!) * inv;
    }
    if (sums.length > keepDoubles) sums = new Float64Array(0);
  }
}
