import { readFileSync } from 'node:fs';
import {
  controllerLayoutProblemsOfApp,
  generateRouteMap,
  ROUTE_MAP_FILE,
} from '../src/bootstrap/route-map';

describe('route map (test/__snapshots__/route-map.md)', () => {
  let generated: string;
  beforeAll(async () => {
    generated = await generateRouteMap();
  });

  it('equals what the code generates (run `npm run routes` after changing routes)', () => {
    expect(generated).toBe(readFileSync(ROUTE_MAP_FILE, 'utf8'));
  });

  it('leads every route that dispatches a use case to its handler file', () => {
    const rows = generated.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows.length).toBeGreaterThan(50);
    expect(generated).not.toContain('(no handler)');
    expect(generated).toContain(
      '| `PATCH /v1/cvs/{id}` | `src/modules/cv/cvs.controller.ts` CvsController.update | UpdateCvCommand | `src/modules/cv/commands/update-cv/update-cv.handler.ts` |',
    );
  });

  it('finds every route in the file named after its prefix (one controller per file and prefix)', async () => {
    expect(await controllerLayoutProblemsOfApp()).toEqual([]);
  });
});
