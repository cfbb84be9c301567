import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { EICAR_TEST_FILE, eventually, TestApp } from '@lib/testing';
import { STORAGE_PORT, type StoragePort } from '@lib/providers';
import { DeleteFilesOfDeletedUserHandler } from '../src/modules/files/event-handlers/delete-files-of-deleted-user.handler';
import { UserDeleted } from '../src/modules/identity';
import { auditEvents, createUser, signIn, signInAsAdmin, type Session } from './support/accounts';
import { getFile, readContent, settled, upload, uploaded, type FileBody } from './support/files';
import { multipartBody, streamingMultipart } from './support/multipart';
import { storedZip } from './support/zip';

const PASSWORD = 'files-password-123';
const MB = 1024 * 1024;

/** A 2000×1500 JPEG carrying camera EXIF and a GPS position. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'GPS Logger' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 2400/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 300/100',
      },
    })
    .toBuffer();
}

const png = (width = 64, height = 64) =>
  sharp({ create: { width, height, channels: 3, background: '#888' } })
    .png()
    .toBuffer();
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(600)]);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('Files: uploads, scanning and processing', () => {
  let t: TestApp;
  let ada: Session;
  let bob: Session;
  let adaId: string;
  let storageRoot: string;

  beforeAll(async () => {
    t = await TestApp.create();
    storageRoot = join(t.config.env.DATA_DIR, 'storage');
    adaId = await createUser(t, { email: 'ada@files.test', password: PASSWORD, tier: 'premium' });
    await createUser(t, { email: 'bob@files.test', password: PASSWORD, tier: 'premium' });
    ada = await signIn(t, 'ada@files.test', PASSWORD);
    bob = await signIn(t, 'bob@files.test', PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  const quarantined = (userId: string) => {
    const dir = join(storageRoot, 'quarantine', userId);
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  it('takes a JPEG with EXIF GPS, answers pending, and makes stripped 256/1024 px variants', async () => {
    const input = await jpegWithGps();
    expect((await sharp(input).metadata()).exif?.toString('latin1')).toContain('TestCam');

    const created = await uploaded(t, ada.authorization, 'profile-image', {
      filename: 'holiday.jpg',
      content: input,
      contentType: 'image/jpeg',
    });
    expect(created).toMatchObject({
      kind: 'profile-image',
      status: 'pending',
      mimeType: 'image/jpeg',
      size: input.length,
      originalName: 'holiday.jpg',
      isPublic: true,
    });

    const file = await settled(t, ada.authorization, created.id);
    expect(file.status).toBe('ready');
    expect(Object.keys(file.variants).sort()).toEqual([
      'avatar1024-jpeg',
      'avatar1024-webp',
      'avatar256-jpeg',
      'avatar256-webp',
      'w1024',
      'w1024-webp',
      'w256',
      'w256-webp',
    ]);
    expect(file.variants.w256).toMatchObject({ mimeType: 'image/jpeg', width: 256, height: 192 });
    expect(file.variants['w1024-webp']).toMatchObject({
      mimeType: 'image/webp',
      width: 1024,
      height: 768,
    });
    expect(file.metadata).toMatchObject({ width: 2000, height: 1500 });

    for (const variant of [undefined, 'w256', 'w256-webp', 'w1024', 'w1024-webp']) {
      const content = await readContent(t, ada.authorization, created.id, variant);
      expect(content.status).toBe(200);
      const meta = await sharp(content.body).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      if (variant) expect(meta.width).toBe(file.variants[variant].width);
    }
    expect(quarantined(adaId)).not.toContain(created.id);
  });

  it('turns images upright by their EXIF orientation', async () => {
    const sideways = await sharp({
      create: { width: 1200, height: 600, channels: 3, background: '#a33' },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const created = await uploaded(t, ada.authorization, 'blog-image', {
      filename: 'sideways.jpeg',
      content: sideways,
    });
    const file = await settled(t, ada.authorization, created.id);
    expect(file.metadata).toMatchObject({ width: 600, height: 1200 });
    expect(file.variants.w256).toMatchObject({ width: 256, height: 512 });
  });

  it('rejects an infected upload: deleted, reason and signature recorded, security event, owner emailed', async () => {
    // A Word document whose archive also holds the EICAR test file.
    const docx = storedZip([
      ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>')],
      ['word/document.xml', Buffer.from('<w:document/>')],
      ['word/eicar.com', EICAR_TEST_FILE],
    ]);
    const created = await uploaded(t, ada.authorization, 'cv-file', {
      filename: 'cv.docx',
      content: docx,
    });
    expect(created.status).toBe('pending');

    const file = await settled(t, ada.authorization, created.id);
    expect(file).toMatchObject({
      status: 'rejected',
      rejectReason: 'infected',
      scanSignature: 'Eicar-Test-Signature.UNOFFICIAL',
      variants: {},
    });
    expect(quarantined(adaId)).not.toContain(created.id);
    expect(existsSync(join(storageRoot, 'cv-files', adaId, created.id))).toBe(false);
    const content = await t.inject({
      method: 'GET',
      url: `/v1/files/${created.id}/content`,
      headers: { authorization: ada.authorization },
    });
    expect(content.statusCode).toBe(409);
    expect(content.json()).toMatchObject({ code: 'files.not_ready', fileStatus: 'rejected' });

    const admin = await signInAsAdmin(t);
    const [event] = await auditEvents(t, admin, 'security.malware_detected', created.id);
    expect(event.payload).toMatchObject({
      userId: adaId,
      signature: 'Eicar-Test-Signature.UNOFFICIAL',
      originalName: 'cv.docx',
    });
    const outbox = await eventually(async () => {
      const response = await t.inject({
        method: 'GET',
        url: '/v1/admin/outbox?limit=100',
        headers: { authorization: admin.authorization },
      });
      const items = response.json<{ items: { to: string[]; subject: string }[] }>().items;
      return items.find((m) => m.to.includes('ada@files.test') && /malware/.test(m.subject));
    });
    expect(outbox.subject).toMatch(/malware/);
  });

  it.each([
    ['a PNG', () => png()],
    ['an executable', () => Promise.resolve(ELF)],
  ])('refuses %s named .pdf with 415', async (_what, content) => {
    const response = await upload(t, ada.authorization, 'cv-file', {
      filename: 'cv.pdf',
      content: await content(),
      contentType: 'application/pdf',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({
      code: 'files.unsupported_type',
      allowed: ['pdf', 'docx'],
    });
  });

  it('refuses content that disagrees with its extension, and formats a kind does not take', async () => {
    const mismatch = await upload(t, ada.authorization, 'profile-image', {
      filename: 'me.jpg',
      content: await png(),
    });
    expect(mismatch.statusCode).toBe(415);
    expect(mismatch.json<{ detail: string }>().detail).toMatch(/PNG.*\.jpg/);
    const wrongKind = await upload(t, ada.authorization, 'profile-image', {
      filename: 'cv.pdf',
      content: PDF,
    });
    expect(wrongKind.statusCode).toBe(415);
    const svgAsProfile = await upload(t, ada.authorization, 'profile-image', {
      filename: 'me.svg',
      content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    });
    expect(svgAsProfile.statusCode).toBe(415);
  });

  it('stops a 10 MB + 1 byte CV with 413 while it streams, keeping nothing', async () => {
    const before = quarantined(adaId).length;
    const postStream = (body: ReturnType<typeof streamingMultipart>) =>
      t.inject({
        method: 'POST',
        url: '/v1/files',
        headers: { ...body.headers, authorization: ada.authorization },
        payload: body.payload,
      });

    const justOver = await postStream(
      streamingMultipart('cv-file', 'big.pdf', Buffer.from('%PDF-1.7\n'), 10 * MB + 1),
    );
    expect(justOver.statusCode).toBe(413);
    expect(justOver.json()).toMatchObject({ code: 'files.too_large', limit: 10 * MB });

    // A far larger body: the server stops reading right after the limit instead of
    // taking it all, and never holds it (the heap grows by far less than the upload).
    const huge = streamingMultipart('cv-file', 'huge.pdf', Buffer.from('%PDF-1.7\n'), 40 * MB);
    const heapBefore = process.memoryUsage().heapUsed;
    expect((await postStream(huge)).statusCode).toBe(413);
    expect(huge.pulled()).toBeLessThan(11 * MB);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(8 * MB);
    expect(quarantined(adaId).length).toBe(before);

    // Exactly at the limit is fine.
    const atLimit = streamingMultipart('cv-file', 'ok.pdf', Buffer.from('%PDF-1.7\n'), 10 * MB);
    const accepted = await postStream(atLimit);
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json<FileBody>().size).toBe(10 * MB);
  });

  it('wants the kind before the file, and a known kind', async () => {
    const late = multipartBody([], { filename: 'me.png', content: await png() }, [
      ['kind', 'profile-image'],
    ]);
    const response = await t.inject({
      method: 'POST',
      url: '/v1/files',
      headers: { ...late.headers, authorization: ada.authorization },
      payload: late.payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'files.kind_first' });

    const unknown = await upload(t, ada.authorization, 'mixtape', {
      filename: 'me.png',
      content: await png(),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'validation.failed' });

    const json = await t.inject({
      method: 'POST',
      url: '/v1/files',
      headers: { authorization: ada.authorization },
      payload: { kind: 'profile-image' },
    });
    expect(json.statusCode).toBe(415);
  });

  it('keeps private files behind signed URLs that stop working when altered or expired', async () => {
    const created = await uploaded(t, ada.authorization, 'social-image', {
      filename: 'post.png',
      content: await png(1600, 1000),
    });
    const file = await settled(t, ada.authorization, created.id);
    expect(file.isPublic).toBe(false);

    const content = await readContent(t, ada.authorization, created.id);
    expect(content.status).toBe(200);
    expect(content.contentType).toBe('image/png');
    const url = new URL(content.location);
    expect(url.searchParams.get('signature')).toBeTruthy();

    const bare = await t.inject({ method: 'GET', url: url.pathname });
    expect(bare.statusCode).toBe(403);
    expect(bare.json()).toMatchObject({ code: 'storage.signature_invalid' });
    const tampered = new URL(url);
    tampered.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    expect(
      (await t.inject({ method: 'GET', url: `${tampered.pathname}${tampered.search}` })).statusCode,
    ).toBe(403);
    const otherObject = url.pathname.replace(/original\.png$/, 'linkedin.png');
    expect((await t.inject({ method: 'GET', url: `${otherObject}${url.search}` })).statusCode).toBe(
      403,
    );

    const storage = t.get<StoragePort>(STORAGE_PORT);
    const key = url.pathname.replace('/v1/storage/social-media/', '');
    const shortLived = new URL(await storage.signedUrl('social-media', key, 3));
    const path = `${shortLived.pathname}${shortLived.search}`;
    expect((await t.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    expect((await t.inject({ method: 'GET', url: path })).statusCode).toBe(403);
  });

  it('sizes social images for each platform', async () => {
    const created = await uploaded(t, ada.authorization, 'social-image', {
      filename: 'launch.jpg',
      content: await sharp({
        create: { width: 3000, height: 2000, channels: 3, background: '#09c' },
      })
        .jpeg()
        .toBuffer(),
    });
    const file = await settled(t, ada.authorization, created.id);
    expect(file.variants).toMatchObject({
      linkedin: { width: 1200, height: 627 },
      x: { width: 1600, height: 900 },
      facebook: { width: 1200, height: 630 },
      'instagram-square': { width: 1080, height: 1080 },
      'instagram-portrait': { width: 1080, height: 1350 },
    });
  });

  it('serves public files by URL without signing in', async () => {
    const created = await uploaded(t, ada.authorization, 'profile-image', {
      filename: 'me.png',
      content: await png(300, 300),
    });
    await settled(t, ada.authorization, created.id);
    const content = await readContent(t, ada.authorization, created.id, 'w256-webp');
    expect(content.status).toBe(200);
    expect(content.contentType).toBe('image/webp');
    expect(new URL(content.location).search).toBe('');
  });

  it('lets nobody else read or delete a file (404)', async () => {
    const created = await uploaded(t, ada.authorization, 'cv-file', {
      filename: 'cv.pdf',
      content: PDF,
    });
    for (const [method, url] of [
      ['GET', `/v1/files/${created.id}`],
      ['GET', `/v1/files/${created.id}/content`],
      ['DELETE', `/v1/files/${created.id}`],
    ] as const) {
      const response = await t.inject({
        method,
        url,
        headers: { authorization: bob.authorization },
      });
      expect(response.statusCode).toBe(404);
    }
    const list = await t.inject({
      method: 'GET',
      url: '/v1/files',
      headers: { authorization: bob.authorization },
    });
    expect(list.json<{ items: FileBody[] }>().items.map((f) => f.id)).not.toContain(created.id);
    expect((await getFile(t, ada.authorization, created.id)).id).toBe(created.id);
  });

  it('lists own files by kind and status, and deletes a file with its variants', async () => {
    const created = await uploaded(t, ada.authorization, 'blog-image', {
      filename: 'header.png',
      content: await png(1400, 700),
    });
    await settled(t, ada.authorization, created.id);
    const list = await t.inject({
      method: 'GET',
      url: '/v1/files?kind=blog-image&status=ready&limit=1',
      headers: { authorization: ada.authorization },
    });
    expect(list.statusCode).toBe(200);
    const page = list.json<{ items: FileBody[]; nextCursor: string | null }>();
    expect(page.items.map((f) => [f.id, f.kind])).toEqual([[created.id, 'blog-image']]);
    expect(page.nextCursor).toBeTruthy();

    const folder = join(storageRoot, 'blog-images', adaId, created.id);
    expect(readdirSync(folder).length).toBe(5);
    const deleted = await t.inject({
      method: 'DELETE',
      url: `/v1/files/${created.id}`,
      headers: { authorization: ada.authorization },
    });
    expect(deleted.statusCode).toBe(204);
    expect(readdirSync(folder)).toEqual([]);
    const gone = await t.inject({
      method: 'GET',
      url: `/v1/files/${created.id}`,
      headers: { authorization: ada.authorization },
    });
    expect(gone.statusCode).toBe(404);
  });

  it('limits uploads per hour by plan (free: 20)', async () => {
    await createUser(t, { email: 'fay@files.test', password: PASSWORD });
    const fay = await signIn(t, 'fay@files.test', PASSWORD);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      // Refused content still counts: the limit applies to attempts.
      const response = await upload(t, fay.authorization, 'cv-file', {
        filename: 'x.pdf',
        content: ELF,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 415)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Another user's quota is their own.
    expect(
      (await upload(t, bob.authorization, 'cv-file', { filename: 'x.pdf', content: ELF }))
        .statusCode,
    ).toBe(415);
  });

  it('deletes every file of a user (the UserDeleted handler)', async () => {
    const carl = await createUser(t, { email: 'carl@files.test', password: PASSWORD });
    const session = await signIn(t, 'carl@files.test', PASSWORD);
    const created = await uploaded(t, session.authorization, 'profile-image', {
      filename: 'c.png',
      content: await png(),
    });
    await settled(t, session.authorization, created.id);
    await t.get(DeleteFilesOfDeletedUserHandler).handle(new UserDeleted(carl));
    expect(existsSync(join(storageRoot, 'profile-images', carl, created.id, 'original.png'))).toBe(
      false,
    );
    const list = await t.inject({
      method: 'GET',
      url: '/v1/files',
      headers: { authorization: session.authorization },
    });
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('deletes the files of a deleted account (DELETE /v1/me)', async () => {
    const dana = await createUser(t, { email: 'dana@files.test', password: PASSWORD });
    const session = await signIn(t, 'dana@files.test', PASSWORD);
    const created = await uploaded(t, session.authorization, 'social-image', {
      filename: 'd.png',
      content: await png(),
    });
    await settled(t, session.authorization, created.id);
    const folder = join(storageRoot, 'social-media', dana, created.id);
    expect(readdirSync(folder).length).toBeGreaterThan(0);

    const deleted = await t.inject({
      method: 'DELETE',
      url: '/v1/me',
      headers: { authorization: session.authorization },
      payload: { password: PASSWORD },
    });
    expect(deleted.statusCode).toBe(204);
    await eventually(() =>
      Promise.resolve(!existsSync(folder) || readdirSync(folder).length === 0),
    );
    const admin = await signInAsAdmin(t);
    await eventually(
      async () => (await auditEvents(t, admin, 'files.file_deleted', created.id)).length === 1,
    );
  });
});
