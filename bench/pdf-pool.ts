/**
 * PDF bench, direct (no HTTP): `node -r ./scripts/register.js bench/pdf-pool.ts [--count 200]`.
 *
 * Renders the bundled one-page sample CV (template `modern`, A4) with Debian Chromium in
 * three modes, one after another, and writes bench/results/pdf-pool.{json,md}:
 * - `launch-per-pdf`: a new browser per PDF (launch, page, setContent, pdf, close), 2 at a time;
 * - `pool-c1`: the PdfRenderer pool driver (2 reused pages), one render at a time;
 * - `pool-c2`: the same pool, 2 renders at a time (the pool's size on this machine).
 * Pool renders include everything the API does per PDF (HTML from the CV, request filter,
 * tagged PDF, pdf-lib metadata). The through-the-API scenario is a separate, HTTP one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, PuppeteerPdfRenderer } from '@lib/providers';
import { DEFAULT_CV_LAYOUT } from '../src/modules/cv/domain/resume';
import { renderCvHtml } from '../src/modules/cv/rendering/render-cv-html';
import { SAMPLE_CV } from '../src/modules/cv/rendering/sample-cv';
import { readdirSync, readFileSync } from 'node:fs';
import { busyShare, cpuSnapshot, sampleOthers } from './lib/cpu';
import { machineInfo } from './lib/report';

const ROOT = resolve(__dirname, '..');
const RESULTS = join(ROOT, 'bench', 'results');
const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';

interface ModeResult {
  mode: string;
  concurrency: number;
  pdfs: number;
  seconds: number;
  pdfsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  bytesPerPdf: number;
  /** Share of the whole machine busy during the run (this process, Chromium and anything else). */
  machineBusy: number;
  /**
   * CPU time of this process and every Chromium process it started, per PDF: the figure
   * other programs on the machine barely move (null where /proc is unavailable).
   */
  cpuMsPerPdf: number | null;
}

const TICK_MS = 10;

/** CPU ms (user + system, own + reaped children) of this process and its live descendants. */
function treeCpuMs(): number | null {
  try {
    const stats = new Map<number, { ppid: number; ms: number }>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ms = fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) * TICK_MS;
        stats.set(Number(entry), { ppid: Number(fields[1]), ms });
      } catch {
        // the process ended while we looked
      }
    }
    const tree = new Set([process.pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, { ppid }] of stats) {
        if (!tree.has(pid) && tree.has(ppid)) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    return [...tree].reduce((sum, pid) => sum + (stats.get(pid)?.ms ?? 0), 0);
  } catch {
    return null;
  }
}

const html = renderCvHtml(SAMPLE_CV, { ...DEFAULT_CV_LAYOUT, template: 'modern' });
const meta = { format: 'A4' as const, title: 'Jordan Rivera – CV', author: 'Jordan Rivera' };

