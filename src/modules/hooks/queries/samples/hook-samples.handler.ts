import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { HookSampleListDto } from '../../dto/hook.dto';
import { HOOK_SAMPLES } from '../../hook-events';
import { HookSamplesQuery } from './hook-samples.query';

@QueryHandler(HookSamplesQuery)
export class HookSamplesHandler implements IQueryHandler<HookSamplesQuery, HookSampleListDto> {
  execute({ event }: HookSamplesQuery): Promise<HookSampleListDto> {
    return Promise.resolve({ items: [HOOK_SAMPLES[event]] });
  }
}
