import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Operation {
  requestBody?: {
    content: Record<string, { schema: { properties: Record<string, Record<string, unknown>> } }>;
  };
  responses: Record<string, unknown>;
}

const paths = (
  JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, Operation>>;
  }
).paths;

describe('openapi.json for files', () => {
  it('documents the upload as multipart with a binary file and the kinds', () => {
    const upload = paths['/v1/files'].post;
    const schema = upload.requestBody!.content['multipart/form-data'].schema;
    expect(schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(schema.properties.kind.enum).toEqual([
      'profile-image',
      'cv-file',
      'social-image',
      'social-video',
      'company-logo',
      'blog-image',
    ]);
    expect(Object.keys(upload.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '413', '415', '429']),
    );
  });

  it.each([
    ['get', '/v1/files', ['200', '400', '401']],
    ['get', '/v1/files/{id}', ['200', '404']],
    ['get', '/v1/files/{id}/content', ['302', '404', '409']],
    ['delete', '/v1/files/{id}', ['204', '404']],
    ['get', '/v1/storage/{bucket}/{path}', ['200', '403', '404']],
  ])('documents %s %s with its error responses', (method, path, statuses) => {
    expect(Object.keys(paths[path][method].responses)).toEqual(expect.arrayContaining(statuses));
  });
});
