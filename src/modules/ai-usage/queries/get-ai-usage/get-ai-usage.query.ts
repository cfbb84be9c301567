import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { AiUsageDto } from '../../dto/ai-usage.dto';

export class GetAiUsageQuery extends Query<AiUsageDto> {
  constructor(
    readonly actor: Pick<Principal, 'userId' | 'tier'>,
    readonly from: Date,
    readonly to: Date,
  ) {
    super();
  }
}
