import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID, createPublicKey } from 'node:crypto';
import { errors, exportJWK, importPKCS8, importSPKI, jwtVerify, SignJWT, type JWK } from 'jose';
import { AppConfig } from '@lib/config';
import type { Principal, Role, Tier } from '@lib/authz';
import { Secrets } from '../../bootstrap/secrets';

type PrivateKey = Awaited<ReturnType<typeof importPKCS8>>;
type PublicKey = Awaited<ReturnType<typeof importSPKI>>;

export interface IssuedAccessToken {
  token: string;
  expiresIn: number;
  expiresAt: Date;
  jti: string;
}

/** Signs and verifies RS256 access tokens; publishes the public key as a JWK. */
@Injectable()
export class TokenService implements OnModuleInit {
  private privateKey!: PrivateKey;
  private publicKey!: PublicKey;
  private jwk!: JWK;

  constructor(
    private readonly config: AppConfig,
    private readonly secrets: Secrets,
  ) {}

  async onModuleInit(): Promise<void> {
    this.privateKey = await importPKCS8(this.secrets.jwtPrivateKeyPem, 'RS256');
    this.publicKey = await importSPKI(this.secrets.jwtPublicKeyPem, 'RS256');
    this.jwk = {
      ...(await exportJWK(createPublicKey(this.secrets.jwtPublicKeyPem))),
      kid: this.secrets.jwtKeyId,
      alg: 'RS256',
      use: 'sig',
    };
  }

  async issueAccessToken(user: { id: string; role: Role; tier: Tier }): Promise<IssuedAccessToken> {
    const expiresIn = this.config.env.JWT_ACCESS_TTL_SECONDS;
    const expiresAt = new Date(Date.now() + expiresIn * 1000);
    const jti = randomUUID();
    const token = await new SignJWT({ role: user.role, tier: user.tier })
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

  /** Returns the principal, or undefined for any token that does not verify. */
  /** The principal, or why the token is refused (an expired one is told apart for the audit trail). */
  async verifyAccessToken(token: string): Promise<Principal | { rejected: 'expired' | 'invalid' }> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        algorithms: ['RS256'],
        issuer: this.config.env.JWT_ISSUER,
        audience: this.config.env.JWT_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'jti'],
      });
      return {
        userId: payload.sub!,
        role: payload.role as Role,
        tier: payload.tier as Tier,
        authMethod: 'jwt',
        tokenId: payload.jti,
        tokenExpiresAt: new Date(payload.exp! * 1000),
      };
    } catch (error) {
      return { rejected: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.jwk] };
  }
}
