import sample from '@jsonresume/schema/sample.resume.json';
import { validateJsonResume } from './json-resume-validator';

describe('validateJsonResume', () => {
  it('accepts the official sample and documents with unknown properties', () => {
    expect(validateJsonResume(sample)).toEqual([]);
    expect(validateJsonResume({ basics: { 'x-any': [1, { a: null }] }, custom: true })).toEqual([]);
  });

  it('reports every problem with a JSON path under the given root', () => {
    expect(
      validateJsonResume(
        {
          basics: { email: 'x' },
          work: [{ startDate: '2020-1' }],
          'odd key': { a: 1 },
          skills: {},
        },
        '$.document',
      ),
    ).toEqual([
      { path: '$.document.basics.email', message: 'must be a valid email' },
      {
        path: '$.document.work[0].startDate',
        message: 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD',
      },
      { path: '$.document.skills', message: 'must be array' },
    ]);
  });

  it('refuses U+0000, which PostgreSQL jsonb cannot store', () => {
    expect(validateJsonResume({ basics: { name: 'A\u0000B' }, 'we\u0000ird': 1 })).toEqual([
      { path: '$.basics.name', message: 'must not contain U+0000' },
      { path: '$["we\\u0000ird"]', message: 'name must not contain U+0000' },
    ]);
  });
});
