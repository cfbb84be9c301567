import { defineProblems, Problem, registerProblems } from './problem';
import { STATUS_TITLES } from './status-titles';

describe('problem catalogues', () => {
  const files = defineProblems({
    'files.not_ready': { status: 409, description: 'Still being scanned.' },
  });

  it('makes problems with the status and the one title of the code', () => {
    const problem = files.problem('files.not_ready', 'The file is pending', { fileStatus: 'x' });
    expect(problem).toBeInstanceOf(Problem);
    expect(problem).toMatchObject({
      status: 409,
      code: 'files.not_ready',
      title: 'Conflict',
      detail: 'The file is pending',
      extensions: { fileStatus: 'x' },
    });
    expect(Problem.badRequest('validation.failed').title).toBe(STATUS_TITLES[400]);
  });

  it('refuses a code defined in two catalogues', () => {
    const cv = defineProblems({
      'files.not_ready': { status: 409, description: 'The same code again.' },
    });
    expect(() => registerProblems([files, cv])).toThrow(
      'Problem code "files.not_ready" is defined twice',
    );
    expect(registerProblems([files])).toEqual([
      {
        code: 'files.not_ready',
        status: 409,
        title: 'Conflict',
        description: 'Still being scanned.',
      },
    ]);
  });
});