async function launchPerPdf(): Promise<Buffer> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'bench-pdf-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`],
  });
  try {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setContent(html, { waitUntil: 'load' });
    return Buffer.from(await page.pdf({ format: 'A4', printBackground: true, tagged: true }));
  } finally {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

async function run(
  mode: string,
  concurrency: number,
  count: number,
  render: () => Promise<Buffer>,
): Promise<ModeResult> {
  const latencies: number[] = [];
  let bytes = 0;
  let next = 0;
  const cpuBefore = cpuSnapshot();
  const treeBefore = treeCpuMs();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const t0 = performance.now();
        const pdf = await render();
        latencies.push(performance.now() - t0);
        if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error(`${mode}: not a PDF`);
        bytes += pdf.length;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const treeAfter = treeCpuMs();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  const result: ModeResult = {
    mode,
    concurrency,
    pdfs: latencies.length,
    seconds: round(seconds),
    pdfsPerSecond: round(latencies.length / seconds),
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(latencies.at(-1) ?? 0) },
    bytesPerPdf: Math.round(bytes / latencies.length),
    machineBusy: busyShare(cpuBefore, cpuSnapshot()),
    cpuMsPerPdf:
      treeBefore === null || treeAfter === null
        ? null
        : round((treeAfter - treeBefore) / latencies.length),
  };
  log(
    `${mode}: ${result.pdfs} PDFs in ${result.seconds} s, ${result.pdfsPerSecond}/s, ` +
      `p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ${result.cpuMsPerPdf} CPU ms/PDF`,
  );
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string' } } });
  const count = Number(values.count ?? 200);
  const launches = Math.max(10, Math.round(count / 10));
  const othersBefore = await sampleOthers([]);
  if (othersBefore !== null && othersBefore > 0.2) {
    log(`warning: other programs use ${Math.round(othersBefore * 100)}% of the CPU`);
  }

  const results: ModeResult[] = [];
  await launchPerPdf(); // warm the disk cache for the browser binary and fonts
  results.push(await run('launch-per-pdf', 2, launches, launchPerPdf));

  const pool = new PuppeteerPdfRenderer({
    executablePath: CHROMIUM,
    poolSize: 2,
    renderTimeoutMs: 30000,
    queueTimeoutMs: 30000,
    maxQueue: 100,
  });
  try {
    const poolRender = () => pool.render(html, meta);
    await run('warmup', 2, 20, poolRender);
    results.push(await run('pool-c1', 1, count, poolRender));
    results.push(await run('pool-c2', 2, count, poolRender));
    const stats = pool.stats();
    if (stats.maxBusy > stats.size) throw new Error('pool exceeded its bound');
  } finally {
    await pool.close();
  }

  const report = {
    scenario: 'pdf-pool',
    description:
      'One-page CV to PDF with Debian Chromium, direct (no HTTP): a browser launched per PDF ' +
      'versus the PdfRenderer pool of 2 reused pages.',
    date: new Date().toISOString(),
    machine: machineInfo(ROOT, othersBefore),
    results,
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'pdf-pool.json'), `${JSON.stringify(report, null, 2)}\n`);
  const text = markdown(report);
  writeFileSync(join(RESULTS, 'pdf-pool.md'), text);
  process.stdout.write(`\n${text}\nwrote bench/results/pdf-pool.{json,md}\n`);
}

function markdown(report: {
  description: string;
  date: string;
  machine: ReturnType<typeof machineInfo>;
  results: ModeResult[];
}): string {
  const m = report.machine;
  const launch = report.results.find((r) => r.mode === 'launch-per-pdf');
  const pool = report.results.find((r) => r.mode === 'pool-c2');
  const rows = report.results.map(
    (r) =>
      `| ${r.mode} | ${r.concurrency} | ${r.pdfs} | ${r.pdfsPerSecond} | ${r.latencyMs.p50} | ` +
      `${r.latencyMs.p90} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${Math.round(r.bytesPerPdf / 1024)} | ` +
      `${r.cpuMsPerPdf ?? '?'} | ${Math.round(r.machineBusy * 100)}% |`,
  );
  return [
    '# Bench: pdf-pool',
    '',
    report.description,
    '',
    `${report.date} · ${m.cpus} × ${m.cpuModel.split(' ').slice(0, 2).join(' ')} · ${m.totalMemoryGiB} GiB · ` +
      `Node ${m.node} · commit ${m.commit ?? '?'} · other CPU before run ` +
      `${m.otherCpuBeforeRun === null ? '?' : `${Math.round(m.otherCpuBeforeRun * 100)}%`}`,
    '',
    '| mode | concurrency | PDFs | PDFs/s | p50 ms | p90 ms | p99 ms | max ms | KiB/PDF | CPU ms/PDF | machine busy |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    launch && pool
      ? `pool-c2 / launch-per-pdf: ${round(pool.pdfsPerSecond / launch.pdfsPerSecond)}× the PDFs per second, ` +
        `p50 ${round(launch.latencyMs.p50 / pool.latencyMs.p50)}× lower.`
      : '',
    '',
    'Pool renders go through the driver the API uses (request filter, tagged PDF, the pdf-lib pass ' +
      'that writes Author); the HTML is built once beforehand. CPU ms/PDF = CPU time of the bench ' +
      'and all its Chromium processes per PDF, the figure least moved by other load; "machine busy" ' +
      'counts everything on the machine, other programs included. Not asserted anywhere; compare ' +
      'runs on the same machine only. Raw numbers: `pdf-pool.json`.',
    '',
  ].join('\n');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
