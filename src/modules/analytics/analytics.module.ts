import { Global, Module } from '@nestjs/common';
import { AnalyticsRecorder } from './analytics-recorder';
import { ForgetDeletedUserHandler } from './event-handlers/forget-deleted-user.handler';
import { AnalyticsUserData } from './analytics-user-data';

/** In-house product analytics: for now only the recorder; reports come with the analytics issue. */
@Global()
@Module({
  providers: [AnalyticsUserData, AnalyticsRecorder, ForgetDeletedUserHandler],
  exports: [AnalyticsRecorder],
})
export class AnalyticsModule {}
