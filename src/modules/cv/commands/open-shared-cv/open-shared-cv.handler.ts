import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commonProblems, Problem } from '@lib/problems';
import { RateLimiter } from '@lib/rate-limit';
import { Cv } from '../../entities/cv.entity';
import { CvShare } from '../../entities/cv-share.entity';
import { ShareLinks } from '../../sharing/share-links';
import { ShareVisits } from '../../sharing/share-visits';
import { OpenSharedCvCommand, type SharedCv } from './open-shared-cv.command';
import { cvProblems } from '../../cv.problems';

const SLUG = /^[A-Za-z0-9_-]{22}$/;

/**
 * Password attempts per protected link, whatever address they come from (the
 * per-IP `publicCv` limit alone lets a botnet guess). With Redis down the
 * limiter fails closed (503): unmetered guessing is worse than a short outage.
 */
export const SHARE_PASSWORD_ATTEMPTS = { limit: 20, windowMs: 15 * 60_000 };

/**
 * Unknown, revoked or deleted → 404; expired → 410; password shares need
 * the password (401 without, 403 wrong). Only then is the visit counted, so
 * refused visits count nothing.
 */
@CommandHandler(OpenSharedCvCommand)
export class OpenSharedCvHandler implements ICommandHandler<OpenSharedCvCommand, SharedCv> {
  constructor(
    private readonly em: EntityManager,
    private readonly links: ShareLinks,
    private readonly visits: ShareVisits,
    private readonly limiter: RateLimiter,
  ) {}

  async execute({ slug, password, visitor, visit }: OpenSharedCvCommand): Promise<SharedCv> {
    const em = this.em.fork();
    const share = SLUG.test(slug) ? await em.findOne(CvShare, { slug }) : null;
    const cv = share ? await em.findOne(Cv, { id: share.cvId, deletedAt: null }) : null;
    if (!share || !cv) throw Problem.notFound('Shared CV', 'cv_share.not_found');
    if (share.isExpired()) {
      throw cvProblems.problem('cv_share.expired', 'This link has expired');
    }
    if (share.visibility === 'password') {
      if (!password) {
        throw Problem.unauthorized(
          'cv_share.password_required',
          'This CV is protected: send its password in the X-Share-Password header',
        );
      }
      const attempt = await this.limiter.consume(
        'sharePassword',
        `share:${share.id}`,
        SHARE_PASSWORD_ATTEMPTS.limit,
        SHARE_PASSWORD_ATTEMPTS.windowMs,
        'deny',
      );
      if (!attempt.allowed) {
        throw commonProblems.problem(
          'rate_limit.exceeded',
          `Too many password attempts for this link; retry in ${attempt.retryAfterSeconds} s`,
          { retryAfter: attempt.retryAfterSeconds },
        );
      }
      const valid =
        !!share.passwordHash && (await this.links.verifyPassword(password, share.passwordHash));
      if (!valid) {
        throw Problem.forbidden('cv_share.password_invalid', 'The password is not right');
      }
    }
    await this.visits.record(cv, visit.kind, visitor, visit.format);
    return {
      cvId: cv.id,
      ownerId: cv.ownerId,
      view: {
        title: cv.title,
        document: cv.document,
        layout: cv.layout,
        version: cv.version,
        updatedAt: cv.updatedAt.toISOString(),
      },
    };
  }
}
