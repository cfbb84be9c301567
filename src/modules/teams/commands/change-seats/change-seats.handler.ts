import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { SubscriptionSeats } from '../../../billing';
import type { TeamDetailDto } from '../../dto/team.dto';
import { TeamSeatsChanged } from '../../events/teams.events';
import { GetTeamQuery } from '../../queries/get-team/get-team.query';
import { TeamAccess } from '../../team-access';
import { ChangeSeatsCommand } from './change-seats.command';

/**
 * The provider call happens outside any transaction (billing syncs its copy
 * from the answer); fewer seats than members freezes the latest to join.
 */
@CommandHandler(ChangeSeatsCommand)
export class ChangeSeatsHandler implements ICommandHandler<ChangeSeatsCommand, TeamDetailDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
    private readonly billing: SubscriptionSeats,
    private readonly queries: QueryBus,
  ) {}

  async execute({ userId, teamId, seats }: ChangeSeatsCommand): Promise<TeamDetailDto> {
    const { team } = await this.access.require(
      this.em.fork(),
      teamId,
      userId,
      'update',
      'TeamSeats',
    );
    const applied = await this.billing.change(team.ownerId, seats);
    await this.uow.run((_em, events) => {
      events.record(new TeamSeatsChanged(teamId, { seats: applied }));
      return Promise.resolve();
    });
    return this.queries.execute(new GetTeamQuery(userId, teamId));
  }
}
