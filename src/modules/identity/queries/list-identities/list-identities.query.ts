import { Query } from '@nestjs/cqrs';
import type { LinkedIdentityDto } from '../../dto/oauth.dto';

export class ListIdentitiesQuery extends Query<LinkedIdentityDto[]> {
  constructor(readonly userId: string) {
    super();
  }
}
