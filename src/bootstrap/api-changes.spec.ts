import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { breakingChanges, unlistedBreakingChanges, type OpenApiDocument } from './api-changes';

const fixture = (name: string): OpenApiDocument =>
  JSON.parse(
    readFileSync(join(__dirname, '../../test/fixtures/api-changes', `${name}.json`), 'utf8'),
  ) as OpenApiDocument;

const clone = (document: OpenApiDocument): OpenApiDocument =>
  JSON.parse(JSON.stringify(document)) as OpenApiDocument;

describe('breaking API changes', () => {
  const release = fixture('release');

  it('finds none between a document and itself, nor for additions', () => {
    expect(breakingChanges(release, release)).toEqual([]);
    const added = clone(release);
    added.components!.schemas!.CvDto.properties!.language = { type: 'string' };
    added.components!.schemas!.CreateCvDto.properties!.language = { type: 'string' };
    added.paths['/v1/jobs'] = { get: { responses: {} } };
    expect(breakingChanges(release, added)).toEqual([]);
  });

  it('fails on a deliberately removed response field, through $refs and arrays', () => {
    expect(breakingChanges(release, fixture('removed-field'))).toEqual([
      'GET /v1/cvs: response field 200 $.items[].version removed',
      'POST /v1/cvs: response field 201 $.version removed',
    ]);
  });

  it('fails on a removed operation, a new required field or parameter, a narrowed type or enum', () => {
    const next = clone(release);
    delete next.paths['/v1/cvs/{id}'];
    next.components!.schemas!.CreateCvDto.required = ['title', 'template'];
    next.components!.schemas!.CreateCvDto.properties!.template.enum = ['classic', 'modern'];
    next.paths['/v1/cvs'].get.parameters = [
      { name: 'limit', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'owner', in: 'query', required: true, schema: { type: 'string' } },
    ];
    expect(breakingChanges(release, next).sort()).toEqual(
      [
        'DELETE /v1/cvs/{id}: operation removed',
        'GET /v1/cvs: query parameter limit changed type from integer to string',
        'GET /v1/cvs: new required query parameter owner',
        'POST /v1/cvs: new required request field $.template',
        'POST /v1/cvs: request field $.template no longer accepts "minimal"',
      ].sort(),
    );
  });

  it('fails on narrowed request types (enum values, null, oneOf/anyOf branches), null in a response, changed types', () => {
    expect(breakingChanges(fixture('types-release'), fixture('narrowed-types')).sort()).toEqual(
      [
        'POST /v1/cvs: request field $.summary no longer accepts null',
        'POST /v1/cvs: request field $.pageSize no longer accepts "legal"',
        'POST /v1/cvs: request field $.photo no longer accepts the UploadRefDto branch',
        'POST /v1/cvs: request field $.source no longer accepts the UrlRefDto branch',
        'POST /v1/cvs: request field $.order changed type from integer to string',
        'POST /v1/cvs: response field 201 $.title may now be null',
        'POST /v1/cvs: response field 201 $.score changed type from number to string',
      ].sort(),
    );
    // The other way round, requests only widened and responses only narrowed (fewer enum values,
    // no null): what clients send and read still fits; type changes cut both ways.
    expect(breakingChanges(fixture('narrowed-types'), fixture('types-release')).sort()).toEqual(
      [
        'POST /v1/cvs: request field $.order changed type from string to integer',
        'POST /v1/cvs: response field 201 $.score changed type from string to number',
      ].sort(),
    );
  });

  it('lets a breaking change through only when listed under a new major version', () => {
    const changes = breakingChanges(release, fixture('removed-field'));
    const listed = `# Changelog\n\n## 2.0.0\n\n### Breaking\n\n${changes.map((c) => `- ${c}`).join('\n')}\n\n## 1.0.0\n\nBaseline.\n`;
    expect(unlistedBreakingChanges(changes, listed, '1.0.0')).toEqual([]);

    const underOldMajor = `# Changelog\n\n## 1.1.0\n\n${changes.map((c) => `- ${c}`).join('\n')}\n`;
    expect(unlistedBreakingChanges(changes, underOldMajor, '1.0.0')).toEqual(changes);

    const partly = `# Changelog\n\n## 2.0.0\n\n- ${changes[0]}\n`;
    expect(unlistedBreakingChanges(changes, partly, '1.0.0')).toEqual([changes[1]]);
  });
});
