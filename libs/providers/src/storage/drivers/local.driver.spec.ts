import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { UrlSigner } from '../url-signature';
import { LocalStorageDriver } from './local.driver';

describe('LocalStorageDriver', () => {
  let root: string;
  let driver: LocalStorageDriver;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'storage-'));
    driver = new LocalStorageDriver(
      root,
      new UrlSigner(Buffer.alloc(32, 7)),
      'http://api/v1/storage',
    );
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('stores, reads and deletes objects from buffers and streams', async () => {
    await driver.put('cv-files', 'u1/f1/original.pdf', Readable.from([Buffer.from('%PDF-')]), {
      contentType: 'application/pdf',
    });
    expect(await driver.exists('cv-files', 'u1/f1/original.pdf')).toBe(true);
    expect(await driver.info('cv-files', 'u1/f1/original.pdf')).toEqual({
      size: 5,
      contentType: 'application/pdf',
    });
    const chunks: Buffer[] = [];
    for await (const chunk of await driver.getStream('cv-files', 'u1/f1/original.pdf'))
      chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('%PDF-');
    await driver.delete('cv-files', 'u1/f1/original.pdf');
    expect(await driver.exists('cv-files', 'u1/f1/original.pdf')).toBe(false);
    await expect(driver.getStream('cv-files', 'u1/f1/original.pdf')).rejects.toThrow(/No object/);
  });

  it('refuses keys that could leave the bucket', async () => {
    for (const key of ['../x', 'a/../../x', '/etc/passwd', 'a//b', 'a/./b', 'a\\b']) {
      await expect(
        driver.put('cv-files', key, Buffer.from('x'), { contentType: 'text/plain' }),
      ).rejects.toThrow(/Unsafe storage key/);
    }
  });

  it('signs private URLs that stop working when they expire or are altered', async () => {
    const url = new URL(await driver.signedUrl('cv-files', 'u1/f1/a.pdf', 60));
    const expires = url.searchParams.get('expires')!;
    const signature = url.searchParams.get('signature')!;
    expect(driver.mayServe('cv-files', 'u1/f1/a.pdf', expires, signature)).toBe(true);
    expect(driver.mayServe('cv-files', 'u1/f1/b.pdf', expires, signature)).toBe(false);
    expect(driver.mayServe('cv-files', 'u1/f1/a.pdf', String(Number(expires) + 1), signature)).toBe(
      false,
    );
    expect(driver.mayServe('cv-files', 'u1/f1/a.pdf')).toBe(false);
    const past = new URL(await driver.signedUrl('cv-files', 'u1/f1/a.pdf', -1));
    expect(
      driver.mayServe(
        'cv-files',
        'u1/f1/a.pdf',
        past.searchParams.get('expires')!,
        past.searchParams.get('signature')!,
      ),
    ).toBe(false);
  });

  it('links public objects without a signature', () => {
    expect(driver.publicUrl('profile-images', 'u1/f1/w256.webp')).toBe(
      'http://api/v1/storage/profile-images/u1/f1/w256.webp',
    );
    expect(driver.mayServe('profile-images', 'u1/f1/w256.webp')).toBe(true);
    expect(() => driver.publicUrl('cv-files', 'u1/f1/a.pdf')).toThrow(/private/);
  });
});
