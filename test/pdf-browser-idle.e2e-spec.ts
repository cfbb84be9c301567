import { PuppeteerPdfRenderer } from '@lib/providers';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Chromium lifetime', () => {
  it('starts on the first render, closes after the idle time, and starts again when needed', async () => {
    const renderer = new PuppeteerPdfRenderer({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      poolSize: 1,
      renderTimeoutMs: 20000,
      queueTimeoutMs: 20000,
      maxQueue: 10,
      idleCloseMs: 300,
    });
    try {
      expect(renderer.running).toBe(false); // nothing launched at construction
      const first = await renderer.render('<p>one</p>', { format: 'A4', title: 'one' });
      expect(first.subarray(0, 5).toString()).toBe('%PDF-');
      const browser = await renderer.browser();
      expect(renderer.running).toBe(true);

      await pause(1000);
      expect(renderer.running).toBe(false);
      expect(browser.connected).toBe(false);

      const second = await renderer.render('<p>two</p>', { format: 'A4', title: 'two' });
      expect(second.subarray(0, 5).toString()).toBe('%PDF-');
      expect(await renderer.browser()).not.toBe(browser);
      // An idle close is not a crash.
      expect(renderer.stats()).toMatchObject({ browserRestarts: 0, failures: 0, renders: 2 });
    } finally {
      await renderer.close();
    }
  });
});
