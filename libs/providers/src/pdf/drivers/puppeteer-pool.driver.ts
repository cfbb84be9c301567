import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { PageSlots } from '../page-slots';
import { withPdfMetadata } from '../pdf-metadata';
import {
  PdfRenderError,
  type PdfPoolStats,
  type PdfRenderer,
  type PdfRenderOptions,
  type ScreenshotOptions,
} from '../pdf.port';
import { childProcessEnv } from '../../process/child-env';

export interface PuppeteerPoolOptions {
  executablePath: string;
  /** Pages rendering at once; about the number of cores (more add latency, not throughput). */
  poolSize: number;
  /** Upper bound for one render (load + print). */
  renderTimeoutMs: number;
  /** How long a caller waits for a free page before a retryable `pool_busy` error. */
  queueTimeoutMs: number;
  /** Callers allowed to wait at once; more get `pool_busy` at once. */
  maxQueue: number;
  /** Close the browser after this long without a render (0 = keep it); the next render relaunches it. */
  idleCloseMs?: number;
}

/** Flags that keep headless Chromium from reaching out on its own on a closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

interface PooledPage {
  page: Page;
  /** The browser launch this page belongs to; pages of a dead browser are dropped. */
  generation: number;
  broken: boolean;
  /** The page's renderer process died (`error` event). */
  crashed: boolean;
}

interface LiveBrowser {
  browser: Browser;
  generation: number;
  userDataDir: string;
}

/**
 * One long-lived Chromium with a bounded pool of reused pages. Every page runs
 * with JavaScript disabled and aborts any request that is not a `data:` URL:
 * the HTML is built from user content. A crashed or disconnected browser is
 * replaced on the next render, and a render caught by the crash is retried once.
 */
