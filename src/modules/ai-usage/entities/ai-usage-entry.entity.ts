import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { AiProviderName } from '@lib/providers';
import type { AiOperation } from '../ai-operation';

/** One answered AI call: who asked, for what, which model answered, and the tokens it cost. */
@Entity({ tableName: 'ai_usage' })
@Index({ properties: ['userId', 'occurredAt'] })
export class AiUsageEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  operation!: AiOperation;

  @Property({ type: 'text' })
  provider!: AiProviderName;

  @Property({ type: 'text' })
  model!: string;

  @Property({ type: 'integer' })
  promptTokens!: number;

  @Property({ type: 'integer' })
  completionTokens!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  occurredAt: Date = new Date();
}
