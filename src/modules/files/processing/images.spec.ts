import sharp from 'sharp';
import { processImage, processProfileImage } from './images';
import { processSocialImage } from './social-images';

const make = (format: 'gif' | 'webp' | 'png', width = 1500, height = 900) =>
  sharp({ create: { width, height, channels: 3, background: '#c63' } })
    .toFormat(format)
    .toBuffer();

describe('image processing', () => {
  it.each(['gif', 'webp', 'png'] as const)(
    'makes %s variants in its own format and WebP, never enlarged',
    async (format) => {
      const result = await processImage(await make(format, 600, 300), format);
      expect(result.original).toMatchObject({ fileName: `original.${format}`, width: 600 });
      expect(result.variants.w256).toMatchObject({ width: 256, height: 128 });
      expect(result.variants.w1024).toMatchObject({ width: 600, height: 300 });
      expect((await sharp(result.variants.w256.content as Buffer).metadata()).format).toBe(format);
      if (format !== 'webp') expect(result.variants['w256-webp'].mimeType).toBe('image/webp');
    },
  );

  it('adds square avatar crops of profile images in WebP and JPEG, never enlarged', async () => {
    const result = await processProfileImage(await make('png', 1500, 900), 'png');
    expect(result.variants['avatar256-webp']).toMatchObject({ width: 256, height: 256 });
    expect(result.variants['avatar256-jpeg']).toMatchObject({ mimeType: 'image/jpeg' });
    expect(result.variants['avatar1024-jpeg']).toMatchObject({ width: 900, height: 900 });
    expect(result.variants['avatar1024-webp'].mimeType).toBe('image/webp');
    expect(result.variants.w256).toMatchObject({ width: 256, height: 154 });
  });

  it('crops social images from a GIF into PNGs of each platform size', async () => {
    const result = await processSocialImage(await make('gif'), 'gif');
    expect(result.variants['instagram-portrait']).toMatchObject({
      mimeType: 'image/png',
      width: 1080,
      height: 1350,
    });
  });

  it('refuses images with more pixels than allowed (decompression bombs)', async () => {
    const bomb = await sharp({
      create: { width: 10000, height: 10000, channels: 3, background: '#fff' },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    await expect(processImage(bomb, 'png')).rejects.toThrow(/pixel limit/i);
  });
});
