import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID, createPublicKey } from 'node:crypto';
import { createDecoder, createVerifier, TokenError } from 'fast-jwt';
import { exportJWK, importPKCS8, SignJWT, type JWK } from 'jose';
import { AppConfig } from '@lib/config';
import type { Principal, Role, Tier } from '@lib/authz';
import { Secrets, type VerificationKey } from '../../bootstrap/secrets';

type PrivateKey = Awaited<ReturnType<typeof importPKCS8>>;
type Verify = (token: string) => AccessClaims;

interface AccessClaims {
  sub: string;
  exp: number;
  jti: string;
  role: Role;
  tier: Tier;
  /** Set on an impersonation token: the admin reading as this user (read-only). */
  imp?: string;
}

/** Verified tokens remembered (`TokenService.verified`): repeated requests with one token skip the RSA check. */
const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/**
 * Signs RS256 access tokens with the current key and verifies them with any
 * key of the keyring (current + previous ones, chosen by `kid`), so a key
 * rotation never signs anyone out. Publishes the keyring as a JWKS.
 * Verification uses node:crypto (fast-jwt), several times faster than WebCrypto.
 */
@Injectable()
export class TokenService implements OnModuleInit {
  private privateKey!: PrivateKey;
  private readonly decodeHeader = createDecoder({ complete: true, checkTyp: 'JWT' });
  private readonly verifiers = new Map<string, Verify>();
  /**
   * Claims of tokens verified already, by the token's text (oldest dropped first): a repeated
   * token skips decoding its header and the SHA-256 key of fast-jwt's own cache as well.
   * Expiry is checked on every hit; revocation is the denylist's job, as before.
   */
  private readonly verified = new Map<string, AccessClaims>();
  private jwks_: { keys: JWK[] } = { keys: [] };

  constructor(
    private readonly config: AppConfig,
    private readonly secrets: Secrets,
  ) {}

  async onModuleInit(): Promise<void> {
    this.privateKey = await importPKCS8(this.secrets.jwtPrivateKeyPem, 'RS256');
    const keyring: VerificationKey[] = [
      { kid: this.secrets.jwtKeyId, publicKeyPem: this.secrets.jwtPublicKeyPem },
      ...this.secrets.jwtPreviousKeys,
    ];
    for (const key of keyring) this.verifiers.set(key.kid, this.verifierFor(key.publicKeyPem));
    this.jwks_ = {
      keys: await Promise.all(
        keyring.map(async (key) => ({
          ...(await exportJWK(createPublicKey(key.publicKeyPem))),
          kid: key.kid,
          alg: 'RS256',
          use: 'sig',
        })),
      ),
    };
  }

  /**
   * An access token for the user; `impersonation` makes it an admin's read-only
   * impersonation token (claim `imp`), valid until its `expiresAt`.
   */
  async issueAccessToken(
    user: { id: string; role: Role; tier: Tier },
    impersonation?: { impersonatedBy: string; expiresAt: Date },
  ): Promise<IssuedAccessToken> {
    const expiresIn = impersonation
      ? Math.round((impersonation.expiresAt.getTime() - Date.now()) / 1000)
      : this.config.env.JWT_ACCESS_TTL_SECONDS;
    const expiresAt = impersonation?.expiresAt ?? new Date(Date.now() + expiresIn * 1000);
    const jti = randomUUID();
    const claims = {
      role: user.role,
      tier: user.tier,
      ...(impersonation ? { imp: impersonation.impersonatedBy } : {}),
    };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.secrets.jwtKeyId, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(this.config.env.JWT_ISSUER)
      .setAudience(this.config.env.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .setJti(jti)
      .sign(this.privateKey);
    return { token, expiresIn, expiresAt, jti };
  }

  /** The principal, or why the token is refused (an expired one is told apart for the audit trail). */
  verifyAccessToken(token: string): Promise<Principal | { rejected: 'expired' | 'invalid' }> {
    return Promise.resolve(this.verify(token));
  }

  jwks(): { keys: JWK[] } {
    return this.jwks_;
  }

  private verify(token: string): Principal | { rejected: 'expired' | 'invalid' } {
    const known = this.verified.get(token);
    if (known && Date.now() < known.exp * 1000) return principalOf(known);
    if (known) this.verified.delete(token);
    try {
      const { header } = this.decodeHeader(token) as { header: { kid?: unknown } };
      const verify = typeof header.kid === 'string' ? this.verifiers.get(header.kid) : undefined;
      if (!verify) return { rejected: 'invalid' };
      const claims = verify(token);
      if (this.verified.size >= VERIFIED_TOKEN_CACHE_SIZE) {
        this.verified.delete(this.verified.keys().next().value as string);
      }
      this.verified.set(token, claims);
      return principalOf(claims);
    } catch (error) {
      const expired = error instanceof TokenError && error.code === TokenError.codes.expired;
      return { rejected: expired ? 'expired' : 'invalid' };
    }
  }

  private verifierFor(publicKeyPem: string): Verify {
    return createVerifier({
      key: publicKeyPem,
      algorithms: ['RS256'],
      allowedIss: this.config.env.JWT_ISSUER,
      allowedAud: this.config.env.JWT_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'jti', 'iss', 'aud'],
    }) as Verify;
  }
}

function principalOf(claims: AccessClaims): Principal {
  return {
    userId: claims.sub,
    role: claims.role,
    tier: claims.tier,
    authMethod: 'jwt',
    tokenId: claims.jti,
    tokenExpiresAt: new Date(claims.exp * 1000),
    ...(claims.imp ? { impersonatedBy: claims.imp } : {}),
  };
}

export interface IssuedAccessToken {
  token: string;
  expiresIn: number;
  expiresAt: Date;
  jti: string;
}
