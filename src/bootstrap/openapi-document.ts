import { applyVersioning } from '../common/http-app';
import { buildOpenApiDocument } from '../common/openapi';
import { withPreviewApp } from './app-routes';

/**
 * The OpenAPI document as the code defines it, built in Nest's preview mode
 * (no database, Redis or keys). Serialised with sorted keys and a trailing newline.
 */
export function generateOpenApiJson(): Promise<string> {
  return withPreviewApp('api', (app) => {
    applyVersioning(app);
    return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  });
}
