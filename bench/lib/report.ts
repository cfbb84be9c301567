import { execFileSync } from 'node:child_process';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { Ratio } from '../scenario';
import type { ChildExit } from './processes';
import type { Measurement } from './load';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  totalMemoryGiB: number;
  platform: string;
  osRelease: string;
  arch: string;
  node: string;
  commit: string | null;
  /** Share of all cores (0..1) used by programs outside the bench during one second before the run. */
  otherCpuBeforeRun: number | null;
  loadAverage1m: number;
}

export interface TargetSummary {
  target: string;
  requestsPerSecond: number;
  totalRequests: number;
  latencyMs: { p50: number; p90: number; p95: number; p99: number } | null;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Responses whose body differed from the target's `expectBody`. */
  mismatches: number;
  /** Server CPU time per request in µs (null: server process unknown). */
  serverCpuMicrosPerRequest: number | null;
  /** Worker CPU time per request in µs, when the scenario runs a separate worker. */
  workerCpuMicrosPerRequest?: number | null;
  /** Share of all cores used by other programs during the measured run (null: unknown). */
  otherCpu: number | null;
  /** Set when the target ran at a fixed rate, open-loop (`bench/lib/paced.ts`), not autocannon. */
  pacedRate?: number;
}

export interface RatioSummary {
  label: string;
  /** numerator req/s ÷ denominator req/s (below 1 = numerator is slower). */
  requestsPerSecond: number | null;
  /** numerator p99 ÷ denominator p99 (above 1 = numerator has the longer tail). */
  p99: number | null;
  /** numerator server CPU per request ÷ denominator's (above 1 = numerator costs more). */
  serverCpuPerRequest: number | null;
}

export interface BenchReport {
  scenario: string;
  description: string;
  analysis?: string;
  date: string;
  machine: MachineInfo;
  summary: TargetSummary[];
  ratios: RatioSummary[];
  apiExit: ChildExit | null;
  /** The API process: spawn to /health/ready, and its resident memory idle after boot and after the load. */
  api?: ApiProcessFigures;
  apiRole?: string;
  runs: Measurement[];
}

export interface ApiProcessFigures {
  bootToReadyMs: number;
  idleRssMiB: number | null;
  rssAfterLoadMiB: number | null;
}

export function machineInfo(root: string, otherCpuBeforeRun: number | null): MachineInfo {
  const cores = cpus();
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
  } catch {
    commit = null;
  }
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    totalMemoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    platform: platform(),
    osRelease: release(),
    arch: arch(),
    node: process.version,
    commit,
    otherCpuBeforeRun,
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
  };
}

export function summarize(run: Measurement): TargetSummary {
  const result = run.counts;
  return {
    target: run.target,
    requestsPerSecond: result.requestsPerSecond,
    totalRequests: result.total,
    latencyMs: run.latencyMs && {
      p50: run.latencyMs.p50,
      p90: run.latencyMs.p90,
      p95: run.latencyMs.p95,
      p99: run.latencyMs.p99,
    },
    errors: result.errors,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    serverCpuMicrosPerRequest: run.serverCpuMicrosPerRequest,
    ...(run.workerCpuMicrosPerRequest != null && {
      workerCpuMicrosPerRequest: run.workerCpuMicrosPerRequest,
    }),
    otherCpu: run.cpu.others,
    ...(run.paced && { pacedRate: run.paced.rate }),
  };
}

export function ratios(summary: TargetSummary[], wanted: Ratio[]): RatioSummary[] {
  const byName = new Map(summary.map((s) => [s.target, s]));
  return wanted.map(({ numerator, denominator }) => {
    const a = byName.get(numerator);
    const b = byName.get(denominator);
    if (!a || !b) throw new Error(`ratio ${numerator}/${denominator}: unknown target`);
    return {
      label: `${numerator}/${denominator}`,
      requestsPerSecond: divide(a.requestsPerSecond, b.requestsPerSecond),
      p99: divide(a.latencyMs?.p99, b.latencyMs?.p99),
      serverCpuPerRequest: divide(
        a.serverCpuMicrosPerRequest ?? undefined,
        b.serverCpuMicrosPerRequest ?? undefined,
      ),
    };
  });
}

