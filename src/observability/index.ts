export { ErrorReporter, type ErrorContext } from './error-reporter';
export { ObservabilityModule } from './observability.module';
export { nameServerSpanByRoute } from './http-route';
