import { Query } from '@nestjs/cqrs';
import type { MeDto } from '../../dto/me.dto';

export class GetMeQuery extends Query<MeDto> {
  constructor(readonly userId: string) {
    super();
  }
}
