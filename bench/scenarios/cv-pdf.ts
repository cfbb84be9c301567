import { SAMPLE_CV } from '../../src/modules/cv/rendering/sample-cv';
import { registerBenchUser } from '../lib/accounts';
import type { Scenario } from '../scenario';

/**
 * A one-page CV as a PDF through the whole API: `GET /v1/cvs/{id}/pdf` with a JWT (auth,
 * ownership read, HTML from the CV, a pooled Chromium page prints it, the PDF is written to
 * the storage cache and sent back).
 *
 * - `api-render`: every request sends `Cache-Control: no-cache`, the documented way to ask for
 *   a fresh render, so each one renders and stores (no cache hit is counted as a render);
 *   `api-render-c2` the same with 2 connections, one per pool page.
 * - `launch-per-request`: a bare node:http server launching a browser per PDF (same HTML).
 * - `api-cached`: the same route without `no-cache`: served from the storage cache;
 *   `api-cached-c1` the same with one connection (latency without queueing).
 *
 * Goals (issue 5): api-render p50 ≤ 100 ms and ≥ 20 PDFs/s; api-cached p50 ≤ 10 ms.
 */
const cvPdf: Scenario = {
  name: 'cv-pdf',
  description:
    'GET /v1/cvs/{id}/pdf of a one-page CV (modern, A4): rendered each time (Cache-Control: no-cache; auth + render + PDF + store) versus a browser launched per request, and served from the storage cache. Goals: render p50 ≤ 100 ms, ≥ 20 PDFs/s; cached p50 ≤ 10 ms.',
  load: { connections: 4, durationSeconds: 10, warmupSeconds: 3 },
  async prepare({ apiUrl, startBaselineServer }) {
    const authorization = `Bearer ${await registerBenchUser(apiUrl)}`;
    const created = await fetch(`${apiUrl}/v1/cvs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({
        title: 'Bench CV',
        document: SAMPLE_CV,
        layout: { template: 'modern', pageSize: 'A4' },
      }),
    });
    if (created.status !== 201) throw new Error(`create CV failed: ${created.status}`);
    const { id } = (await created.json()) as { id: string };
    const pdfUrl = `${apiUrl}/v1/cvs/${id}/pdf`;
    const first = await fetch(pdfUrl, { headers: { authorization } });
    const pdf = Buffer.from(await first.arrayBuffer());
    if (first.status !== 200 || pdf.subarray(0, 5).toString() !== '%PDF-') {
      throw new Error(`first PDF failed: ${first.status}`);
    }
    const baselineUrl = await startBaselineServer('pdf-launch-per-request');
    return [
      {
        name: 'api-render',
        url: pdfUrl,
        request: { headers: { authorization, 'cache-control': 'no-cache' } },
      },
      // As many clients as pool pages (2 on this machine): latency without waiting for a page.
      {
        name: 'api-render-c2',
        url: pdfUrl,
        request: { headers: { authorization, 'cache-control': 'no-cache' } },
        load: { connections: 2 },
      },
      { name: 'launch-per-request', url: `${baselineUrl}/pdf`, load: { connections: 2 } },
      { name: 'api-cached', url: pdfUrl, request: { headers: { authorization } } },
      // One client at a time: the latency of a cached re-export without queueing behind others.
      {
        name: 'api-cached-c1',
        url: pdfUrl,
        request: { headers: { authorization } },
        load: { connections: 1 },
      },
    ];
  },
  ratios: [
    { numerator: 'api-render', denominator: 'launch-per-request' },
    { numerator: 'api-render-c2', denominator: 'launch-per-request' },
  ],
};

export default cvPdf;
