/**
 * Benign generated test pictures (gradients, tiles, rings, stripes, soft blobs, hills) for the demo and
 * tests: deterministic from a seed, no files shipped, nothing but abstract shapes and colours.
 */
import sharp from 'sharp';
import { seededRandom } from '../core/seeded-random.ts';

export const testPatternNames = ['sunset', 'tiles', 'rings', 'stripes', 'blobs', 'hills', 'flat'] as const;
export type TestPatternName = (typeof testPatternNames)[number];

type Rgb = [number, number, number];
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** The colour of pixel (u, v) in [0,1)² for a pattern; parameters come from the seed. */
function painter(name: TestPatternName, seed: number): (u: number, v: number) => Rgb {
  const r = seededRandom(seed * 7919 + name.length);
  const hue: Rgb = [80 + r() * 170, 60 + r() * 170, 60 + r() * 170];
  switch (name) {
    case 'sunset': {
      const [cx, cy, rad] = [0.2 + r() * 0.6, 0.25 + r() * 0.3, 0.08 + r() * 0.1];
      const horizon = 0.6 + r() * 0.2;
      return (u, v) => {
        if (v > horizon) return mix([20, 40, 80], [5, 10, 30], (v - horizon) / (1 - horizon));
        const d = Math.hypot(u - cx, v - cy);
        if (d < rad) return [255, 220, 120];
        return mix([250, 120, 40], [40, 60, 160], v / horizon);
      };
    }
    case 'tiles': {
      const [nx, ny] = [3 + Math.floor(r() * 4), 2 + Math.floor(r() * 3)];
      const colours = Array.from({ length: nx * ny }, () => [r() * 255, r() * 255, r() * 255] as Rgb);
      return (u, v) => colours[Math.floor(v * ny) * nx + Math.floor(u * nx)]!;
    }
    case 'rings': {
      const [cx, cy, f] = [r(), r(), 4 + r() * 6];
      return (u, v) => mix([20, 20, 40], hue, 0.5 + 0.5 * Math.sin(Math.hypot(u - cx, v - cy) * f * Math.PI * 2));
    }
    case 'stripes': {
      const [angle, f] = [r() * Math.PI, 2 + r() * 2];
      const [c, s] = [Math.cos(angle), Math.sin(angle)];
      return (u, v) => mix(hue, [240, 240, 230], 0.5 + 0.5 * Math.tanh(2 * Math.sin((u * c + v * s) * f * Math.PI * 2)));
    }
    case 'blobs': {
      const blobs = Array.from({ length: 5 }, () => ({ x: r(), y: r(), s: 0.08 + r() * 0.15, c: [r() * 255, r() * 255, r() * 255] as Rgb }));
      return (u, v) => {
        let out: Rgb = [30, 30, 30];
        for (const b of blobs) out = mix(out, b.c, Math.exp(-((u - b.x) ** 2 + (v - b.y) ** 2) / (2 * b.s * b.s)));
        return out;
      };
    }
    case 'hills': {
      const waves = Array.from({ length: 3 }, () => ({ a: 0.05 + r() * 0.1, f: 1 + r() * 4, p: r() * 6 }));
      return (u, v) => {
        const ridge = 0.55 + waves.reduce((s, w) => s + w.a * Math.sin(u * w.f * Math.PI * 2 + w.p), 0);
        return v > ridge ? mix([60, 140, 60], [20, 60, 20], (v - ridge) * 2) : mix([150, 200, 255], [60, 120, 220], v);
      };
    }
    case 'flat':
      return () => [128, 128, 128];
  }
}

/**
 * Soft mid-frequency texture (a few smooth 2-D waves) laid over every pattern except 'flat': like the detail
 * of a real photo, it gives PDQ enough structure for a high quality and a hash that survives resizing.
 */
function texture(seed: number): (u: number, v: number) => number {
  const r = seededRandom(seed * 104729 + 17);
  const waves = Array.from({ length: 6 }, () => ({ fx: 1 + r() * 6, fy: 1 + r() * 6, p: r() * 6.283, a: 10 + r() * 20 }));
  return (u, v) => waves.reduce((s, w) => s + w.a * Math.sin((u * w.fx + v * w.fy) * 6.283 + w.p), 0);
}

/** Renders a pattern as PNG bytes (default 384×288). */
export async function renderTestPattern(name: TestPatternName, seed = 1, width = 384, height = 288): Promise<Buffer> {
  const base = painter(name, seed);
  const tex = texture(seed * 31 + name.length);
  const paint = name === 'flat' ? base : (u: number, v: number): Rgb => {
    const [r, g, b] = base(u, v);
    const t = tex(u, v);
    return [r + t, g + t * 0.8, b - t * 0.6];
  };
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x / width, y / height);
      const i = (y * width + x) * 3;
      px[i] = Math.max(0, Math.min(255, Math.round(r)));
      px[i + 1] = Math.max(0, Math.min(255, Math.round(g)));
      px[i + 2] = Math.max(0, Math.min(255, Math.round(b)));
    }
  }
  return sharp(px, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** The modifications the demo shows, each applied with sharp. */
export const testVariants = {
  copy: { label: 'exact copy', dihedral: false, apply: (img: Buffer) => Promise.resolve(img) },
  resized: { label: 'thumbnail 128 px', dihedral: false, apply: (img: Buffer) => sharp(img).resize({ width: 128 }).png().toBuffer() },
  jpeg: { label: 'JPEG quality 40', dihedral: false, apply: (img: Buffer) => sharp(img).jpeg({ quality: 40 }).toBuffer() },
  blurred: { label: 'blurred (σ 2)', dihedral: false, apply: (img: Buffer) => sharp(img).blur(2).png().toBuffer() },
  rotated: { label: 'rotated 90°', dihedral: true, apply: (img: Buffer) => sharp(img).rotate(90).png().toBuffer() },
  mirrored: { label: 'mirrored', dihedral: true, apply: (img: Buffer) => sharp(img).flop().png().toBuffer() },
} as const;
export type TestVariantName = keyof typeof testVariants;
