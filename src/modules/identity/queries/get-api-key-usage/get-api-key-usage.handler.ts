import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { ApiKeyDailyUsage } from '../../api-keys/api-key-daily-usage';
import type { ApiKeyUsageDto } from '../../dto/api-key-usage.dto';
import { ApiKey } from '../../entities/api-key.entity';
import { GetApiKeyUsageQuery } from './get-api-key-usage.query';

/** One of the caller's keys (revoked ones too), counted per day; someone else's key: 404. */
@QueryHandler(GetApiKeyUsageQuery)
export class GetApiKeyUsageHandler implements IQueryHandler<GetApiKeyUsageQuery, ApiKeyUsageDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly usage: ApiKeyDailyUsage,
  ) {}

  async execute({ userId, apiKeyId, days }: GetApiKeyUsageQuery): Promise<ApiKeyUsageDto> {
    const key = await this.em.fork().findOne(ApiKey, { id: apiKeyId, userId }, { fields: ['id'] });
    if (!key) throw Problem.notFound('API key');
    const perDay = await this.usage.lastDays(apiKeyId, days);
    const total = (field: 'requests' | 'errors' | 'rateLimited') =>
      perDay.reduce((sum, d) => sum + d[field], 0);
    return {
      apiKeyId,
      days: perDay,
      totals: {
        requests: total('requests'),
        errors: total('errors'),
        rateLimited: total('rateLimited'),
      },
    };
  }
}
