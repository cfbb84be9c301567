import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditController } from './audit.controller';
import { ListAuditEventsHandler } from './queries/list-events/list-audit-events.handler';
import { VerifyChainHandler } from './queries/verify-chain/verify-chain.handler';

/** Admin read side of the event store. */
@Module({
  imports: [CqrsModule],
  controllers: [AuditController],
  providers: [ListAuditEventsHandler, VerifyChainHandler],
})
export class AuditModule {}
