import { PageSlots } from './page-slots';
import { PdfRenderError } from './pdf.port';

describe('PageSlots', () => {
  it('lets `size` callers in, queues the rest in order and hands slots over on release', async () => {
    const slots = new PageSlots(2, 10, 1000);
    const a = await slots.acquire();
    const b = await slots.acquire();
    const order: string[] = [];
    const c = slots.acquire().then((release) => (order.push('c'), release));
    const d = slots.acquire().then((release) => (order.push('d'), release));
    expect(slots.waiting).toBe(2);
    a();
    a(); // releasing twice frees one slot only
    (await c)();
    b();
    (await d)();
    expect(order).toEqual(['c', 'd']);
    expect(slots.maxBusy).toBe(2);
    expect(slots.busy).toBe(0);
  });

  it('refuses callers beyond the queue bound and times out waiters with a retryable error', async () => {
    const slots = new PageSlots(1, 1, 50);
    const held = await slots.acquire();
    const waiting = slots.acquire();
    await expect(slots.acquire()).rejects.toMatchObject({ code: 'pool_busy', retryable: true });
    await expect(waiting).rejects.toBeInstanceOf(PdfRenderError);
    expect(slots.waiting).toBe(0);
    held();
    expect(slots.busy).toBe(0);
  });
});
