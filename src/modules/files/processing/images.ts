import type { Sharp } from 'sharp';
import type SharpFactory from 'sharp';
import type { ProcessedObject, ProcessingResult } from './processing-result';

let loaded: typeof SharpFactory | undefined;

/** `sharp(...)`, with sharp (libvips) loaded on the first image rather than at boot. */
export function sharp(...args: Parameters<typeof SharpFactory>): Sharp {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred until first use
  loaded ??= require('sharp') as typeof SharpFactory;
  return loaded(...args);
}

export type RasterType = 'jpeg' | 'png' | 'webp' | 'gif';

/** Refuse decompression bombs: no image we accept needs more pixels than this. */
export const MAX_INPUT_PIXELS = 60_000_000;
export const VARIANT_WIDTHS = [256, 1024] as const;

const MIME: Record<RasterType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};
const EXTENSION: Record<RasterType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif' };

/** A sharp pipeline over the first frame, turned upright by its EXIF orientation. */
export function openImage(input: Buffer): Sharp {
  return sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
}

/**
 * Encodes an image. sharp writes no metadata unless asked (no EXIF, GPS, XMP
 * or comments), so every output is stripped.
 */
export async function encode(
  image: Sharp,
  type: RasterType,
  fileName: string,
): Promise<ProcessedObject> {
  const { data, info } = await image
    .clone()
    .toFormat(type, type === 'jpeg' ? { quality: 85, mozjpeg: true } : {})
    .toBuffer({ resolveWithObject: true });
  return {
    fileName: `${fileName}.${EXTENSION[type]}`,
    mimeType: MIME[type],
    content: data,
    width: info.width,
    height: info.height,
  };
}

/**
 * Profile and blog images: upright, metadata stripped, and variants 256 and
 * 1024 px wide (never enlarged) in WebP and in the original format.
 */
export async function processImage(input: Buffer, type: RasterType): Promise<ProcessingResult> {
  const image = openImage(input);
  const original = await encode(image, type, 'original');
  return {
    original,
    variants: await widthVariants(image, type),
    metadata: { width: original.width, height: original.height, format: type },
  };
}

export async function widthVariants(
  image: Sharp,
  type: RasterType,
  widths: readonly number[] = VARIANT_WIDTHS,
): Promise<Record<string, ProcessedObject>> {
  const variants: Record<string, ProcessedObject> = {};
  for (const width of widths) {
    const resized = image.clone().resize({ width, withoutEnlargement: true });
    variants[`w${width}`] = await encode(resized, type, `w${width}`);
    if (type !== 'webp') variants[`w${width}-webp`] = await encode(resized, 'webp', `w${width}`);
  }
  return variants;
}

/** Square avatar sizes of profile images (px). */
export const AVATAR_SIZES = [256, 1024] as const;
export type AvatarSize = (typeof AVATAR_SIZES)[number];
/** Variant name of a square avatar rendition, e.g. `avatar256-webp`. */
export const avatarVariant = (size: AvatarSize, format: 'jpeg' | 'webp') =>
  `avatar${size}-${format}`;

/**
 * Profile images: everything `processImage` makes, plus square crops (centred,
 * 256 and 1024 px, never enlarged: a smaller picture gives a smaller square)
 * in WebP and JPEG (transparency flattened onto white) for avatars.
 */
export async function processProfileImage(
  input: Buffer,
  type: RasterType,
): Promise<ProcessingResult> {
  const result = await processImage(input, type);
  const image = openImage(input);
  const shortest = Math.min(result.original.width ?? 0, result.original.height ?? 0);
  for (const size of AVATAR_SIZES) {
    const side = Math.max(1, Math.min(size, shortest));
    const square = image.clone().resize({ width: side, height: side, fit: 'cover' });
    result.variants[avatarVariant(size, 'webp')] = await encode(square, 'webp', `avatar${size}`);
    result.variants[avatarVariant(size, 'jpeg')] = await encode(
      square.clone().flatten({ background: '#ffffff' }),
      'jpeg',
      `avatar${size}`,
    );
  }
  return result;
}
