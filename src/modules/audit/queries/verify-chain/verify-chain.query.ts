import { Query } from '@nestjs/cqrs';
import type { ChainVerification } from '@lib/event-store';

export class VerifyChainQuery extends Query<ChainVerification> {}
