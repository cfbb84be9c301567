import { ContractValidator, ContractViolation } from './contract-validator';

const problem = { $ref: '#/components/schemas/ProblemDto' };
const validator = new ContractValidator({
  paths: {
    '/v1/things/{id}': {
      get: {
        responses: {
          '200': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '404': { content: { 'application/problem+json': { schema: problem } } },
        },
      },
      delete: { responses: { '204': {} } },
    },
    '/v1/things/mine': {
      get: {
        responses: { '200': { content: { 'text/html': { schema: { type: 'string' } } } } },
      },
    },
    '/v1/files/{bucket}/{path}': {
      get: { responses: { '200': { content: { 'application/octet-stream': {} } } } },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'label'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          label: { type: 'string', nullable: true },
        },
      },
      ProblemDto: {
        type: 'object',
        required: ['type', 'title', 'status', 'code'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'number' },
          code: { type: 'string', enum: ['resource.not_found'] },
        },
      },
    },
  },
});

const id = '0b0e6f2c-4c8f-4a53-9c55-0f1c2b3c4d5e';
const json = (statusCode: number, body: unknown, type = 'application/json; charset=utf-8') => ({
  statusCode,
  headers: { 'content-type': type },
  body: JSON.stringify(body),
});
const notFound = {
  type: 'https://career-tools.dev/problems/resource.not_found',
  title: 'Not found',
  status: 404,
  code: 'resource.not_found',
};

describe('ContractValidator', () => {
  it('accepts documented responses (nullable fields, problems, empty bodies, other media)', () => {
    expect(validator.check('GET', `/v1/things/${id}?x=1`, json(200, { id, label: null }))).toEqual(
      [],
    );
    const problemJson = json(404, notFound, 'application/problem+json');
    expect(validator.check('GET', `/v1/things/${id}`, problemJson)).toEqual([]);
    expect(
      validator.check('DELETE', `/v1/things/${id}`, { statusCode: 204, headers: {}, body: '' }),
    ).toEqual([]);
    const html = { statusCode: 200, headers: { 'content-type': 'text/html' }, body: '<p>' };
    expect(validator.check('GET', '/v1/things/mine', html)).toEqual([]);
    const file = {
      statusCode: 200,
      headers: { 'content-type': 'application/octet-stream' },
      body: 'x',
    };
    expect(validator.check('GET', '/v1/files/cv/a/b/c.pdf', file)).toEqual([]);
  });

  it('rejects a status the operation does not document', () => {
    const response = json(409, { ...notFound, status: 409 }, 'application/problem+json');
    expect(validator.check('GET', `/v1/things/${id}`, response)).toEqual([
      'status 409 is not documented for GET /v1/things/{id} (documented: 200, 404)',
    ]);
    expect(() => validator.assert('GET', `/v1/things/${id}`, response)).toThrow(ContractViolation);
  });

  it('takes an unexpected 500 on any operation, but only as a problem document', () => {
    const crash = json(500, { ...notFound, status: 500 }, 'application/problem+json');
    expect(validator.check('DELETE', `/v1/things/${id}`, crash)).toEqual([]);
    expect(validator.check('DELETE', `/v1/things/${id}`, json(500, { oops: true }))).not.toEqual(
      [],
    );
  });

  it('rejects a body that does not match the schema', () => {
    expect(validator.check('GET', `/v1/things/${id}`, json(200, { id: 'nope' }))).toEqual([
      "body must have required property 'label'",
      'body/id must match format "uuid"',
    ]);
    const unknownCode = json(404, { ...notFound, code: 'thing.gone' }, 'application/problem+json');
    expect(validator.check('GET', `/v1/things/${id}`, unknownCode)).toEqual([
      'body/code must be equal to one of the allowed values',
    ]);
  });

  it('rejects a content type the operation does not document', () => {
    expect(validator.check('GET', `/v1/things/${id}`, json(404, notFound))).toEqual([
      'content type application/json is not documented for GET /v1/things/{id} 404 (application/problem+json)',
    ]);
    expect(validator.check('DELETE', `/v1/things/${id}`, json(204, { deleted: true }))).toEqual([
      'content type application/json is not documented for DELETE /v1/things/{id} 204 (no body)',
    ]);
  });

  it('matches a literal path before a template and lets only a 404 problem answer unknown routes', () => {
    const html = { statusCode: 200, headers: { 'content-type': 'text/html' }, body: '<p>' };
    expect(validator.check('GET', '/v1/things/mine', html)).toEqual([]);
    expect(validator.check('GET', '/v1/nothing', json(200, {}))).toEqual([
      'no operation GET /v1/nothing in openapi.json',
    ]);
    expect(
      validator.check('POST', `/v1/things/${id}`, json(404, notFound, 'application/problem+json')),
    ).toEqual([]);
    expect(validator.check('GET', '/docs/openapi.json', json(200, {}))).toEqual([]);
  });
});
