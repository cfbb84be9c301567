import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { mergeLayout } from '../../../cv';
import { TeamTemplateDto } from '../../dto/team-template.dto';
import { TeamTemplate } from '../../entities/team-template.entity';
import { TemplateSaved } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { SaveTemplateCommand } from './save-template.command';

@CommandHandler(SaveTemplateCommand)
export class SaveTemplateHandler implements ICommandHandler<SaveTemplateCommand, TeamTemplateDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
  ) {}

  execute({ userId, teamId, name, layout }: SaveTemplateCommand): Promise<TeamTemplateDto> {
    return this.uow.run(async (em, events) => {
      await this.access.require(em, teamId, userId, 'update', 'TeamDocument');
      const template = em.create(TeamTemplate, {
        teamId,
        name: name.trim(),
        layout: mergeLayout(layout),
        createdBy: userId,
        createdAt: new Date(),
      });
      events.record(new TemplateSaved(teamId, { templateId: template.id, name: template.name }));
      await em.flush();
      return TeamTemplateDto.from(template);
    });
  }
}
