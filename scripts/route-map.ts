/**
 * `npm run routes` writes test/__snapshots__/route-map.md from the code;
 * `npm run routes -- --check` fails when the committed file differs (the drift test does the same).
 * Both fail when a controller breaks the layout rule (one class per file, named after its prefix).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  controllerLayoutProblemsOfApp,
  generateRouteMap,
  ROUTE_MAP_FILE,
} from '../src/bootstrap/route-map';

async function main(): Promise<void> {
  const problems = await controllerLayoutProblemsOfApp();
  if (problems.length > 0) {
    process.stderr.write(
      `Controllers break the layout rule (src/bootstrap/controller-layout.ts):\n${problems
        .map((problem) => `- ${problem}\n`)
        .join('')}`,
    );
    process.exitCode = 1;
  }
  const generated = await generateRouteMap();
  if (process.argv.includes('--check')) {
    if (readFileSync(ROUTE_MAP_FILE, 'utf8') !== generated) {
      process.stderr.write('route-map.md is out of date: run `npm run routes` and commit it\n');
      process.exit(1);
    }
    return;
  }
  writeFileSync(ROUTE_MAP_FILE, generated);
  process.stdout.write(`Wrote ${ROUTE_MAP_FILE}\n`);
}

void main();
