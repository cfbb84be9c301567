import type { Readable } from 'node:stream';

/**
 * The buckets of the product brief plus `quarantine`, where uploads wait
 * (private) until they are scanned. Public buckets are readable by URL
 * without a signature; private ones only through short-lived signed URLs.
 */
export const BUCKETS = {
  'cv-files': { public: false },
  'profile-images': { public: true },
  'social-media': { public: false },
  'company-logos': { public: true },
  'blog-images': { public: true },
  quarantine: { public: false },
  /** Signed checkpoints of the audit chain (AUDIT_ANCHOR_DRIVER=storage). */
  'audit-anchors': { public: false },
  /** GDPR data exports (ZIPs), read only through short-lived signed URLs. */
  'data-exports': { public: false },
} as const;

export type BucketName = keyof typeof BUCKETS;
export const BUCKET_NAMES = Object.keys(BUCKETS) as BucketName[];

export function isBucketName(name: string): name is BucketName {
  return Object.hasOwn(BUCKETS, name);
}

export interface PutOptions {
  contentType: string;
  /** Needed by S3 for streams; the local driver ignores it. */
  contentLength?: number;
}

export interface StoredObjectInfo {
  size: number;
  contentType: string;
}

export type StorageDriverName = 'local' | 's3';

/** Object storage. Keys are `/`-separated paths without `..` segments. */
export interface StoragePort {
  readonly name: StorageDriverName;
  put(bucket: BucketName, key: string, body: Buffer | Readable, options: PutOptions): Promise<void>;
  /** Throws StorageObjectNotFound when there is no such object. */
  getStream(bucket: BucketName, key: string): Promise<Readable>;
  /** Deleting a missing object is not an error. */
  delete(bucket: BucketName, key: string): Promise<void>;
  exists(bucket: BucketName, key: string): Promise<boolean>;
  /** A URL that reads the object until it expires (`expiresInSec` from now). */
  signedUrl(bucket: BucketName, key: string, expiresInSec: number): Promise<string>;
  /** The permanent URL of an object in a public bucket. */
  publicUrl(bucket: BucketName, key: string): string;
}

export const STORAGE_PORT = Symbol('STORAGE_PORT');

export class StorageObjectNotFound extends Error {
  constructor(bucket: string, key: string) {
    super(`No object ${bucket}/${key}`);
    this.name = 'StorageObjectNotFound';
  }
}

const SAFE_KEY = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9._\-/]{1,512}$/;

/** Refuses keys that could escape a bucket (`..`), absolute paths and odd characters. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.startsWith('/') || key.includes('//')) {
    throw new Error(`Unsafe storage key: ${key}`);
  }
}
