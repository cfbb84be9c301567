import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { TeamTemplate } from '../../entities/team-template.entity';
import { TemplateDeleted } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { teamsProblems } from '../../teams.problems';
import { DeleteTemplateCommand } from './delete-template.command';

@CommandHandler(DeleteTemplateCommand)
export class DeleteTemplateHandler implements ICommandHandler<DeleteTemplateCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
  ) {}

  async execute({ userId, teamId, templateId }: DeleteTemplateCommand): Promise<void> {
    await this.uow.run(async (em, events) => {
      await this.access.require(em, teamId, userId, 'delete', 'TeamDocument');
      const template = await em.findOne(TeamTemplate, { id: templateId, teamId });
      if (!template) throw teamsProblems.problem('teams.template_not_found', 'No such template.');
      em.remove(template);
      events.record(new TemplateDeleted(teamId, { templateId }));
    });
  }
}