export class PuppeteerPdfRenderer implements PdfRenderer {
  private readonly slots: PageSlots;
  private readonly idle: PooledPage[] = [];
  private live: Promise<LiveBrowser> | null = null;
  private current: LiveBrowser | null = null;
  private generation = 0;
  private launches = 0;
  private renders = 0;
  private failures = 0;
  private blocked = 0;
  private idleCloses = 0;
  private idleTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: PuppeteerPoolOptions) {
    this.slots = new PageSlots(options.poolSize, options.maxQueue, options.queueTimeoutMs);
  }

  async render(html: string, options: PdfRenderOptions): Promise<Buffer> {
    const pdf = await this.withPage(async (page) => {
      await page.setContent(html, { waitUntil: 'load', timeout: this.options.renderTimeoutMs });
      return page.pdf({
        format: options.format,
        printBackground: true,
        tagged: true,
        timeout: this.options.renderTimeoutMs,
      });
    });
    return withPdfMetadata(pdf, options);
  }

  screenshot(html: string, { width, height }: ScreenshotOptions): Promise<Buffer> {
    return this.withPage(async (page) => {
      await page.setViewport({ width, height });
      await page.setContent(html, { waitUntil: 'load', timeout: this.options.renderTimeoutMs });
      const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } });
      return Buffer.from(png);
    });
  }

  stats(): PdfPoolStats {
    return {
      size: this.slots.size,
      busy: this.slots.busy,
      idle: this.idle.length,
      waiting: this.slots.waiting,
      maxBusy: this.slots.maxBusy,
      renders: this.renders,
      failures: this.failures,
      blockedRequests: this.blocked,
      browserRestarts: Math.max(0, this.launches - 1 - this.idleCloses),
    };
  }

  /** The running browser, launching it if needed (tests use it to kill the process). */
  async browser(): Promise<Browser> {
    return (await this.ensureBrowser()).browser;
  }

  /** Whether a Chromium is running or starting (it starts on the first render). */
  get running(): boolean {
    return this.live !== null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idleTimer);
    this.slots.rejectAll(new PdfRenderError('PDF renderer closed', 'closed', true));
    this.idle.length = 0;
    const live = this.live;
    this.live = null;
    this.current = null;
    if (!live) return;
    const { browser, userDataDir } = await live.catch(() => ({
      browser: null,
      userDataDir: null,
    }));
    await browser?.close().catch(() => undefined);
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  }

  private async withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
    if (this.closed) throw new PdfRenderError('PDF renderer closed', 'closed', true);
    const release = await this.slots.acquire();
    clearTimeout(this.idleTimer);
    try {
      for (let attempt = 1; ; attempt++) {
        let pooled: PooledPage | undefined;
        try {
          pooled = await this.takePage();
          const result = await this.withTimeout(work(pooled.page), pooled);
          this.renders++;
          this.idle.push(pooled);
          return result;
        } catch (error) {
          if (pooled) {
            pooled.broken = true;
            void pooled.page.close().catch(() => undefined);
          }
          const crashed = this.crashed(error, pooled);
          if (crashed && attempt === 1 && !this.closed) continue; // once, on a fresh browser
          this.failures++;
          throw asRenderError(error, crashed);
        }
      }
    } finally {
      release();
      this.scheduleIdleClose();
    }
  }

  /** Frees Chromium's memory once nothing has rendered for `idleCloseMs`. */
  private scheduleIdleClose(): void {
    const idleMs = this.options.idleCloseMs ?? 0;
    if (idleMs <= 0 || this.slots.busy > 0 || this.slots.waiting > 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.closeIdleBrowser(), idleMs);
    this.idleTimer.unref();
  }

  private async closeIdleBrowser(): Promise<void> {
    const live = this.current;
    if (this.closed || !live || this.slots.busy > 0 || this.slots.waiting > 0) return;
    this.idleCloses++;
    this.current = null;
    this.live = null;
    this.generation++;
    this.idle.length = 0;
    await live.browser.close().catch(() => live.browser.process()?.kill('SIGKILL'));
    await rm(live.userDataDir, { recursive: true, force: true }).catch(() => undefined);
  }

  /** Whether a failure came from the browser going away rather than from the page content. */
  private crashed(error: unknown, pooled: PooledPage | undefined): boolean {
    if (error instanceof PdfRenderError) return false; // timeouts and launch failures
    if (!pooled) return true; // opening a page failed: the browser is gone or going
    return (
      pooled.crashed || pooled.generation !== this.generation || !pooled.page.browser().connected
    );
  }

  private async takePage(): Promise<PooledPage> {
    const live = await this.ensureBrowser();
    for (let pooled = this.idle.pop(); pooled; pooled = this.idle.pop()) {
      if (!pooled.broken && pooled.generation === live.generation && !pooled.page.isClosed()) {
        return pooled;
      }
    }
    const page = await live.browser.newPage();
    const pooled: PooledPage = { page, generation: live.generation, broken: false, crashed: false };
    page.on('error', () => {
      pooled.crashed = pooled.broken = true;
    });
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => this.filter(request));
    return pooled;
  }

  private filter(request: HTTPRequest): void {
    if (request.url().startsWith('data:')) {
      request.continue().catch(() => undefined);
      return;
    }
    this.blocked++;
    request.abort('blockedbyclient').catch(() => undefined);
  }

  /**
   * The render, bounded by `renderTimeoutMs`, and failed at once when its browser goes away:
   * a CDP wait (a page's `load`, say) does not always end when Chromium is killed under it.
   */
  private withTimeout<T>(work: Promise<T>, pooled: PooledPage): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const browser = pooled.page.browser();
    let onDisconnect = (): void => undefined;
    const stopped = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        pooled.broken = true;
        reject(
          new PdfRenderError(
            `render took longer than ${this.options.renderTimeoutMs} ms`,
            'timeout',
            true,
          ),
        );
      }, this.options.renderTimeoutMs);
      onDisconnect = () => reject(new Error('Chromium disconnected during the render'));
      if (browser.connected) browser.once('disconnected', onDisconnect);
      else onDisconnect();
    });
    work.catch(() => undefined); // still settles after a timeout, on a page that gets closed
    return Promise.race([work, stopped]).finally(() => {
      clearTimeout(timer);
      browser.off('disconnected', onDisconnect);
    });
  }

  private ensureBrowser(): Promise<LiveBrowser> {
    if (this.closed) {
      return Promise.reject(new PdfRenderError('PDF renderer closed', 'closed', true));
    }
    // A killed browser can fail a render before its `disconnected` event arrives.
    if (this.current && !this.current.browser.connected) this.forget(this.current);
    if (!this.live) {
      const launching = this.launch();
      this.live = launching;
      launching.then(
        (live) => {
          if (this.live === launching) this.current = live;
        },
        () => {
          if (this.live === launching) this.live = null; // the next render tries again
        },
      );
    }
    return this.live;
  }

  private async launch(): Promise<LiveBrowser> {
    const userDataDir = await mkdtemp(join(tmpdir(), 'career-tools-pdf-'));
    let browser: Browser;
    try {
      // Loaded with the first render, not at boot: puppeteer-core costs load time and memory.
      const { default: puppeteer } = await import('puppeteer-core');
      browser = await puppeteer.launch({
        executablePath: this.options.executablePath,
        headless: true,
        args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`],
        // Chromium parses user content: it gets no keys, database URLs or tokens from our environment.
        env: childProcessEnv(),
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      await rm(userDataDir, { recursive: true, force: true });
      throw new PdfRenderError('Chromium failed to start', 'failed', true, { cause: error });
    }
    this.launches++;
    const live: LiveBrowser = { browser, generation: ++this.generation, userDataDir };
    browser.once('disconnected', () => this.forget(live));
    return live;
  }

  /** After a crash or disconnect: drop the browser and its pages; the next render relaunches. */
  private forget(live: LiveBrowser): void {
    if (this.closed) return;
    if (this.current === live) {
      this.current = null;
      this.live = null;
      this.generation++;
    }
    const survivors = this.idle.filter((pooled) => pooled.generation !== live.generation);
    this.idle.splice(0, this.idle.length, ...survivors);
    live.browser.process()?.kill('SIGKILL');
    void rm(live.userDataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function asRenderError(error: unknown, crashed: boolean): PdfRenderError {
  if (error instanceof PdfRenderError) return error;
  if (crashed) {
    return new PdfRenderError('Chromium crashed during the render', 'browser_crashed', true, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PdfRenderError(`PDF render failed: ${message}`, 'failed', false, { cause: error });
}
