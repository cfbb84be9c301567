import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@lib/config';
import { PuppeteerPdfRenderer } from './drivers/puppeteer-pool.driver';
import { PDF_RENDERER, type PdfRenderer } from './pdf.port';

export function createPdfRenderer(config: AppConfig): PuppeteerPdfRenderer {
  const env = config.env;
  return new PuppeteerPdfRenderer({
    executablePath: env.PUPPETEER_EXECUTABLE_PATH,
    poolSize: env.PDF_POOL_SIZE,
    renderTimeoutMs: env.PDF_GENERATION_TIMEOUT,
    queueTimeoutMs: env.PDF_QUEUE_TIMEOUT_MS,
    maxQueue: env.PDF_MAX_QUEUE,
    idleCloseMs: env.PDF_BROWSER_IDLE_MS,
  });
}

/** Closes the browser when the app shuts down (it is launched on the first render). */
@Injectable()
class PdfRendererCloser implements OnApplicationShutdown {
  constructor(@Inject(PDF_RENDERER) private readonly renderer: PdfRenderer) {}

  onApplicationShutdown(): Promise<void> {
    return this.renderer.close();
  }
}

/** Provides PDF_RENDERER: Debian Chromium through puppeteer with a bounded page pool. */
@Module({
  providers: [
    { provide: PDF_RENDERER, inject: [AppConfig], useFactory: createPdfRenderer },
    PdfRendererCloser,
  ],
  exports: [PDF_RENDERER],
})
export class PdfProviderModule {}
