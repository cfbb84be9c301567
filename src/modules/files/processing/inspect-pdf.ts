import { fork } from 'node:child_process';
import { join } from 'node:path';
import { childProcessEnv } from '@lib/providers';

export interface PdfInspectionRequest {
  pdfPath: string;
  previewPath: string;
  previewWidth: number;
  withText: boolean;
}

export interface PdfInspection {
  pageCount: number;
  text: string;
  width: number;
  height: number;
}

type Reply = { ok: true; result: PdfInspection } | { ok: false; error: string };

/**
 * Page count, text and a PNG of the first page (written to `previewPath`),
 * computed in a child process (pdf-inspector) with a memory cap and a timeout.
 */
export function inspectPdf(
  request: PdfInspectionRequest,
  timeoutMs = 60000,
): Promise<PdfInspection> {
  // From the TypeScript sources (dev, tests) the child needs the SWC register hook.
  const fromSources = __filename.endsWith('.ts');
  const child = fork(join(__dirname, `pdf-inspector${fromSources ? '.ts' : '.js'}`), {
    execArgv: [
      '--max-old-space-size=512',
      ...(fromSources ? ['-r', join(__dirname, '../../../../scripts/register.js')] : []),
    ],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
    // The inspector parses hostile PDFs: nothing of our environment (keys, URLs) goes with it.
    env: childProcessEnv(),
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`PDF inspection timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('message', (reply: Reply) => {
      clearTimeout(timer);
      if (reply.ok) resolve(reply.result);
      else reject(new Error(`PDF inspection failed: ${reply.error}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`PDF inspector exited (${signal ?? code}) ${stderr.trim()}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.send(request);
  });
}
