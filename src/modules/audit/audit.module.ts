import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditController } from './admin-audit.controller';
import { RetryDeadLetterHandler } from './commands/retry-dead-letter/retry-dead-letter.handler';
import { ListDeadLettersHandler } from './queries/list-dead-letters/list-dead-letters.handler';
import { SecurityController } from './admin-security.controller';
import { ListAuditEventsHandler } from './queries/list-events/list-audit-events.handler';
import { SecuritySummaryHandler } from './queries/security-summary/security-summary.handler';
import { VerifyChainHandler } from './queries/verify-chain/verify-chain.handler';
import { AuditUserData } from './audit-user-data';

/** Admin side of the event store: the audit trail, its security events, dead-letter deliveries. */
@Module({
  imports: [CqrsModule],
  controllers: [AuditController, SecurityController],
  providers: [
    AuditUserData,
    ListAuditEventsHandler,
    VerifyChainHandler,
    SecuritySummaryHandler,
    ListDeadLettersHandler,
    RetryDeadLetterHandler,
  ],
})
export class AuditModule {}