function divide(a: number | undefined, b: number | undefined): number | null {
  if (a === undefined || b === undefined || b === 0) return null;
  return Math.round((a / b) * 100) / 100;
}

export function failures(summary: TargetSummary[]): string[] {
  return summary
    .filter((s) => s.errors + s.non2xx + s.mismatches > 0 || s.totalRequests === 0)
    .map(
      (s) =>
        `${s.target}: ${s.totalRequests} requests, ${s.errors} errors, ${s.non2xx} non-2xx, ${s.mismatches} body mismatches`,
    );
}

export function markdown(report: BenchReport): string {
  const m = report.machine;
  const settings = report.runs[0]?.settings;
  const lines = [
    `# Bench: ${report.scenario}`,
    '',
    report.description,
    '',
    `${report.date} · ${m.cpus} × ${m.cpuModel} · ${m.totalMemoryGiB} GiB · Node ${m.node} · ${m.platform} ${m.arch}` +
      (m.commit ? ` · commit ${m.commit}` : '') +
      ` · other CPU before run ${percent(m.otherCpuBeforeRun)}`,
    '',
  ];
  if (report.api) {
    const a = report.api;
    lines.push(
      `API process (${report.apiRole ?? 'api'} role): boot to ready ${a.bootToReadyMs} ms (includes migrations check) · ` +
        `idle RSS ${fmt(a.idleRssMiB)} MiB after boot · ${fmt(a.rssAfterLoadMiB)} MiB after the load`,
      '',
    );
  }
  if (settings) {
    lines.push(
      `Load per target, one target at a time: ${settings.connections} connections, ` +
        `${settings.warmupSeconds} s warmup (discarded) + ${settings.durationSeconds} s measured. ` +
        (report.summary.some((s) => s.pacedRate)
          ? 'Fixed-rate targets are sent open-loop, one request every 1/rate s over at most that ' +
            "many keep-alive connections (`bench/lib/paced.ts`: autocannon's `overallRate` sends " +
            "each second's share in a burst), latency timed from each request's hand-over (a " +
            'wait for a connection counts); other ' +
            'targets run on autocannon. '
          : '') +
        'Load generator and server share the machine.',
      '',
    );
  }
  const worker = report.summary.some((s) => s.workerCpuMicrosPerRequest != null);
  lines.push(
    '| target | req/s (avg) | p50 ms | p90 ms | p95 ms | p99 ms | requests | errors | non-2xx | server CPU µs/req |' +
      (worker ? ' worker CPU µs/req |' : '') +
      ' other CPU |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|' + (worker ? '---:|' : '') + '---:|',
  );
  for (const s of report.summary) {
    const l = s.latencyMs;
    lines.push(
      `| ${s.target} | ${s.requestsPerSecond} | ${fmt(l?.p50)} | ${fmt(l?.p90)} | ${fmt(l?.p95)} | ${fmt(l?.p99)} | ` +
        `${s.totalRequests} | ${s.errors + s.mismatches} | ${s.non2xx} | ` +
        `${fmt(s.serverCpuMicrosPerRequest)} |` +
        (worker ? ` ${fmt(s.workerCpuMicrosPerRequest)} |` : '') +
        ` ${percent(s.otherCpu)} |`,
    );
  }
  if (report.ratios.length > 0) {
    lines.push(
      '',
      '| ratio | req/s | p99 latency | server CPU per request |',
      '|---|---:|---:|---:|',
    );
    for (const r of report.ratios) {
      lines.push(
        `| ${r.label} | ${fmt(r.requestsPerSecond)} | ${fmt(r.p99)} | ${fmt(r.serverCpuPerRequest)} |`,
      );
    }
  }
  if (report.analysis) lines.push('', '## Analysis', '', report.analysis);
  lines.push(
    '',
    'Latency percentiles are exact, from every 2xx response. Server CPU µs/req = CPU time of the ' +
      'serving process ÷ requests, the figure least moved by other load; other CPU = share of the ' +
      'machine used by programs outside the bench during the run. Raw load-generator output: ' +
      `\`${report.scenario}.json\`. Not asserted anywhere; compare runs on the same machine only.`,
    '',
  );
  return lines.join('\n');
}

function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

function fmt(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : String(value);
}
