import sharp from 'sharp';
import { processLogo } from './logos';

const pixel = async (png: Buffer, x: number, y: number) => {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * 4;
  return [...data.subarray(i, i + 4)];
};

describe('processLogo', () => {
  it('trims uniform borders and makes a plain white background transparent, keeping white inside', async () => {
    // A 200×100 navy box with a white square inside, on a 400×300 white canvas.
    const box = await sharp({
      create: { width: 200, height: 100, channels: 3, background: '#1e3a8a' },
    })
      .composite([
        {
          input: await sharp({
            create: { width: 20, height: 20, channels: 3, background: '#ffffff' },
          })
            .png()
            .toBuffer(),
          left: 90,
          top: 40,
        },
      ])
      .png()
      .toBuffer();
    const input = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#ffffff' },
    })
      .composite([{ input: box, left: 100, top: 100 }])
      .jpeg({ quality: 95 })
      .toBuffer();

    const result = await processLogo(input, 'jpeg');
    const logo = result.original.content as Buffer;
    expect(result.original).toMatchObject({ mimeType: 'image/png', width: 200, height: 100 });
    expect(await pixel(logo, 100, 50)).toEqual([255, 255, 255, 255]); // enclosed white stays
    expect((await pixel(logo, 5, 5))[2]).toBeGreaterThan(100); // navy box edge, opaque
  });

  it('makes the white border transparent when it cannot be trimmed away entirely', async () => {
    const input = await sharp({
      create: { width: 300, height: 300, channels: 3, background: '#ffffff' },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><circle cx="150" cy="150" r="100" fill="#c00"/></svg>',
          ),
        },
      ])
      .png()
      .toBuffer();
    const result = await processLogo(input, 'png');
    const logo = result.original.content as Buffer;
    expect(result.original.width).toBeLessThanOrEqual(202);
    expect((await pixel(logo, 0, 0))[3]).toBe(0); // the corner outside the circle is see-through
    expect(await pixel(logo, 100, 100)).toEqual([204, 0, 0, 255]);
  });

  it('rasterises SVG without running or fetching anything it references', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="60">' +
        '<script>fetch("http://169.254.169.254/")</script>' +
        '<rect width="120" height="60" fill="#0a0" onload="alert(1)"/>' +
        '<image xlink:href="http://127.0.0.1:1/steal.png" width="10" height="10"/>' +
        '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>' +
        '</svg>',
    );
    const result = await processLogo(svg, 'svg');
    expect(result.original.mimeType).toBe('image/png');
    expect(result.metadata).toMatchObject({ sourceFormat: 'svg', format: 'png' });
    const meta = await sharp(result.original.content as Buffer).metadata();
    expect(meta.format).toBe('png');
    expect(Object.keys(result.variants)).toEqual(['w256', 'w256-webp', 'w1024', 'w1024-webp']);
  });
});
