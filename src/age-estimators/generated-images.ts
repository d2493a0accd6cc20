/**
 * Benign generated pictures for the age estimator's tests and bench: a sine pattern, a landscape and a
 * schematic drawn face (ovals and lines, no photograph of anyone). Rendered with sharp.
 */
import sharp from 'sharp';

/** Interleaved RGB of a colourful sine pattern. */
export function patternPixels(width: number, height: number): Uint8Array {
  const px = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const x = i % width;
    const y = Math.floor(i / width);
    const v = 128 + 100 * Math.sin(x / 9) * Math.cos(y / 13);
    px[i * 3] = v;
    px[i * 3 + 1] = 255 - v;
    px[i * 3 + 2] = (x ^ y) & 255;
  }
  return px;
}

/** SVG of a landscape: sky gradient, sun, two hills, a lake and a tree. */
export function landscapeSvg(width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 640 480" preserveAspectRatio="none">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#4a90d9"/><stop offset="1" stop-color="#cfe8ff"/></linearGradient></defs>
  <rect width="640" height="480" fill="url(#sky)"/>
  <circle cx="520" cy="90" r="45" fill="#ffd84a"/>
  <path d="M0 300 Q160 180 330 300 T640 280 V480 H0 Z" fill="#5d9c45"/>
  <path d="M0 360 Q200 280 420 360 T640 350 V480 H0 Z" fill="#3f7a32"/>
  <ellipse cx="430" cy="420" rx="150" ry="30" fill="#4f86c6"/>
  <rect x="120" y="280" width="18" height="70" fill="#6b4423"/>
  <circle cx="129" cy="265" r="42" fill="#2f6b2a"/>
</svg>`;
}

/**
 * SVG of a schematic front-facing face on a plain background: skin-tone oval with soft shading, hair,
 * ears, eyebrows, eyes with irises, a nose and a mouth. `features: false` leaves out the eyes, brows,
 * nose and mouth (a blank oval: the control that shows the detector needs them).
 */
export function schematicFaceSvg(size: number, opts: { features?: boolean } = {}): string {
  const features = opts.features === false ? '' : FEATURES;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 400 400">
  <defs>
    <radialGradient id="skin" cx="0.5" cy="0.45" r="0.6"><stop offset="0" stop-color="#f1c7a3"/><stop offset="0.8" stop-color="#d9a27c"/><stop offset="1" stop-color="#b98062"/></radialGradient>
  </defs>
  <rect width="400" height="400" fill="#c8d3dc"/>
  <rect x="165" y="300" width="70" height="70" fill="#d29b76"/>
  <path d="M60 400 Q200 320 340 400 Z" fill="#4b6a8c"/>
  <ellipse cx="112" cy="205" rx="16" ry="30" fill="#d29b76"/>
  <ellipse cx="288" cy="205" rx="16" ry="30" fill="#d29b76"/>
  <ellipse cx="200" cy="200" rx="90" ry="118" fill="url(#skin)"/>
  <path d="M110 175 Q105 80 200 78 Q295 80 290 175 Q280 120 200 118 Q120 120 110 175 Z" fill="#4a3222"/>
${features}</svg>`;
}

/** Eyebrows, eyes, nose and mouth of the schematic face. */
const FEATURES = `  <path d="M142 168 Q163 156 184 166" stroke="#4a3222" stroke-width="6" fill="none" stroke-linecap="round"/>
  <path d="M216 166 Q237 156 258 168" stroke="#4a3222" stroke-width="6" fill="none" stroke-linecap="round"/>
  <ellipse cx="163" cy="188" rx="18" ry="9" fill="#ffffff"/>
  <ellipse cx="237" cy="188" rx="18" ry="9" fill="#ffffff"/>
  <circle cx="163" cy="188" r="7" fill="#4a3a2a"/>
  <circle cx="237" cy="188" r="7" fill="#4a3a2a"/>
  <circle cx="163" cy="188" r="3" fill="#111111"/>
  <circle cx="237" cy="188" r="3" fill="#111111"/>
  <path d="M200 195 L188 240 Q200 248 212 240 Z" fill="#c98d69"/>
  <path d="M188 242 Q200 250 212 242" stroke="#a8714f" stroke-width="3" fill="none"/>
  <path d="M168 268 Q200 290 232 268 Q200 278 168 268 Z" fill="#b5524d"/>`;

/** Renders an SVG to PNG bytes. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** Renders an SVG to JPEG bytes. */
export async function svgToJpeg(svg: string): Promise<Uint8Array> {
  return new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer());
}

/**
 * Two schematic drawn faces side by side, as PNG: each face cut to its head (hair to chin, ear to ear) so
 * that both stay large in the frame, which is what the on-device detector needs to find a drawn face.
 * Drawn at 200 px the detector here finds both (the `several_faces` case); one cut-out alone is one face.
 */
export async function twoFacesPng(): Promise<{ pair: Uint8Array; single: Uint8Array }> {
  const size = 200;
  const k = size / 400;
  const crop = { left: Math.round(90 * k), top: Math.round(60 * k), width: Math.round(220 * k), height: Math.round(280 * k) };
  const single = await sharp(Buffer.from(await svgToPng(schematicFaceSvg(size)))).extract(crop).png().toBuffer();
  const pair = await sharp({ create: { width: crop.width * 2, height: crop.height, channels: 3, background: '#c8d3dc' } })
    .composite([
      { input: single, left: 0, top: 0 },
      { input: single, left: crop.width, top: 0 },
    ])
    .png()
    .toBuffer();
  return { pair: new Uint8Array(pair), single: new Uint8Array(single) };
}
