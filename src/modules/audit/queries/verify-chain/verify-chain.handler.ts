import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditLog, type ChainVerification } from '@lib/event-store';
import { VerifyChainQuery } from './verify-chain.query';

@QueryHandler(VerifyChainQuery)
export class VerifyChainHandler implements IQueryHandler<VerifyChainQuery, ChainVerification> {
  constructor(private readonly audit: AuditLog) {}

  execute(): Promise<ChainVerification> {
    return this.audit.verify();
  }
}
