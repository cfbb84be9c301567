/**
 * The naive PDF service the issue compares with: every request launches Debian Chromium,
 * opens a page, sets the one-page sample CV (the same HTML the API renders for the bench
 * CV: `modern`, A4), prints it and closes the browser. No auth, no storage. Started by the
 * bench runner with fork(); it reports its port over IPC and exits when the runner goes away.
 */
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { DEFAULT_CV_LAYOUT } from '../../src/modules/cv/domain/resume';
import { renderCvHtml } from '../../src/modules/cv/rendering/render-cv-html';
import { SAMPLE_CV } from '../../src/modules/cv/rendering/sample-cv';

const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
const HTML = renderCvHtml(SAMPLE_CV, { ...DEFAULT_CV_LAYOUT, template: 'modern' });

async function launchAndPrint(): Promise<Buffer> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'bench-pdf-launch-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      `--user-data-dir=${userDataDir}`,
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setContent(HTML, { waitUntil: 'load' });
    return Buffer.from(await page.pdf({ format: 'A4', printBackground: true, tagged: true }));
  } finally {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

const server = createServer((_request, response) => {
  launchAndPrint().then(
    (pdf) => {
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length });
      response.end(pdf);
    },
    (error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    },
  );
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('unexpected address');
  process.send?.({ port: address.port });
});

const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
