import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PLAN_CATALOG } from '@lib/authz';
import type { AiUsageDto } from '../../dto/ai-usage.dto';
import { GetAiUsageQuery } from './get-ai-usage.query';

interface TotalRow {
  operation: string;
  provider: string;
  model: string;
  calls: string;
  prompt_tokens: string;
  completion_tokens: string;
}

const HOUR_MS = 3_600_000;

/** The caller's AI usage in a period, and how many calls of the hourly quota are spent. */
@QueryHandler(GetAiUsageQuery)
export class GetAiUsageHandler implements IQueryHandler<GetAiUsageQuery, AiUsageDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ actor, from, to }: GetAiUsageQuery): Promise<AiUsageDto> {
    const em = this.em.fork();
    const rows = await em.execute<TotalRow[]>(
      `select operation, provider, model, count(*) as calls,
              sum(prompt_tokens) as prompt_tokens, sum(completion_tokens) as completion_tokens
         from ai_usage
        where user_id = ? and occurred_at >= ? and occurred_at < ?
        group by operation, provider, model
        order by operation, provider, model`,
      [actor.userId, from, to],
    );
    const [hour] = await em.execute<{ calls: string }[]>(
      'select count(*) as calls from ai_usage where user_id = ? and occurred_at > ?',
      [actor.userId, new Date(Date.now() - HOUR_MS)],
    );
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      totals: rows.map((row) => ({
        operation: row.operation,
        provider: row.provider,
        model: row.model,
        calls: Number(row.calls),
        promptTokens: Number(row.prompt_tokens),
        completionTokens: Number(row.completion_tokens),
      })),
      thisHour: {
        calls: Number(hour.calls),
        limit: PLAN_CATALOG[actor.tier].quotas.aiCallsPerHour,
      },
    };
  }
}
