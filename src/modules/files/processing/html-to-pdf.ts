import puppeteer from 'puppeteer-core';

/**
 * Prints HTML to PDF in headless Debian chromium with JavaScript off and every
 * network request refused (the HTML comes from a user's document: nothing in
 * it may reach the network or our own services). Only `data:` URLs load.
 */
export async function htmlToPdf(
  html: string,
  executablePath: string,
  timeoutMs = 30000,
): Promise<Buffer> {
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    timeout: timeoutMs,
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('data:')) void request.continue();
      else void request.abort('blockedbyclient');
    });
    await page.setContent(html, { waitUntil: 'load' });
    return Buffer.from(await page.pdf({ format: 'A4', printBackground: true }));
  } finally {
    await browser.close();
  }
}
