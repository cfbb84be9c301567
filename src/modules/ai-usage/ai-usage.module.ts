import { Global, Module } from '@nestjs/common';
import { RATE_LIMIT_OVERAGE } from '@lib/rate-limit';
import { AiCredits } from './ai-credits';
import { CqrsModule } from '@nestjs/cqrs';
import { AiUsageController } from './me-ai-usage.controller';
import { AiUsageRecorder } from './ai-usage-recorder';
import { EraseAiUsageOfDeletedUserHandler } from './event-handlers/erase-ai-usage-of-deleted-user.handler';
import { GetAiUsageHandler } from './queries/get-ai-usage/get-ai-usage.handler';
import { AiUsageUserData } from './ai-usage-user-data';

/**
 * Token usage of every AI call, per user: recorded by the modules that call the AI writer.
 * Global for RATE_LIMIT_OVERAGE: purchased AI credits pay for calls over the plan's AI limit.
 */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [AiUsageController],
  providers: [
    AiUsageUserData,
    AiUsageRecorder,
    AiCredits,
    { provide: RATE_LIMIT_OVERAGE, useExisting: AiCredits },
    GetAiUsageHandler,
    EraseAiUsageOfDeletedUserHandler,
  ],
  exports: [AiUsageRecorder, AiCredits, RATE_LIMIT_OVERAGE],
})
export class AiUsageModule {}
