import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { validateJsonResume } from '../../domain/json-resume-validator';
import { mergeLayout } from '../../domain/layout';
import type { ResumeDocument } from '../../domain/resume';
import { assertCvQuota, assertTemplateAllowed } from '../../cv.policies';
import { invalidJsonResume } from '../../cv.problems';
import { CvDto } from '../../dto/cv.dto';
import { Cv } from '../../entities/cv.entity';
import { CreateCvCommand } from './create-cv.command';

@CommandHandler(CreateCvCommand)
export class CreateCvHandler implements ICommandHandler<CreateCvCommand, CvDto> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, title, document = {}, layout, source }: CreateCvCommand): Promise<CvDto> {
    const errors = validateJsonResume(document, source === 'blank' ? '$.document' : '$');
    if (errors.length > 0) throw invalidJsonResume(errors);
    const fullLayout = mergeLayout(layout);
    assertTemplateAllowed(actor, fullLayout.template);
    return this.uow.run(async (em) => {
      await assertCvQuota(em, actor);
      const cv = Cv.create(
        actor.userId,
        { title, document: document as ResumeDocument, layout: fullLayout },
        source,
      );
      em.persist(cv);
      return CvDto.from(cv);
    });
  }
}
