import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Class names of request/response DTOs, with the files that declare each. */
function dtoClasses(files: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^(?:export )?class (\w+Dto)\b/gm)) {
      found.set(match[1], [...(found.get(match[1]) ?? []), relative(ROOT, file)]);
    }
  }
  return found;
}

/**
 * openapi.json names each schema after its DTO class, and @nestjs/swagger keeps
 * only the last class of a name: two DTOs with one name would document one
 * route with the other's shape (the contract check then fails at run time).
 */
describe('DTO class names', () => {
  it('are unique across modules', () => {
    const duplicates = [...dtoClasses(sourceFiles(ROOT))].filter(([, files]) => files.length > 1);
    expect(duplicates).toEqual([]);
  });
});
