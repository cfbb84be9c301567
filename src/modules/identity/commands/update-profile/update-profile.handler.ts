import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import type { MeDto } from '../../dto/me.dto';
import { User } from '../../entities/user.entity';
import { canonicalLocale, canonicalTimeZone } from '../../profile/locale-and-zone';
import { MeView } from '../../profile/me-view';
import { UpdateProfileCommand } from './update-profile.command';

@CommandHandler(UpdateProfileCommand)
export class UpdateProfileHandler implements ICommandHandler<UpdateProfileCommand, MeDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly view: MeView,
  ) {}

  execute({ userId, changes }: UpdateProfileCommand): Promise<MeDto> {
    return this.uow.run(async (em) => {
      const user = await em.findOneOrFail(User, userId);
      user.updateProfile({
        ...changes,
        locale: changes.locale === undefined ? undefined : canonicalLocale(changes.locale),
        timezone: changes.timezone === undefined ? undefined : canonicalTimeZone(changes.timezone),
      });
      return this.view.of(user);
    });
  }
}
