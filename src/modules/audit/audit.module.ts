import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditController } from './audit.controller';
import { SecurityController } from './security.controller';
import { ListAuditEventsHandler } from './queries/list-events/list-audit-events.handler';
import { SecuritySummaryHandler } from './queries/security-summary/security-summary.handler';
import { VerifyChainHandler } from './queries/verify-chain/verify-chain.handler';

/** Admin read side of the event store: the audit trail and its security events. */
@Module({
  imports: [CqrsModule],
  controllers: [AuditController, SecurityController],
  providers: [ListAuditEventsHandler, VerifyChainHandler, SecuritySummaryHandler],
})
export class AuditModule {}
