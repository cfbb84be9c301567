import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const running = new Set<ChildProcess>();

/**
 * Child processes a suite started: whatever happens to the suite (a failed
 * assertion, a timeout, Jest exiting), none outlives the test process.
 */
export function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

process.once('exit', () => {
  for (const child of running) killTree(child.pid, 'SIGKILL');
});

/**
 * Signals a process and everything it started, children first. Chromium and
 * ffmpeg are started in sessions of their own, so a process group would miss
 * them: the tree is read from /proc instead (Linux), as a container kill would.
 */
export function killTree(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  for (const target of [...descendants(pid), pid]) {
    try {
      process.kill(target, signal);
    } catch {
      // already gone
    }
  }
}

function descendants(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited while we read
    }
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const child of parents.get(pid) ?? []) {
      visit(child);
      found.push(child);
    }
  };
  visit(root);
  return found;
}

/** Resolves when the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
