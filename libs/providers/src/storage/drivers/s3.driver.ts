import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Readable } from 'node:stream';
import {
  assertSafeKey,
  BUCKETS,
  StorageObjectNotFound,
  type BucketName,
  type PutOptions,
  type StoragePort,
} from '../storage.port';

export interface S3DriverOptions {
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** Prepended to every bucket name (bucket names are global on AWS). */
  bucketPrefix: string;
  timeoutMs: number;
  /** Base of public object URLs (CDN, or Supabase's `/storage/v1/object/public`). */
  publicBaseUrl?: string;
}

/**
 * Any S3-compatible service: AWS S3, Supabase Storage's S3 endpoint, MinIO.
 * Private objects are read through presigned GETs.
 */
export class S3StorageDriver implements StoragePort {
  readonly name = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly options: S3DriverOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: {
        accessKeyId: options.accessKeyId,
        secretAccessKey: options.secretAccessKey,
      },
      // Checksums only where the protocol requires them: several S3-compatible
      // services reject the SDK's default CRC32 trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: {
        connectionTimeout: Math.min(options.timeoutMs, 10000),
        requestTimeout: options.timeoutMs,
      },
    });
  }

  async put(
    bucket: BucketName,
    key: string,
    body: Buffer | Readable,
    options: PutOptions,
  ): Promise<void> {
    assertSafeKey(key);
    if (!Buffer.isBuffer(body) && options.contentLength === undefined) {
      throw new Error('S3 uploads of streams need contentLength');
    }
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucketName(bucket),
        Key: key,
        Body: body,
        ContentType: options.contentType,
        ContentLength: Buffer.isBuffer(body) ? body.length : options.contentLength,
      }),
    );
  }

  async getStream(bucket: BucketName, key: string): Promise<Readable> {
    assertSafeKey(key);
    try {
      const result = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucketName(bucket), Key: key }),
      );
      return result.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey || error instanceof NotFound) {
        throw new StorageObjectNotFound(bucket, key);
      }
      throw error;
    }
  }

  async delete(bucket: BucketName, key: string): Promise<void> {
    assertSafeKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucketName(bucket), Key: key }));
  }

  async exists(bucket: BucketName, key: string): Promise<boolean> {
    assertSafeKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucketName(bucket), Key: key }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || error instanceof NoSuchKey) return false;
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
        return false;
      throw error;
    }
  }

  signedUrl(bucket: BucketName, key: string, expiresInSec: number): Promise<string> {
    assertSafeKey(key);
    return getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.bucketName(bucket), Key: key }),
      { expiresIn: expiresInSec },
    );
  }

  publicUrl(bucket: BucketName, key: string): string {
    assertSafeKey(key);
    if (!BUCKETS[bucket].public) throw new Error(`Bucket ${bucket} is private`);
    const name = this.bucketName(bucket);
    const encodedKey = key.split('/').map(encodeURIComponent).join('/');
    const { publicBaseUrl, endpoint, forcePathStyle, region } = this.options;
    if (publicBaseUrl) return `${publicBaseUrl.replace(/\/$/, '')}/${name}/${encodedKey}`;
    if (endpoint && forcePathStyle) return `${endpoint.replace(/\/$/, '')}/${name}/${encodedKey}`;
    if (endpoint) {
      const url = new URL(endpoint);
      return `${url.protocol}//${name}.${url.host}/${encodedKey}`;
    }
    return `https://${name}.s3.${region}.amazonaws.com/${encodedKey}`;
  }

  destroy(): void {
    this.client.destroy();
  }

  private bucketName(bucket: BucketName): string {
    return `${this.options.bucketPrefix}${bucket}`;
  }
}
