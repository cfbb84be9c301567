import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCvQuota, assertTemplateAllowed, findOwnCv, type CvActor } from './cv.policies';
import { invalidJsonResume } from './cv.problems';
import { nextState } from './commands/update-cv/next-state';
import type { CvChange } from './commands/update-cv/update-cv.command';
import { validateJsonResume } from './domain/json-resume-validator';
import { mergeLayout } from './domain/layout';
import type { ResumeDocument } from './domain/resume';
import type { CvLayoutDto } from './dto/cv-layout.dto';
import { Cv } from './entities/cv.entity';

export interface NewCv {
  title: string;
  document?: unknown;
  layout?: CvLayoutDto;
  source: 'blank' | 'json-resume' | 'file';
}
import { CV_TEAM_ACCESS, type CvTeamAccess } from './sharing/team-access';
import { assertVersion, type ExpectedVersion } from './versions/if-match';

/**
 * Creates and changes CVs inside the caller's transaction, so a use case that
 * writes a CV and something else (applying an AI suggestion) commits both or
 * neither, and handlers share this logic without dispatching commands.
 */
@Injectable()
export class CvChanges {
  constructor(@Optional() @Inject(CV_TEAM_ACCESS) private readonly teams: CvTeamAccess | null) {}

  /** A new CV, blank or from an imported JSON Resume document (taken as it is, unknown properties too). */
  async create(
    em: EntityManager,
    actor: CvActor,
    { title, document = {}, layout, source }: NewCv,
  ): Promise<Cv> {
    const errors = validateJsonResume(document, source === 'blank' ? '$.document' : '$');
    if (errors.length > 0) throw invalidJsonResume(errors);
    const fullLayout = mergeLayout(layout);
    assertTemplateAllowed(actor, fullLayout.template);
    await assertCvQuota(em, actor);
    const cv = Cv.create(
      actor.userId,
      { title, document: document as ResumeDocument, layout: fullLayout },
      source,
    );
    em.persist(cv);
    return cv;
  }

  /**
   * Optimistic concurrency: the row is locked, then the expected version is
   * compared, so two writers based on the same version cannot both win. A
   * change that changes nothing makes no new version.
   */
  async apply(
    em: EntityManager,
    actor: CvActor,
    cvId: string,
    expected: ExpectedVersion | undefined,
    change: CvChange,
  ): Promise<Cv> {
    const cv = await findOwnCv(em, actor, cvId, 'update', { lock: true, teams: this.teams });
    assertVersion(expected, cv.version);
    const next = nextState(cv.state, change);
    if (next.layout.template !== cv.layout.template)
      assertTemplateAllowed(actor, next.layout.template);
    cv.change(next);
    return cv;
  }
}
