import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** AI credits bought as one-time packs: spent one per AI call once the plan's hourly AI quota is used. */
@Entity({ tableName: 'ai_credits' })
export class AiCreditBalance {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'integer', default: 0 })
  balance: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
