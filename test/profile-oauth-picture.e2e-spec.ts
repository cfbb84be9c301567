import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { eventually, OAuthProviderFake, TestApp } from '@lib/testing';
import { call } from './support/accounts';
import { OAuthBrowser, oauthEnv, registerOAuthClients } from './support/oauth';

interface Me {
  avatar: { fileId: string; size256: { webp: string; jpeg: string } } | null;
}

describe("profile: the OAuth provider's picture becomes the first avatar", () => {
  const fake = new OAuthProviderFake();
  let pictures: Server;
  let pictureBase: string;
  const requests: string[] = [];
  let t: TestApp;

  beforeAll(async () => {
    // The provider's picture host (a CDN of theirs): a JPEG with GPS in its EXIF.
    const jpeg = await sharp({
      create: { width: 600, height: 400, channels: 3, background: '#2a7' },
    })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 29/1' } })
      .toBuffer();
    pictures = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(jpeg);
    });
    await new Promise<void>((resolve) => pictures.listen(0, '127.0.0.1', resolve));
    pictureBase = `http://127.0.0.1:${(pictures.address() as AddressInfo).port}`;
    registerOAuthClients(fake);
    await fake.start();
    t = await TestApp.create({
      env: { ...oauthEnv(fake), OAUTH_PICTURE_PRIVATE_HOSTS: '127.0.0.1' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
    await new Promise<void>((resolve) => pictures.close(() => resolve()));
  });

  it('downloads it through the files pipeline (scanned, processed) and links our copy, never theirs', async () => {
    const browser = new OAuthBrowser(t);
    const result = await browser.signIn(fake, 'google', {
      subject: 'google-picture-1',
      name: 'Pia',
      email: 'pia@example.test',
      emailVerified: true,
      picture: `${pictureBase}/a/pia.jpg`,
    });
    const exchanged = await browser.exchange(result.get('code') ?? '');
    expect(exchanged.statusCode).toBe(200);
    const authorization = `Bearer ${exchanged.json<{ accessToken: string }>().accessToken}`;

    const avatar = await eventually(async () => {
      const me = (await call(t, 'GET', '/v1/me', authorization)).json<Me>();
      return me.avatar ?? undefined;
    }, 30000);
    expect(requests).toEqual(['/a/pia.jpg']);
    expect(avatar.size256.jpeg).not.toContain(pictureBase);
    expect(
      avatar.size256.jpeg.startsWith(`${t.config.env.API_URL}/v1/storage/profile-images/`),
    ).toBe(true);

    // It is one of the user's files, and what is served is our processed copy.
    const file = await call(t, 'GET', `/v1/files/${avatar.fileId}`, authorization);
    expect(file.json()).toMatchObject({ kind: 'profile-image', status: 'ready' });
    const served = await t.inject({ method: 'GET', url: new URL(avatar.size256.jpeg).pathname });
    expect(served.statusCode).toBe(200);
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 256, height: 256 });
    expect(meta.exif).toBeUndefined();

    // A later sign-in offers nothing new: the picture was only for the new account.
    const again = await browser.signIn(fake, 'google', {
      subject: 'google-picture-1',
      name: 'Pia',
      email: 'pia@example.test',
      emailVerified: true,
      picture: `${pictureBase}/b/pia.jpg`,
    });
    expect(again.get('code')).toMatch(/^oc_/);
    expect(requests).toEqual(['/a/pia.jpg']);
  });
});
