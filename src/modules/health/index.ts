export { HealthModule } from './health.module';
export { MetricsService } from './metrics.service';
