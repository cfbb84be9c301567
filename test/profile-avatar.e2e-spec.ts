import { EntityManager } from '@mikro-orm/postgresql';
import sharp from 'sharp';
import { eventually, TestApp } from '@lib/testing';
import { call, createUser, signIn, type Session } from './support/accounts';
import { settled, uploaded, type FileBody } from './support/files';

const PASSWORD = 'avatar-password-123';
const CDN = 'https://cdn.career-tools.test/v1/storage';

interface AvatarUrls {
  webp: string;
  jpeg: string;
}
interface Avatar {
  fileId: string;
  size256: AvatarUrls;
  size1024: AvatarUrls;
}

/**
 * A 1600×1200 JPEG stored sideways: red on top, blue below, with EXIF
 * orientation 6 (shown turned 90° clockwise: blue left, red right, 1200×1600)
 * and a GPS position.
 */
async function sidewaysPhotoWithGps(): Promise<Buffer> {
  const width = 1600;
  const height = 1200;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw[(y * width + x) * 3 + (y < height / 2 ? 0 : 2)] = 255;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'AvatarCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 29/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 17/1 40/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

describe('profile: avatar from a profile-image upload', () => {
  let t: TestApp;
  let ada: Session;
  let other: Session;
  let photo: Buffer;

  beforeAll(async () => {
    t = await TestApp.create({ env: { CDN_URL: CDN } });
    await createUser(t, { email: 'ada.avatar@example.test', password: PASSWORD });
    await createUser(t, { email: 'other.avatar@example.test', password: PASSWORD });
    ada = await signIn(t, 'ada.avatar@example.test', PASSWORD);
    other = await signIn(t, 'other.avatar@example.test', PASSWORD);
    photo = await sidewaysPhotoWithGps();
  });
  afterAll(() => t.close());

  async function readyUpload(session: Session, content: Buffer, name = 'me.jpg') {
    const file = await uploaded(t, session.authorization, 'profile-image', {
      filename: name,
      content,
      contentType: 'image/jpeg',
    });
    const done = await settled(t, session.authorization, file.id);
    expect(done.status).toBe('ready');
    return done;
  }
  const setAvatar = (session: Session, fileId: string) =>
    t.inject({
      method: 'PUT',
      url: '/v1/me/avatar',
      headers: { authorization: session.authorization },
      payload: { fileId },
    });
  /** Reads a public URL (CDN in front of the app's storage route) through the app. */
  async function served(url: string): Promise<{ status: number; body: Buffer; type?: string }> {
    expect(url.startsWith(`${CDN}/profile-images/`)).toBe(true);
    const res = await t.inject({ method: 'GET', url: new URL(url).pathname });
    return {
      status: res.statusCode,
      body: res.rawPayload,
      type: res.headers['content-type'] as string | undefined,
    };
  }
  const avatarOf = async (session: Session) =>
    (await call(t, 'GET', '/v1/me', session.authorization)).json<{ avatar: Avatar | null }>()
      .avatar;

  it('serves upright, metadata-free square WebP and JPEG at 256 and 1024 px from the CDN URL', async () => {
    const input = await sharp(photo).metadata();
    expect(input).toMatchObject({ width: 1600, height: 1200, orientation: 6 });
    expect(input.exif?.toString('latin1')).toContain('AvatarCam');

    const file = await readyUpload(ada, photo);
    const res = await setAvatar(ada, file.id);
    expect(res.statusCode).toBe(200);
    const avatar = res.json<{ avatar: Avatar }>().avatar;
    expect(avatar.fileId).toBe(file.id);
    expect(await avatarOf(ada)).toEqual(avatar);

    for (const [size, urls] of [
      [256, avatar.size256],
      [1024, avatar.size1024],
    ] as const) {
      for (const [format, url] of Object.entries(urls)) {
        const object = await served(url);
        expect(object.status).toBe(200);
        expect(object.type).toBe(format === 'webp' ? 'image/webp' : 'image/jpeg');
        const meta = await sharp(object.body).metadata();
        expect(meta).toMatchObject({ format, width: size, height: size });
        // Metadata stripped: no EXIF (so no GPS, no orientation), no XMP.
        expect(meta.exif).toBeUndefined();
        expect(meta.orientation).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
        // Upright: the sideways picture was turned, so blue is on the left and red on the right.
        const { data, info } = await sharp(object.body).raw().toBuffer({ resolveWithObject: true });
        const pixel = (x: number, y: number) => {
          const i = (y * info.width + x) * info.channels;
          return [data[i], data[i + 1], data[i + 2]];
        };
        const mid = Math.floor(size / 2);
        const [lr, , lb] = pixel(Math.floor(size / 8), mid);
        const [rr, , rb] = pixel(size - 1 - Math.floor(size / 8), mid);
        expect(lb).toBeGreaterThan(200);
        expect(lr).toBeLessThan(60);
        expect(rr).toBeGreaterThan(200);
        expect(rb).toBeLessThan(60);
      }
    }
  });

  it('replacing the picture deletes the old upload and its objects', async () => {
    const first =
      (await avatarOf(ada)) ??
      (await setAvatar(ada, (await readyUpload(ada, photo)).id)).json<{ avatar: Avatar }>().avatar;
    expect((await served(first.size256.webp)).status).toBe(200);

    const second = await readyUpload(
      ada,
      await sharp(photo).rotate(180).jpeg().toBuffer(),
      'b.jpg',
    );
    const res = await setAvatar(ada, second.id);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ avatar: Avatar }>().avatar.fileId).toBe(second.id);

    await eventually(async () => {
      const gone = await call(t, 'GET', `/v1/files/${first.fileId}`, ada.authorization);
      return gone.statusCode === 404;
    });
    for (const url of [
      first.size256.webp,
      first.size256.jpeg,
      first.size1024.webp,
      first.size1024.jpeg,
    ]) {
      expect((await served(url)).status).toBe(404);
    }
    const current = (await avatarOf(ada))!;
    expect((await served(current.size1024.jpeg)).status).toBe(200);
  });

  it("another user's file → 404; not a profile image, pending → 409, infected → 422", async () => {
    const others = await readyUpload(other, photo);
    const foreign = await setAvatar(ada, others.id);
    expect(foreign.statusCode).toBe(404);
    expect((await setAvatar(ada, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).statusCode).toBe(404);

    const blog: FileBody = await uploaded(t, ada.authorization, 'blog-image', {
      filename: 'blog.jpg',
      content: photo,
      contentType: 'image/jpeg',
    });
    expect((await settled(t, ada.authorization, blog.id)).status).toBe('ready');
    const notProfile = await setAvatar(ada, blog.id);
    expect(notProfile.statusCode).toBe(422);
    expect(notProfile.json()).toMatchObject({ code: 'files.not_a_profile_image' });

    // States a real upload passes through, set on ready files so the outcome is not a race.
    const em = t.get(EntityManager).fork();
    const pending = await readyUpload(ada, photo, 'pending.jpg');
    await em
      .getConnection()
      .execute(`update files set status = 'pending' where id = ?`, [pending.id]);
    const stillPending = await setAvatar(ada, pending.id);
    expect(stillPending.statusCode).toBe(409);
    expect(stillPending.json()).toMatchObject({ code: 'files.not_ready', fileStatus: 'pending' });

    const infected = await readyUpload(ada, photo, 'infected.jpg');
    await em
      .getConnection()
      .execute(`update files set status = 'rejected', reject_reason = 'infected' where id = ?`, [
        infected.id,
      ]);
    const refused = await setAvatar(ada, infected.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'files.rejected', reason: 'infected' });

    const bad = await setAvatar(ada, 'not-a-uuid');
    expect(bad.statusCode).toBe(400);
  });

  it('DELETE /v1/me/avatar removes the picture and deletes its upload', async () => {
    const current = (await avatarOf(ada))!;
    expect(current).not.toBeNull();
    expect((await call(t, 'DELETE', '/v1/me/avatar', ada.authorization)).statusCode).toBe(204);
    expect(await avatarOf(ada)).toBeNull();
    await eventually(async () => (await served(current.size256.jpeg)).status === 404);
    expect((await call(t, 'DELETE', '/v1/me/avatar', ada.authorization)).statusCode).toBe(204);
  });

  it('deleting the upload of the picture (DELETE /v1/files/{id}) leaves the user without one', async () => {
    const file = await readyUpload(ada, photo, 'short-lived.jpg');
    expect((await setAvatar(ada, file.id)).statusCode).toBe(200);
    expect((await call(t, 'DELETE', `/v1/files/${file.id}`, ada.authorization)).statusCode).toBe(
      204,
    );
    await eventually(async () => (await avatarOf(ada)) === null);
  });

  it('erasure deletes the avatar objects', async () => {
    await createUser(t, { email: 'erase.avatar@example.test', password: PASSWORD });
    const erase = await signIn(t, 'erase.avatar@example.test', PASSWORD);
    const file = await readyUpload(erase, photo);
    const avatar = (await setAvatar(erase, file.id)).json<{ avatar: Avatar }>().avatar;
    expect((await served(avatar.size1024.webp)).status).toBe(200);
    const deleted = await call(t, 'DELETE', '/v1/me', erase.authorization, { password: PASSWORD });
    expect(deleted.statusCode).toBe(204);
    await eventually(async () => (await served(avatar.size1024.webp)).status === 404, 30000);
    for (const url of [avatar.size256.webp, avatar.size256.jpeg, avatar.size1024.jpeg]) {
      expect((await served(url)).status).toBe(404);
    }
  });
});
