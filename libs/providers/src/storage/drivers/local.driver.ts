import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertSafeKey,
  BUCKETS,
  StorageObjectNotFound,
  type BucketName,
  type PutOptions,
  type StoragePort,
  type StoredObjectInfo,
} from '../storage.port';
import type { UrlSigner } from '../url-signature';

/**
 * Local default: objects are files under `<root>/<bucket>/<key>`, their content
 * type in `<root>/.meta/<bucket>/<key>.json`. The API serves them at
 * `/v1/storage/<bucket>/<key>`: public buckets as they are, private ones only
 * with a signature made here (HMAC) that has not expired.
 */
export class LocalStorageDriver implements StoragePort {
  readonly name = 'local' as const;

  constructor(
    private readonly root: string,
    private readonly signer: UrlSigner,
    /** Where `/v1/storage` is reachable, e.g. `http://localhost:3000/v1/storage`. */
    private readonly baseUrl: string,
    /** Public objects are linked from here instead when set (a CDN in front of the API). */
    private readonly publicBaseUrl = baseUrl,
  ) {}

  async put(
    bucket: BucketName,
    key: string,
    body: Buffer | Readable,
    options: PutOptions,
  ): Promise<void> {
    const path = this.pathOf(bucket, key);
    await mkdir(dirname(path), { recursive: true });
    // Written beside the target and renamed: a reader never sees half an object.
    const partial = `${path}.${randomUUID()}.partial`;
    try {
      await pipeline(
        Buffer.isBuffer(body) ? Readable.from([body]) : body,
        createWriteStream(partial),
      );
      const meta = this.metaPathOf(bucket, key);
      await mkdir(dirname(meta), { recursive: true });
      await writeFile(meta, JSON.stringify({ contentType: options.contentType }));
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  /** The whole object, or the bytes `range.start`..`range.end` (inclusive). */
  async getStream(
    bucket: BucketName,
    key: string,
    range?: { start: number; end: number },
  ): Promise<Readable> {
    const path = this.pathOf(bucket, key);
    if (!(await this.exists(bucket, key))) throw new StorageObjectNotFound(bucket, key);
    return createReadStream(path, range);
  }

  /** Size and content type, or undefined when there is no such object. */
  async info(bucket: BucketName, key: string): Promise<StoredObjectInfo | undefined> {
    try {
      const { size } = await stat(this.pathOf(bucket, key));
      const meta = JSON.parse(await readFile(this.metaPathOf(bucket, key), 'utf8')) as {
        contentType?: string;
      };
      return { size, contentType: meta.contentType ?? 'application/octet-stream' };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(bucket: BucketName, key: string): Promise<void> {
    await rm(this.pathOf(bucket, key), { force: true });
    await rm(this.metaPathOf(bucket, key), { force: true });
  }

  async exists(bucket: BucketName, key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(bucket, key))).isFile();
    } catch {
      return false;
    }
  }

  signedUrl(bucket: BucketName, key: string, expiresInSec: number): Promise<string> {
    assertSafeKey(key);
    const expires = Math.floor(Date.now() / 1000) + expiresInSec;
    const signature = this.signer.sign(bucket, key, expires);
    return Promise.resolve(
      `${this.baseUrl}/${bucket}/${key}?expires=${expires}&signature=${signature}`,
    );
  }

  publicUrl(bucket: BucketName, key: string): string {
    assertSafeKey(key);
    if (!BUCKETS[bucket].public) throw new Error(`Bucket ${bucket} is private`);
    return `${this.publicBaseUrl}/${bucket}/${key}`;
  }

  /** Whether a request for the object may be served (public bucket, or a valid signature). */
  mayServe(bucket: BucketName, key: string, expires?: string, signature?: string): boolean {
    if (BUCKETS[bucket].public) return true;
    if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return false;
    return this.signer.verify(bucket, key, Number(expires), signature);
  }

  private pathOf(bucket: BucketName, key: string): string {
    assertSafeKey(key);
    return join(this.root, bucket, key);
  }

  private metaPathOf(bucket: BucketName, key: string): string {
    assertSafeKey(key);
    return join(this.root, '.meta', bucket, `${key}.json`);
  }
}
