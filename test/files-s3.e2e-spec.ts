import sharp from 'sharp';
import { Readable } from 'node:stream';
import {
  BUCKET_NAMES,
  S3StorageDriver,
  StorageObjectNotFound,
  STORAGE_PORT,
  type StoragePort,
} from '@lib/providers';
import { S3Fake, TestApp } from '@lib/testing';
import { createUser, signIn } from './support/accounts';
import { settled, uploaded } from './support/files';

const PREFIX = 'ct-test-';

describe('S3 storage driver against s3rver', () => {
  let s3: S3Fake;
  let driver: S3StorageDriver;

  beforeAll(async () => {
    s3 = await S3Fake.start(BUCKET_NAMES.map((b) => `${PREFIX}${b}`));
    driver = new S3StorageDriver({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
      bucketPrefix: PREFIX,
      timeoutMs: 5000,
    });
  });
  afterAll(async () => {
    driver.destroy();
    await s3.close();
  });

  it('puts, reads through a presigned GET over real HTTP, and deletes', async () => {
    const body = Buffer.from('%PDF-1.7 a CV');
    await driver.put('cv-files', 'u1/f1/original.pdf', Readable.from([body]), {
      contentType: 'application/pdf',
      contentLength: body.length,
    });
    expect(await driver.exists('cv-files', 'u1/f1/original.pdf')).toBe(true);

    const url = await driver.signedUrl('cv-files', 'u1/f1/original.pdf', 60);
    expect(url).toContain('X-Amz-Signature=');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(body);

    // s3rver checks a presigned URL's key id and expiry but neither its SigV4 signature nor
    // bucket ACLs, so tampered and anonymous reads are proven against the local driver only.

    const chunks: Buffer[] = [];
    for await (const chunk of await driver.getStream('cv-files', 'u1/f1/original.pdf'))
      chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(body);

    await driver.delete('cv-files', 'u1/f1/original.pdf');
    expect(await driver.exists('cv-files', 'u1/f1/original.pdf')).toBe(false);
    expect((await fetch(url)).status).toBe(404);
    await expect(driver.getStream('cv-files', 'u1/f1/original.pdf')).rejects.toBeInstanceOf(
      StorageObjectNotFound,
    );
  });

  it('presigned URLs expire', async () => {
    await driver.put('social-media', 'u1/f2/a.png', Buffer.from('png'), {
      contentType: 'image/png',
    });
    const url = await driver.signedUrl('social-media', 'u1/f2/a.png', 3);
    expect((await fetch(url)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    expect((await fetch(url)).status).toBe(403);
  });

  it('links public objects by bucket and key', () => {
    expect(driver.publicUrl('profile-images', 'u1/f3/w256.webp')).toBe(
      `${s3.endpoint}/${PREFIX}profile-images/u1/f3/w256.webp`,
    );
    expect(() => driver.publicUrl('cv-files', 'u1/f3/a.pdf')).toThrow(/private/);
  });

  describe('as the app’s storage', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await TestApp.create({ env: s3.env(PREFIX) });
    });
    afterAll(async () => {
      await t.close();
    });

    it('runs uploads through quarantine, scan and processing into S3', async () => {
      expect(t.get<StoragePort>(STORAGE_PORT).name).toBe('s3');
      const userId = await createUser(t, {
        email: 'sam@files.test',
        password: 'files-password-123',
      });
      const session = await signIn(t, 'sam@files.test', 'files-password-123');
      const created = await uploaded(t, session.authorization, 'social-image', {
        filename: 'post.jpg',
        content: await sharp({
          create: { width: 1300, height: 700, channels: 3, background: '#f80' },
        })
          .jpeg()
          .toBuffer(),
      });
      const file = await settled(t, session.authorization, created.id);
      expect(file.status).toBe('ready');

      const redirect = await t.inject({
        method: 'GET',
        url: `/v1/files/${created.id}/content?variant=linkedin`,
        headers: { authorization: session.authorization },
      });
      expect(redirect.statusCode).toBe(302);
      const location = String(redirect.headers.location);
      expect(location.startsWith(`${s3.endpoint}/${PREFIX}social-media/`)).toBe(true);
      const image = await fetch(location);
      expect(image.status).toBe(200);
      const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
      expect(meta).toMatchObject({ width: 1200, height: 627, format: 'jpeg' });

      const storage = t.get<StoragePort>(STORAGE_PORT);
      expect(await storage.exists('quarantine', `${userId}/${created.id}`)).toBe(false);
      expect(await storage.exists('social-media', `${userId}/${created.id}/original.jpg`)).toBe(
        true,
      );

      const deleted = await t.inject({
        method: 'DELETE',
        url: `/v1/files/${created.id}`,
        headers: { authorization: session.authorization },
      });
      expect(deleted.statusCode).toBe(204);
      expect((await fetch(location)).status).toBe(404);
    });
  });
});
