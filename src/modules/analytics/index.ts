export { AnalyticsModule } from './analytics.module';
export {
  AnalyticsRecorder,
  type AnalyticsEventInput,
  type AnalyticsEventName,
} from './analytics-recorder';
export { AnalyticsEvent } from './entities/analytics-event.entity';
export { AnalyticsDailyRollup } from './entities/analytics-daily-rollup.entity';
export { analyticsProblems } from './analytics.problems';
