import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a script URL comes from: a package name, our own file, or node's internals. */
export function origin(url: string): string {
  if (url === '') return '(native/vm)';
  if (url.startsWith('node:')) return url;
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 1) : url.replace(/^file:\/\//, '');
}

/**
 * Self time per function and per origin (package or file) of a V8 `.cpuprofile`, as text:
 * the top `top` of each, with their share of all non-idle samples.
 */
export function summariseProfile(
  path: string,
  top = 40,
  /** Only samples this many ms after the profile started (e.g. the loaded part, not boot). */
  window?: { fromMs: number; toMs: number },
): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (window && (at / 1000 < window.fromMs || at / 1000 > window.toMs)) return;
    selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
  });
  const functions = new Map<string, number>();
  const origins = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, micros] of selfTime) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += micros;
      continue;
    }
    total += micros;
    const where = origin(url);
    const name = `${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
    origins.set(where, (origins.get(where) ?? 0) + micros);
  }
  const table = (title: string, entries: Map<string, number>) =>
    [
      `${title}`,
      ...[...entries]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(
          ([name, micros]) =>
            `${((micros / total) * 100).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`,
        ),
    ].join('\n');
  return [
    `busy ${(total / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms`,
    table('self time by origin', origins),
    table('self time by function', functions),
    '',
  ].join('\n\n');
}

if (require.main === module) {
  const [path, top, fromMs, toMs] = process.argv.slice(2);
  process.stdout.write(
    summariseProfile(
      path,
      Number(top ?? 40),
      fromMs ? { fromMs: Number(fromMs), toMs: Number(toMs ?? Infinity) } : undefined,
    ),
  );
}
