import { Inject, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import {
  CvRenderingService,
  cvFileName,
  DEFAULT_CV_LAYOUT,
  GetCvQuery,
  type CvLayout,
  type ResumeDocument,
} from '../../../cv';
import {
  COVER_LETTER_TEAM_ACCESS,
  findOwnCoverLetter,
  type CoverLetterTeamAccess,
} from '../../cover-letter.policies';
import { ExportCoverLetterQuery, type ExportedCoverLetter } from './export-cover-letter.query';

/**
 * Renders a cover letter in its CV's template, page size and theme, under the
 * CV's header. A letter whose CV was deleted keeps working in the default look.
 */
@QueryHandler(ExportCoverLetterQuery)
export class ExportCoverLetterHandler implements IQueryHandler<ExportCoverLetterQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: QueryBus,
    private readonly rendering: CvRenderingService,
    @Optional()
    @Inject(COVER_LETTER_TEAM_ACCESS)
    private readonly teams: CoverLetterTeamAccess | null,
  ) {}

  async execute({ actor, id, format }: ExportCoverLetterQuery): Promise<ExportedCoverLetter> {
    const letter = await findOwnCoverLetter(this.em.fork(), actor, id, { teams: this.teams });
    const { basics, layout } = await this.cvLook(actor, letter.cvId, letter.language);
    const content = {
      subject: letter.title,
      body: letter.body,
      company: letter.company,
      date: letter.updatedAt,
    };
    if (format === 'html') {
      return { format, html: this.rendering.coverLetterHtml(basics, layout, content) };
    }
    return {
      format,
      pdf: await this.rendering.coverLetterPdf(basics, layout, content),
      fileName: cvFileName(basics?.name, 'pdf', 'Cover letter'),
    };
  }

  private async cvLook(
    actor: ExportCoverLetterQuery['actor'],
    cvId: string,
    language: string,
  ): Promise<{ basics: ResumeDocument['basics']; layout: CvLayout }> {
    try {
      const cv = await this.queries.execute(new GetCvQuery(actor, cvId));
      return { basics: cv.document.basics, layout: cv.layout };
    } catch (error) {
      if (error instanceof Problem && error.status === 404) {
        return { basics: undefined, layout: { ...DEFAULT_CV_LAYOUT, language } };
      }
      throw error;
    }
  }
}
