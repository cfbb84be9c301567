import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AiUsageController } from './ai-usage.controller';
import { AiUsageRecorder } from './ai-usage-recorder';
import { EraseAiUsageOfDeletedUserHandler } from './event-handlers/erase-ai-usage-of-deleted-user.handler';
import { GetAiUsageHandler } from './queries/get-ai-usage/get-ai-usage.handler';

/** Token usage of every AI call, per user: recorded by the modules that call the AI writer. */
@Module({
  imports: [CqrsModule],
  controllers: [AiUsageController],
  providers: [AiUsageRecorder, GetAiUsageHandler, EraseAiUsageOfDeletedUserHandler],
  exports: [AiUsageRecorder],
})
export class AiUsageModule {}
