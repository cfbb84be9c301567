/**
 * `npm run api:check`: compares openapi.json with the last release's spec
 * (docs/releases/<version>.openapi.json, the highest version) and fails on a breaking
 * change that CHANGELOG.md does not list, verbatim, under a new major version.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  breakingChanges,
  unlistedBreakingChanges,
  type OpenApiDocument,
} from '../src/bootstrap/api-changes';

const root = join(__dirname, '..');
const releases = join(root, 'docs', 'releases');

const read = (path: string) => readFileSync(path, 'utf8');
const semver = (version: string) => version.split('.').map(Number);

const released = readdirSync(releases)
  .map((file) => /^(\d+\.\d+\.\d+)\.openapi\.json$/.exec(file)?.[1])
  .filter((version): version is string => Boolean(version))
  .sort((a, b) => {
    const [x, y] = [semver(a), semver(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  })
  .pop();
if (!released) throw new Error(`No <version>.openapi.json in ${releases}`);

const changes = breakingChanges(
  JSON.parse(read(join(releases, `${released}.openapi.json`))) as OpenApiDocument,
  JSON.parse(read(join(root, 'openapi.json'))) as OpenApiDocument,
);
const unlisted = unlistedBreakingChanges(changes, read(join(root, 'CHANGELOG.md')), released);
if (unlisted.length > 0) {
  process.stderr.write(
    `Breaking API changes since ${released}, not listed in CHANGELOG.md under a new major version:\n` +
      unlisted.map((change) => `- ${change}\n`).join('') +
      'Undo them, or list each line verbatim under `## <next major>.0.0`.\n',
  );
  process.exit(1);
}
process.stdout.write(
  `openapi.json is compatible with ${released}` +
    (changes.length ? ` except ${changes.length} breaking change(s) listed in CHANGELOG.md` : '') +
    '\n',
);
