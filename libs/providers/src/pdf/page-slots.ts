import { PdfRenderError } from './pdf.port';

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
  reject: (error: Error) => void;
}

/**
 * A counting semaphore with a bounded, timed queue: at most `size` holders; up
 * to `maxWaiting` callers wait, each at most `waitTimeoutMs`, then get a
 * retryable `pool_busy` error instead of piling up without limit.
 */
export class PageSlots {
  private held = 0;
  private peak = 0;
  private readonly waiters: Waiter[] = [];

  constructor(
    readonly size: number,
    private readonly maxWaiting: number,
    private readonly waitTimeoutMs: number,
  ) {}

  get busy(): number {
    return this.held;
  }
  get maxBusy(): number {
    return this.peak;
  }
  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves with a release function once a slot is free. */
  acquire(): Promise<() => void> {
    if (this.held < this.size) {
      this.take();
      return Promise.resolve(this.releaser());
    }
    if (this.waiters.length >= this.maxWaiting) {
      return Promise.reject(busy(`${this.waiters.length} renders already waiting`));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => resolve(this.releaser()),
        reject,
        timer: setTimeout(() => {
          this.remove(waiter);
          reject(busy(`no free page within ${this.waitTimeoutMs} ms`));
        }, this.waitTimeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Fails every queued caller (shutdown). */
  rejectAll(error: Error): void {
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }

  private take(): void {
    this.held++;
    this.peak = Math.max(this.peak, this.held);
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) {
        // The slot passes straight to the next caller: `held` stays the same.
        clearTimeout(next.timer);
        next.grant();
      } else {
        this.held--;
      }
    };
  }

  private remove(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
  }
}

function busy(detail: string): PdfRenderError {
  return new PdfRenderError(`PDF renderer busy: ${detail}`, 'pool_busy', true);
}
