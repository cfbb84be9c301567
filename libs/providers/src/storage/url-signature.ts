import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 over bucket, key and expiry; the local driver's URLs carry it. */
export class UrlSigner {
  constructor(private readonly key: Buffer) {}

  sign(bucket: string, key: string, expires: number): string {
    return createHmac('sha256', this.key)
      .update(`${bucket}\n${key}\n${expires}`)
      .digest('base64url');
  }

  /** True when the signature is ours and `expires` (unix seconds) has not passed. */
  verify(
    bucket: string,
    key: string,
    expires: number,
    signature: string,
    now = Date.now(),
  ): boolean {
    if (!Number.isSafeInteger(expires) || expires * 1000 < now) return false;
    const expected = Buffer.from(this.sign(bucket, key, expires));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
