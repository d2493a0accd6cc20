/**
 * Large, benign test pictures that are small on the wire: a few flat coloured rectangles on a plain ground,
 * as PNG. A 7000×7000 one is 49 megapixels decoded (just under the default 50 Mpx limit) but about 55 KB as an 8-colour PNG —
 * the shape of image that costs a server memory, not bandwidth.
 */
import sharp from 'sharp';

/** A `width`×`height` RGB PNG of rectangles placed by `seed` (different seeds give different pictures). */
export async function patternPng(width: number, height: number, seed = 0): Promise<Buffer> {
  const boxes = [0, 1, 2, 3].map((i) => {
    const w = Math.max(1, Math.floor((width * (2 + ((seed + i) % 3))) / 10));
    const h = Math.max(1, Math.floor((height * (2 + ((seed * 7 + i) % 4))) / 10));
    const left = Math.floor(((width - w) * ((seed * 13 + i * 29) % 17)) / 16);
    const top = Math.floor(((height - h) * ((seed * 5 + i * 11) % 13)) / 12);
    const shade = (40 + i * 50 + seed * 23) % 256;
    return { w, h, left, top, colour: { r: shade, g: 255 - shade, b: (shade * 3) % 256 } };
  });
  const overlays = await Promise.all(
    boxes.map(async (b) => ({
      input: await sharp({ create: { width: b.w, height: b.h, channels: 3, background: b.colour } }).png().toBuffer(),
      left: b.left,
      top: b.top,
    })),
  );
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 210, b: 190 } }, limitInputPixels: false })
    .composite(overlays)
    .png({ compressionLevel: 9, palette: true, colours: 8, dither: 0 })
    .toBuffer();
}
