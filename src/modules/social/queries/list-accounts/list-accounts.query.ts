import { Query } from '@nestjs/cqrs';
import type { SocialAccountListDto } from '../../dto/social-account.dto';

export class ListAccountsQuery extends Query<SocialAccountListDto> {
  constructor(readonly userId: string) {
    super();
  }
}
