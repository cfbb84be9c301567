import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@lib/config';
import { AppModule } from '../app.module';
import { applyVersioning, createFastifyAdapter } from '../common/http-app';
import { buildOpenApiDocument } from '../common/openapi';
import { Secrets } from './secrets';

/**
 * The OpenAPI document as the code defines it, built in Nest's preview mode:
 * modules are scanned but no provider is instantiated, so no database, Redis
 * or keys are needed. Serialised with sorted keys and a trailing newline.
 */
export async function generateOpenApiJson(): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test', APP_ROLE: 'api', LOG_LEVEL: 'silent' });
  const secrets = new Secrets('', '', 'preview', Buffer.alloc(32));
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, secrets }),
    createFastifyAdapter(config),
    { preview: true, logger: false, abortOnError: false },
  );
  applyVersioning(app);
  try {
    return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
