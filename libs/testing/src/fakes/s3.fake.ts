import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/**
 * s3rver: a real S3-protocol server (SigV4 auth, presigned URLs, XML errors)
 * on loopback, keeping objects in a temporary directory. Its credentials are
 * fixed: S3RVER / S3RVER.
 */
export class S3Fake {
  readonly accessKeyId = 'S3RVER';
  readonly secretAccessKey = 'S3RVER';

  private constructor(
    private readonly server: S3rver,
    readonly endpoint: string,
    private readonly directory: string,
  ) {}

  static async start(buckets: string[]): Promise<S3Fake> {
    const directory = await mkdtemp(join(tmpdir(), 's3-fake-'));
    const server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      vhostBuckets: false,
      configureBuckets: buckets.map((name) => ({ name })),
    });
    const { port } = await server.run();
    return new S3Fake(server, `http://127.0.0.1:${port}`, directory);
  }

  /** Environment for a TestApp that stores through this server. */
  env(bucketPrefix: string): Record<string, string> {
    return {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: this.endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: this.accessKeyId,
      S3_SECRET_ACCESS_KEY: this.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
      S3_BUCKET_PREFIX: bucketPrefix,
    };
  }

  async close(): Promise<void> {
    await this.server.close();
    await rm(this.directory, { recursive: true, force: true });
  }
}
