import { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { STORAGE_PORT, type StoragePort } from '@lib/providers';
import type { TestApp } from '@lib/testing';
import { StoredFile } from '../../src/modules/files';

/** A scanned, ready file of the user (no upload: the social suites test what happens after). */
export async function readyFile(
  t: TestApp,
  userId: string,
  { mimeType = 'image/jpeg', size = 48_213 }: { mimeType?: string; size?: number } = {},
): Promise<string> {
  const video = mimeType.startsWith('video/');
  const file = StoredFile.upload({
    userId,
    kind: video ? 'social-video' : 'social-image',
    fileName: video ? 'clip.mp4' : 'photo.jpg',
    originalName: video ? 'clip.mp4' : 'photo.jpg',
    mimeType,
    size,
    bucket: 'social-media',
    isPublic: false,
    checksum: randomBytes(32).toString('hex'),
  });
  file.status = 'ready';
  // Networks that take uploads (LinkedIn, X) read the bytes from storage.
  await t
    .get<StoragePort>(STORAGE_PORT)
    .put(file.bucket, file.path, randomBytes(Math.min(size, 4096)), { contentType: mimeType });
  await t.get(EntityManager).fork().persistAndFlush(file);
  return file.id;
}

/** Connects a sandbox account the way a browser would: start, follow the authorize URL, land on the frontend. */
export async function connectSandbox(t: TestApp, authorization: string): Promise<string> {
  const start = await t.inject({
    method: 'GET',
    url: '/v1/social/connect/sandbox',
    headers: { authorization },
  });
  if (start.statusCode !== 200) throw new Error(`connect start: ${start.statusCode} ${start.body}`);
  const authorizeUrl = new URL(start.json<{ authorizeUrl: string }>().authorizeUrl);
  const callback = await t.inject({
    method: 'GET',
    url: authorizeUrl.pathname + authorizeUrl.search,
  });
  if (callback.statusCode !== 302) throw new Error(`callback: ${callback.statusCode}`);
  const landed = new URL(String(callback.headers.location));
  const accounts = landed.searchParams.get('accounts');
  if (!accounts) throw new Error(`connect failed: ${landed.toString()}`);
  return accounts.split(',')[0];
}

/**
 * Connects a real network's account against its fake: start, let the fake's consent
 * page redirect back, land on the frontend. Answers every account id stored.
 */
export async function connectNetwork(
  t: TestApp,
  authorization: string,
  network: string,
): Promise<string[]> {
  const start = await t.inject({
    method: 'GET',
    url: `/v1/social/connect/${network}`,
    headers: { authorization },
  });
  if (start.statusCode !== 200) throw new Error(`connect start: ${start.statusCode} ${start.body}`);
  const consent = await fetch(start.json<{ authorizeUrl: string }>().authorizeUrl, {
    redirect: 'manual',
  });
  const back = consent.headers.get('location');
  if (consent.status !== 302 || !back) throw new Error(`consent: ${consent.status}`);
  const callback = new URL(back);
  const landed = await t.inject({ method: 'GET', url: callback.pathname + callback.search });
  if (landed.statusCode !== 302) throw new Error(`callback: ${landed.statusCode}`);
  const frontend = new URL(String(landed.headers.location));
  const accounts = frontend.searchParams.get('accounts');
  if (!accounts) throw new Error(`connect failed: ${frontend.toString()}`);
  return accounts.split(',');
}
