/** Thrown when a task arrives while every slot is busy and the queue is full. */
export class PoolFull extends Error {
  constructor() {
    super('pool full');
  }
}

/**
 * Runs at most `concurrency` tasks at once and queues up to `queueLimit` more;
 * beyond that a task is refused at once with PoolFull instead of waiting.
 */
export class BoundedPool {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queueLimit: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) throw new PoolFull();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
