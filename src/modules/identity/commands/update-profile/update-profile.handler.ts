import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { MeDto } from '../../dto/me.dto';
import { User } from '../../entities/user.entity';
import { UpdateProfileCommand } from './update-profile.command';

@CommandHandler(UpdateProfileCommand)
export class UpdateProfileHandler implements ICommandHandler<UpdateProfileCommand, MeDto> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ userId, changes }: UpdateProfileCommand): Promise<MeDto> {
    return this.uow.run(async (em) => {
      const user = await em.findOneOrFail(User, userId);
      user.updateProfile(changes);
      return MeDto.from(user);
    });
  }
}
