import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AiResultMeta } from '@lib/providers';
import type { AiOperation } from './ai-operation';
import { AiUsageEntry } from './entities/ai-usage-entry.entity';

/** Writes one `ai_usage` row per answered AI call; every caller of the AI writer goes through it. */
@Injectable()
export class AiUsageRecorder {
  constructor(private readonly em: EntityManager) {}

  /** Runs the call and records what it cost. A failed call records nothing (there is no usage). */
  async track<R extends AiResultMeta>(
    userId: string,
    operation: AiOperation,
    call: () => Promise<R>,
  ): Promise<R> {
    const result = await call();
    await this.record(userId, operation, result);
    return result;
  }

  async record(userId: string, operation: AiOperation, meta: AiResultMeta): Promise<void> {
    const entry = new AiUsageEntry();
    entry.userId = userId;
    entry.operation = operation;
    entry.provider = meta.provider;
    entry.model = meta.model;
    entry.promptTokens = meta.usage.promptTokens;
    entry.completionTokens = meta.usage.completionTokens;
    await this.em.fork().persistAndFlush(entry);
  }
}
