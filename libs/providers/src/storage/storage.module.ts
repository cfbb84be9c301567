import type { AppConfig } from '@lib/config';
import { LocalStorageDriver } from './drivers/local.driver';
import { S3StorageDriver } from './drivers/s3.driver';
import { join } from 'node:path';
import type { StoragePort } from './storage.port';
import { UrlSigner } from './url-signature';

/**
 * The driver STORAGE_DRIVER selects. `signingKey` signs the local driver's
 * URLs (the S3 driver presigns with its credentials instead).
 */
export function createStorageDriver(config: AppConfig, signingKey: Buffer): StoragePort {
  const env = config.env;
  if (env.STORAGE_DRIVER === 's3') {
    return new S3StorageDriver({
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      bucketPrefix: env.S3_BUCKET_PREFIX,
      timeoutMs: env.S3_TIMEOUT_MS,
      publicBaseUrl: env.CDN_URL,
    });
  }
  const base = `${env.API_URL.replace(/\/$/, '')}/v1/storage`;
  return new LocalStorageDriver(
    join(env.DATA_DIR, 'storage'),
    new UrlSigner(signingKey),
    base,
    env.CDN_URL ?? base,
  );
}
