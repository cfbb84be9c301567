import type { ProcessedObject, ProcessingResult } from './processing-result';
import { encode, openImage, widthVariants, type RasterType } from './images';

/** Feed image sizes per platform (landscape link/feed images; Instagram square and portrait). */
export const PLATFORM_SIZES = {
  linkedin: { width: 1200, height: 627 },
  x: { width: 1600, height: 900 },
  facebook: { width: 1200, height: 630 },
  'instagram-square': { width: 1080, height: 1080 },
  'instagram-portrait': { width: 1080, height: 1350 },
} as const;

/**
 * Social images: the stripped original, a 256 px preview, and one crop per
 * platform size (cover, centred on the most interesting region). GIFs keep
 * their first frame, as PNG.
 */
export async function processSocialImage(
  input: Buffer,
  type: RasterType,
): Promise<ProcessingResult> {
  const image = openImage(input);
  const outputType: RasterType = type === 'gif' ? 'png' : type;
  const original = await encode(image, type, 'original');
  const variants: Record<string, ProcessedObject> = await widthVariants(image, outputType, [256]);
  for (const [platform, size] of Object.entries(PLATFORM_SIZES)) {
    const cropped = image.clone().resize({ ...size, fit: 'cover', position: 'attention' });
    variants[platform] = await encode(cropped, outputType, platform);
  }
  return {
    original,
    variants,
    metadata: { width: original.width, height: original.height, format: type },
  };
}
