import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { fetchRemoteImage, isForbiddenAddress, RemoteImageRefused } from './fetch-remote-image';

const limits = { maxBytes: 100_000, types: ['jpeg', 'png', 'webp'] as const, timeoutMs: 2000 };

describe('fetchRemoteImage (SSRF guard)', () => {
  let server: Server;
  let base: string;
  let png: Buffer;

  beforeAll(async () => {
    png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#09f' } })
      .png()
      .toBuffer();
    server = createServer((req, res) => {
      if (req.url === '/pic.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(png);
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.concat([png, Buffer.alloc(200_000)]));
      } else if (req.url === '/html') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end('<html>not an image</html>');
      } else {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const allowed = { ...limits, allowPrivateHosts: ['127.0.0.1'] };

  it('knows private, loopback, link-local and mapped addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '169.254.169.254',
      '192.168.1.1',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ]) {
      expect([address, isForbiddenAddress(address)]).toEqual([address, true]);
    }
    expect(isForbiddenAddress('8.8.8.8')).toBe(false);
    expect(isForbiddenAddress('2606:4700:4700::1111')).toBe(false);
  });

  it.each([
    ['http://example.com/a.png', /scheme/],
    ['file:///etc/passwd', /scheme/],
    ['https://127.0.0.1/a.png', /private/],
    ['https://localhost/a.png', /private/],
    ['https://169.254.169.254/latest/meta-data/', /private/],
    ['https://[::1]/a.png', /private/],
    ['https://user:pw@example.com/a.png', /credentials/],
    ['https://example.com:8443/a.png', /port/],
    ['not a url', /not a URL/],
  ])('refuses %s', async (url, reason) => {
    await expect(fetchRemoteImage(url, limits)).rejects.toThrow(reason);
  });

  it('fetches an image from an allowed test host and checks it by its magic bytes', async () => {
    const image = await fetchRemoteImage(`${base}/pic.png`, allowed);
    expect(image.type).toBe('png');
    expect(image.content.equals(png)).toBe(true);
    // Without the allowance the same loopback URL is refused.
    await expect(fetchRemoteImage(`${base}/pic.png`, limits)).rejects.toBeInstanceOf(
      RemoteImageRefused,
    );
  });

  it('refuses redirects, oversize bodies and non-images', async () => {
    await expect(fetchRemoteImage(`${base}/redirect`, allowed)).rejects.toThrow(/302/);
    await expect(fetchRemoteImage(`${base}/big`, allowed)).rejects.toThrow(/too large/);
    await expect(fetchRemoteImage(`${base}/html`, allowed)).rejects.toThrow(/not an accepted/);
  });
});
