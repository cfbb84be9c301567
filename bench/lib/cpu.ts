import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** CPU time counters at one instant, in milliseconds. */
export interface CpuSnapshot {
  /** Busy time summed over all cores. */
  busy: number;
  /** Busy + idle time summed over all cores. */
  total: number;
  /** Time used by the bench itself: this process plus the given children (Linux /proc). */
  ours: number | null;
}

const TICK_MS = 10; // Linux USER_HZ is 100 on every mainstream kernel

export function cpuSnapshot(pids: readonly number[] = []): CpuSnapshot {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const sum = times.user + times.nice + times.sys + times.irq + times.idle;
    total += sum;
    busy += sum - times.idle;
  }
  const own = process.cpuUsage();
  let ours: number | null = (own.user + own.system) / 1000;
  for (const pid of pids) {
    const used = processCpuMs(pid);
    ours = used === null || ours === null ? null : ours + used;
  }
  return { busy, total, ours };
}

/** Share (0..1) of all cores busy between two snapshots. */
export function busyShare(before: CpuSnapshot, after: CpuSnapshot): number {
  const total = after.total - before.total;
  return total > 0 ? round((after.busy - before.busy) / total) : 0;
}

/**
 * Share (0..1) of all cores used by anything other than the bench (runner + servers)
 * between two snapshots; null where /proc is not available.
 */
export function otherShare(before: CpuSnapshot, after: CpuSnapshot): number | null {
  const total = after.total - before.total;
  if (after.ours === null || before.ours === null || total <= 0) return null;
  const others = after.busy - before.busy - (after.ours - before.ours);
  return round(Math.max(0, others) / total);
}

/** Share of all cores used by programs other than this process and `pids` over `ms` milliseconds. */
export async function sampleOthers(pids: readonly number[], ms = 1000): Promise<number | null> {
  const before = cpuSnapshot(pids);
  await sleep(ms);
  return otherShare(before, cpuSnapshot(pids));
}

/** CPU time (user + system) used so far by a process, in ms; null where /proc is unavailable. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Resident memory of a process in MiB (VmRSS from /proc), or null when unknown. */
export function residentMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}
