export { HealthModule } from './health.module';
export { MetricsService } from './metrics.service';
export { healthProblems } from './health.problems';
