import { Global, Module } from '@nestjs/common';
import { AnalyticsRecorder } from './analytics-recorder';

/** In-house product analytics: for now only the recorder; reports come with the analytics issue. */
@Global()
@Module({ providers: [AnalyticsRecorder], exports: [AnalyticsRecorder] })
export class AnalyticsModule {}
