import { Query } from '@nestjs/cqrs';
import type { ApiKeyUsageDto } from '../../dto/api-key-usage.dto';

export class GetApiKeyUsageQuery extends Query<ApiKeyUsageDto> {
  constructor(
    readonly userId: string,
    readonly apiKeyId: string,
    readonly days: number,
  ) {
    super();
  }
}
