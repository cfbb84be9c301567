import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { HookPayloads } from '../../delivery/hook-payloads';
import type { HookSampleListDto } from '../../dto/hook.dto';
import { HookSamplesQuery } from './hook-samples.query';

@QueryHandler(HookSamplesQuery)
export class HookSamplesHandler implements IQueryHandler<HookSamplesQuery, HookSampleListDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly payloads: HookPayloads,
  ) {}

  async execute({ principal, event }: HookSamplesQuery): Promise<HookSampleListDto> {
    return { items: await this.payloads.recent(this.em.fork(), principal, event) };
  }
}
