import { Query } from '@nestjs/cqrs';
import type { HookSampleListDto } from '../../dto/hook.dto';
import type { HookEventName } from '../../hook-events';

/** Sample records of one event, in the delivery shape (Zapier "perform list"). */
export class HookSamplesQuery extends Query<HookSampleListDto> {
  constructor(readonly event: HookEventName) {
    super();
  }
}
