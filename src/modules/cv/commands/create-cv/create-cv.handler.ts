import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { CvChanges } from '../../cv-changes';
import { CvDto } from '../../dto/cv.dto';
import { CreateCvCommand } from './create-cv.command';

@CommandHandler(CreateCvCommand)
export class CreateCvHandler implements ICommandHandler<CreateCvCommand, CvDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly changes: CvChanges,
  ) {}

  execute({ actor, title, document, layout, source }: CreateCvCommand): Promise<CvDto> {
    return this.uow.run(async (em) =>
      CvDto.from(await this.changes.create(em, actor, { title, document, layout, source })),
    );
  }
}
