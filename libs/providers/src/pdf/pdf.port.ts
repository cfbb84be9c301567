export type PdfPageFormat = 'A4' | 'Letter';

export interface PdfRenderOptions {
  format: PdfPageFormat;
  /** Document title (PDF Info `Title`); the HTML `<title>` is used by the browser too. */
  title: string;
  author?: string;
  /** BCP 47 tag written as the document language (PDF catalog `Lang`). */
  language?: string;
}

export interface ScreenshotOptions {
  width: number;
  height: number;
}

/** Live figures of the page pool, for tests and metrics. */
export interface PdfPoolStats {
  /** Pages that may render at once. */
  size: number;
  busy: number;
  idle: number;
  /** Callers queued for a free page. */
  waiting: number;
  /** Highest `busy` seen since start: never above `size`. */
  maxBusy: number;
  renders: number;
  failures: number;
  /** Requests from rendered pages that were aborted (anything but `data:` URLs). */
  blockedRequests: number;
  /** Browsers launched after the first one (crash or disconnect). */
  browserRestarts: number;
}

/** Port every PDF driver implements. Input HTML must be self-contained: nothing is fetched. */
export interface PdfRenderer {
  render(html: string, options: PdfRenderOptions): Promise<Buffer>;
  /** A PNG of the first `width`×`height` CSS pixels of the page (previews, thumbnails). */
  screenshot(html: string, options: ScreenshotOptions): Promise<Buffer>;
  stats(): PdfPoolStats;
  close(): Promise<void>;
}

export const PDF_RENDERER = Symbol('PDF_RENDERER');

/**
 * A failed render. `retryable` tells a caller (or a queue job) whether another
 * attempt can succeed: pool saturated, timeout, crashed browser.
 */
export class PdfRenderError extends Error {
  constructor(
    message: string,
    readonly code: 'pool_busy' | 'timeout' | 'browser_crashed' | 'closed' | 'failed',
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PdfRenderError';
  }
}
