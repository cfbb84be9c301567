import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { UnitOfWork } from '@lib/event-store';
import { SecretBox } from '@lib/crypto';
import type { VisitKind } from '../entities/cv-share-visit.entity';
import { CvDownloaded } from '../events/cv.events';

export interface Visitor {
  ip: string;
  userAgent: string;
}

/**
 * Counts views and downloads of shared CVs once per visitor and UTC day. The
 * visitor is an HMAC of the day, IP and user agent: the same person is
 * recognised within a day, but addresses are never stored and days cannot be linked.
 */
@Injectable()
export class ShareVisits {
  private readonly visitorKey: Buffer;

  constructor(
    private readonly uow: UnitOfWork,
    box: SecretBox,
  ) {
    // A subkey: the data-encryption key itself never doubles as an HMAC key.
    this.visitorKey = box.deriveKey('cv/share-visitor');
  }

  /** Records the visit; true when it is the visitor's first of this kind today. */
  record(
    cv: { id: string; ownerId: string },
    kind: VisitKind,
    visitor: Visitor,
    format = 'json',
    at = new Date(),
  ): Promise<boolean> {
    const day = at.toISOString().slice(0, 10);
    const hash = createHmac('sha256', this.visitorKey)
      .update(`cv-visitor\u0000${day}\u0000${visitor.ip}\u0000${visitor.userAgent}`)
      .digest('base64url')
      .slice(0, 22);
    return this.uow.run(async (em, events) => {
      const inserted = await em.execute<{ cv_id: string }[]>(
        `insert into cv_share_visits (cv_id, day, kind, visitor, first_seen_at) values (?, ?, ?, ?, ?)
         on conflict do nothing returning cv_id`,
        [cv.id, day, kind, hash, at],
      );
      const first = inserted.length > 0;
      if (first && kind === 'download') {
        events.record(new CvDownloaded(cv.id, { ownerId: cv.ownerId, format }));
      }
      return first;
    });
  }
}
