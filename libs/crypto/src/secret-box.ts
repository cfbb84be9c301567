import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const TAG_BYTES = 16;

/**
 * AES-256-GCM with the data-encryption key, in base64url parts:
 * `v2.<iv>.<tag>.<ciphertext>` bound to a context (additional authenticated data,
 * e.g. `users.totp_secret:<user id>`), so a ciphertext copied onto another record
 * does not open there. `v1` (no context) is what earlier versions wrote; it is
 * still read, and sealing again writes `v2`.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The data-encryption key must be 32 bytes');
  }

  /** A separate 32-byte key for another purpose (HKDF-SHA256), so one key never serves two jobs. */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), purpose, 32));
  }

  /** `context` names the record the value belongs to (table, column, id); `open` must give the same. */
  seal(plaintext: string, context?: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    if (context !== undefined) cipher.setAAD(aad(context));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [context === undefined ? 'v1' : 'v2', iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string, context?: string): string {
    const [version, iv, tag, data, ...rest] = sealed.split('.');
    if ((version !== 'v1' && version !== 'v2') || !iv || !tag || data === undefined || rest.length)
      throw new Error('Unknown sealed format');
    if (version === 'v2' && context === undefined)
      throw new Error('Sealed value needs its context');
    const authTag = Buffer.from(tag, 'base64url');
    // GCM accepts truncated tags unless told otherwise; a short tag is a forgery shortcut.
    if (authTag.length !== TAG_BYTES) throw new Error('Bad authentication tag length');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    if (version === 'v2') decipher.setAAD(aad(context!));
    decipher.setAuthTag(authTag);
    return Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  /** True for values written before contexts existed (reseal them with one when convenient). */
  static isLegacy(sealed: string): boolean {
    return sealed.startsWith('v1.');
  }
}

function aad(context: string): Buffer {
  return Buffer.from(`career-tools/secret-box\u0000${context}`, 'utf8');
}
