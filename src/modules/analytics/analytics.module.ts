import { Global, Module } from '@nestjs/common';
import { AnalyticsRecorder } from './analytics-recorder';
import { ActiveUserTracker } from './active-user-tracker';
import { ForgetDeletedUserHandler } from './event-handlers/forget-deleted-user.handler';
import { RecordUserRegisteredHandler } from './event-handlers/record-user-registered.handler';

/** In-house product analytics: for now only the recorder; reports come with the analytics issue. */
@Global()
@Module({
  providers: [
    AnalyticsRecorder,
    ActiveUserTracker,
    ForgetDeletedUserHandler,
    RecordUserRegisteredHandler,
  ],
  exports: [AnalyticsRecorder],
})
export class AnalyticsModule {}
