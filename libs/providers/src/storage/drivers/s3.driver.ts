import type * as ClientS3 from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import type * as Presigner from '@aws-sdk/s3-request-presigner';
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

type Sdk = typeof ClientS3 & Pick<typeof Presigner, 'getSignedUrl'>;
let sdk: Promise<Sdk> | undefined;
/** The AWS SDK is loaded with the first storage call, not at boot (~0.5 s, ~20 MB). */
function loadSdk(): Promise<Sdk> {
  sdk ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]).then(
    ([client, presigner]) => ({ ...client, getSignedUrl: presigner.getSignedUrl }),
  );
  return sdk;
}

/**
 * Any S3-compatible service: AWS S3, Supabase Storage's S3 endpoint, MinIO.
 * Private objects are read through presigned GETs.
 */
export class S3StorageDriver implements StoragePort {
  readonly name = 's3' as const;
  private client?: Promise<{ sdk: Sdk; client: S3Client }>;
  private created?: S3Client;

  constructor(private readonly options: S3DriverOptions) {}

  private s3(): Promise<{ sdk: Sdk; client: S3Client }> {
    this.client ??= loadSdk().then((loaded) => {
      this.created = this.createClient(loaded);
      return { sdk: loaded, client: this.created };
    });
    return this.client;
  }

  private createClient({ S3Client }: Sdk): S3Client {
    const { options } = this;
    return new S3Client({
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
    const { sdk, client } = await this.s3();
    await client.send(
      new sdk.PutObjectCommand({
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
    const { sdk, client } = await this.s3();
    try {
      const result = await client.send(
        new sdk.GetObjectCommand({ Bucket: this.bucketName(bucket), Key: key }),
      );
      return result.Body as Readable;
    } catch (error) {
      if (error instanceof sdk.NoSuchKey || error instanceof sdk.NotFound) {
        throw new StorageObjectNotFound(bucket, key);
      }
      throw error;
    }
  }

  async delete(bucket: BucketName, key: string): Promise<void> {
    assertSafeKey(key);
    const { sdk, client } = await this.s3();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucketName(bucket), Key: key }));
  }

  async exists(bucket: BucketName, key: string): Promise<boolean> {
    assertSafeKey(key);
    const { sdk, client } = await this.s3();
    try {
      await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucketName(bucket), Key: key }));
      return true;
    } catch (error) {
      if (error instanceof sdk.NotFound || error instanceof sdk.NoSuchKey) return false;
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
        return false;
      throw error;
    }
  }

  async signedUrl(bucket: BucketName, key: string, expiresInSec: number): Promise<string> {
    assertSafeKey(key);
    const { sdk, client } = await this.s3();
    return sdk.getSignedUrl(
      client,
      new sdk.GetObjectCommand({ Bucket: this.bucketName(bucket), Key: key }),
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
    this.created?.destroy();
  }

  private bucketName(bucket: BucketName): string {
    return `${this.options.bucketPrefix}${bucket}`;
  }
}
