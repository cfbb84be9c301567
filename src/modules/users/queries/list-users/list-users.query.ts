import { Query } from '@nestjs/cqrs';
import type { AdminUserPageDto, ListUsersQueryDto } from '../../dto/admin-user.dto';

export class ListUsersQuery extends Query<AdminUserPageDto> {
  constructor(readonly filter: ListUsersQueryDto) {
    super();
  }
}
