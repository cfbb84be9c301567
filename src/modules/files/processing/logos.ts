import { encode, MAX_INPUT_PIXELS, openImage, sharp, widthVariants } from './images';
import type { ProcessingResult } from './processing-result';

/** Logos are normalised to at most this size before the pixel work. */
const MAX_LOGO_SIDE = 2048;
/** A background is "light" when every channel is at least this. */
const LIGHT = 224;
/** Per-channel distance still counted as the background colour (JPEG noise, anti-aliasing). */
const TOLERANCE = 24;

/**
 * Company logos: SVG is rasterised (its scripts and references never leave
 * this function), uniform borders are trimmed, a plain light background is
 * made transparent, and the result is a PNG plus 256/1024 px variants.
 */
export async function processLogo(
  input: Buffer,
  type: 'png' | 'jpeg' | 'svg',
): Promise<ProcessingResult> {
  const source =
    type === 'svg'
      ? // librsvg renders without scripts and, for in-memory input, without external resources.
        // Flattened on white: its anti-aliased edges would otherwise defeat the border trim
        // (a white background is made transparent again below).
        sharp(input, { density: 300, limitInputPixels: MAX_INPUT_PIXELS }).flatten({
          background: '#ffffff',
        })
      : openImage(input);
  const flattened = await source
    .resize({
      width: MAX_LOGO_SIDE,
      height: MAX_LOGO_SIDE,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .ensureAlpha()
    .png()
    .toBuffer();
  const trimmed = await trimUniformBorders(flattened);
  const transparent = await clearLightBackground(trimmed);
  const image = sharp(transparent);
  const original = await encode(image, 'png', 'logo');
  return {
    original,
    variants: await widthVariants(image, 'png'),
    metadata: {
      width: original.width,
      height: original.height,
      format: 'png',
      sourceFormat: type,
    },
  };
}

async function trimUniformBorders(png: Buffer): Promise<Buffer> {
  try {
    return await sharp(png).trim({ threshold: 10 }).png().toBuffer();
  } catch {
    return png; // nothing left to keep after trimming (a blank image): keep it as it is
  }
}

/**
 * When the border is one light, opaque colour, every pixel of that colour
 * connected to the border becomes transparent (a flood fill, so white inside
 * the logo stays white).
 */
export async function clearLightBackground(png: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const at = (x: number, y: number) => (y * width + x) * 4;
  const corners = [at(0, 0), at(width - 1, 0), at(0, height - 1), at(width - 1, height - 1)];
  const bg = [data[corners[0]], data[corners[0] + 1], data[corners[0] + 2]];
  const isBackground = (i: number) =>
    data[i + 3] > 200 &&
    Math.abs(data[i] - bg[0]) <= TOLERANCE &&
    Math.abs(data[i + 1] - bg[1]) <= TOLERANCE &&
    Math.abs(data[i + 2] - bg[2]) <= TOLERANCE;
  const plainLight = bg.every((c) => c >= LIGHT) && corners.every(isBackground);
  if (!plainLight) return png;

  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  const push = (x: number, y: number) => {
    const p = y * width + x;
    if (!seen[p] && isBackground(p * 4)) {
      seen[p] = 1;
      stack.push(p);
    }
  };
  for (let x = 0; x < width; x++) {
    push(x, 0);
    push(x, height - 1);
  }
  for (let y = 0; y < height; y++) {
    push(0, y);
    push(width - 1, y);
  }
  while (stack.length > 0) {
    const p = stack.pop()!;
    data[p * 4 + 3] = 0;
    const x = p % width;
    const y = (p - x) / width;
    if (x > 0) push(x - 1, y);
    if (x < width - 1) push(x + 1, y);
    if (y > 0) push(x, y - 1);
    if (y < height - 1) push(x, y + 1);
  }
  return sharp(data, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}
