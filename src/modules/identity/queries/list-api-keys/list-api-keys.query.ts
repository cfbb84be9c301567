import { Query } from '@nestjs/cqrs';
import type { ApiKeyPageDto } from '../../dto/api-key.dto';

export class ListApiKeysQuery extends Query<ApiKeyPageDto> {
  constructor(
    readonly userId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
