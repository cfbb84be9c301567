import { Command } from '@nestjs/cqrs';
import type { MeDto } from '../../dto/me.dto';
import type { UpdateMeDto } from '../../dto/account.dto';

export class UpdateProfileCommand extends Command<MeDto> {
  constructor(
    readonly userId: string,
    readonly changes: UpdateMeDto,
  ) {
    super();
  }
}
