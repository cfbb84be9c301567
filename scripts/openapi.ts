/**
 * `npm run openapi` writes openapi.json from the code; `npm run openapi -- --check`
 * fails when the committed file differs (the drift test does the same).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenApiJson } from '../src/bootstrap/openapi-document';

const target = join(__dirname, '..', 'openapi.json');

async function main(): Promise<void> {
  const generated = await generateOpenApiJson();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(target, 'utf8');
    if (committed !== generated) {
      process.stderr.write('openapi.json is out of date: run `npm run openapi` and commit it\n');
      process.exit(1);
    }
    return;
  }
  writeFileSync(target, generated);
  process.stdout.write(`Wrote ${target}\n`);
}

void main();
