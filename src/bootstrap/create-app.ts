import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@lib/config';
import { AppModule, type AppModuleOptions } from '../app.module';
import { configureHttpApp, createFastifyAdapter } from '../common/http-app';
import { createRootLogger, PinoLoggerService } from '../common/logger';
import { buildOpenApiDocument, setupSwaggerUi } from '../common/openapi';
import { mountQueueBoard } from '../modules/queues-console';
import { nameServerSpanByRoute } from '../observability';
import type { Secrets } from './secrets';

const WORKER_ROUTES = /^\/(health\/|metrics)/;

/** Creates and initialises the app for the configured role (used by main and by tests). */
export async function createApp(
  config: AppConfig,
  secrets: Secrets,
  extra: AppModuleOptions['extra'] = [],
): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, secrets, extra }),
    createFastifyAdapter(config),
    { logger: new PinoLoggerService(logger), abortOnError: false },
  );
  await configureHttpApp(app, config, logger);
  if (config.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    nameServerSpanByRoute(app.getHttpAdapter().getInstance());
  }
  if (config.runsApi) {
    // Built on the first /docs request, not at boot (it walks every route and DTO).
    setupSwaggerUi(app, () => buildOpenApiDocument(app));
    await mountQueueBoard(app);
  } else {
    // A worker answers only health and metrics.
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRequest', (request, reply, done) => {
        if (WORKER_ROUTES.test(request.url)) return done();
        void reply.status(404).send();
      });
  }
  await app.init();
  return app;
}
