import { Injectable } from '@nestjs/common';
import bcrypt from 'bcrypt';
import { AppConfig } from '@lib/config';
import type { CvShareDto } from '../dto/cv-share.dto';
import type { CvShare } from '../entities/cv-share.entity';

/** Public URLs of shared CVs and their passwords (bcrypt at the configured cost). */
@Injectable()
export class ShareLinks {
  constructor(private readonly config: AppConfig) {}

  toDto(share: CvShare): CvShareDto {
    return {
      url: `${this.config.env.API_URL.replace(/\/$/, '')}/v1/public/cvs/${share.slug}`,
      slug: share.slug,
      visibility: share.visibility,
      expiresAt: share.expiresAt?.toISOString() ?? null,
      createdAt: share.createdAt.toISOString(),
    };
  }

  hashPassword(password: string): Promise<string> {
    return bcrypt.hash(password, this.config.env.BCRYPT_COST);
  }

  verifyPassword(password: string, hash: string): Promise<boolean> {
    return bcrypt.compare(password, hash);
  }
}
