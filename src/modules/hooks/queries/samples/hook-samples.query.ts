import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { HookSampleListDto } from '../../dto/hook.dto';
import type { HookEventName } from '../../hook-events';

/** The caller's recent records of one event (or a sample), in the delivery shape: Zapier's perform list. */
export class HookSamplesQuery extends Query<HookSampleListDto> {
  constructor(
    readonly principal: Principal,
    readonly event: HookEventName,
  ) {
    super();
  }
}
