import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { PDF_RENDERER, type PdfRenderer } from '@lib/providers';
import { MetricsService } from '../../health';

/** The PDF page pool on /metrics: pages by state and what the pool has done since start. */
@Injectable()
export class PdfPoolMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(PDF_RENDERER) private readonly renderer: PdfRenderer,
  ) {}

  onModuleInit(): void {
    const renderer = this.renderer;
    new Gauge({
      name: 'pdf_renderer_pages',
      help: 'PDF renderer pool: size, busy and idle pages, renders waiting, highest busy seen',
      labelNames: ['state'],
      registers: [this.metrics.registry],
      collect() {
        const stats = renderer.stats();
        this.set({ state: 'size' }, stats.size);
        this.set({ state: 'busy' }, stats.busy);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
        this.set({ state: 'max_busy' }, stats.maxBusy);
      },
    });
    new Gauge({
      name: 'pdf_renderer_events',
      help: 'PDF renderer since start: renders, failures, blocked requests, browser restarts',
      labelNames: ['event'],
      registers: [this.metrics.registry],
      collect() {
        const stats = renderer.stats();
        this.set({ event: 'renders' }, stats.renders);
        this.set({ event: 'failures' }, stats.failures);
        this.set({ event: 'blocked_requests' }, stats.blockedRequests);
        this.set({ event: 'browser_restarts' }, stats.browserRestarts);
      },
    });
  }
}
