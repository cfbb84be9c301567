import { Problem } from '@lib/problems';
import type { CvState } from '../../domain/cv-state';
import { DEFAULT_CV_LAYOUT } from '../../domain/resume';
import { nextState } from './next-state';

const current: CvState = {
  title: 'Engineer',
  document: {
    basics: { name: 'Ann', phone: '123' },
    work: [{ name: 'ACME' }],
    references: [{ name: 'Bob' }],
    'x-extra': { keep: true },
  },
  layout: {
    ...DEFAULT_CV_LAYOUT,
    template: 'classic',
    theme: { accentColor: '#112233', font: 'Noto Serif' },
  },
};

function problemOf(fn: () => unknown): Problem {
  try {
    fn();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('nextState', () => {
  it('section updates replace whole parts, null removes one, the rest stays', () => {
    const next = nextState(current, {
      kind: 'sections',
      update: {
        sections: { work: [{ name: 'Initech' }], references: null },
        layout: { pageSize: 'Letter' },
      },
    });
    expect(next.document).toEqual({
      basics: { name: 'Ann', phone: '123' },
      work: [{ name: 'Initech' }],
      'x-extra': { keep: true },
    });
    expect(next.layout).toEqual({ ...current.layout, pageSize: 'Letter' });
    expect(next.title).toBe('Engineer');
  });

  it('merge patches merge objects, replace arrays and reset removed layout fields to defaults', () => {
    const next = nextState(current, {
      kind: 'merge-patch',
      patch: {
        document: { basics: { phone: null }, work: [{ name: 'Initech' }] },
        layout: { template: null, theme: { font: null } },
      },
    });
    expect(next.document.basics).toEqual({ name: 'Ann' });
    expect(next.document.work).toEqual([{ name: 'Initech' }]);
    expect(next.layout.template).toBe(DEFAULT_CV_LAYOUT.template);
    expect(next.layout.theme).toEqual({
      accentColor: '#112233',
      font: DEFAULT_CV_LAYOUT.theme.font,
    });
  });

  it('leaves the current state untouched', () => {
    const before = JSON.stringify(current);
    nextState(current, { kind: 'merge-patch', patch: { document: { basics: { name: 'Zed' } } } });
    nextState(current, { kind: 'sections', update: { sections: { basics: null } } });
    expect(JSON.stringify(current)).toBe(before);
  });

  it('answers 400 for bad fields and 422 for a document that is not JSON Resume', () => {
    const badFields = problemOf(() =>
      nextState(current, {
        kind: 'merge-patch',
        patch: { title: '', layout: { language: 'not a tag' }, id: 1 },
      }),
    );
    expect(badFields.status).toBe(400);
    expect((badFields.extensions.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      '$.id',
      '$.layout.language',
      '$.title',
    ]);
    const badDocument = problemOf(() =>
      nextState(current, { kind: 'sections', update: { sections: { skills: 'many' } } }),
    );
    expect(badDocument.status).toBe(422);
    expect(badDocument.code).toBe('cv.invalid_json_resume');
    const notObject = problemOf(() => nextState(current, { kind: 'merge-patch', patch: [1] }));
    expect(notObject.status).toBe(400);
  });

  it('applies JSON Patches whose tests hold; a failed test is a 409, a bad patch a 400', () => {
    const next = nextState(current, {
      kind: 'json-patch',
      patch: [
        { op: 'test', path: '/document/work/0/name', value: 'ACME' },
        { op: 'replace', path: '/document/work/0/name', value: 'Initech' },
      ],
    });
    expect(next.document.work).toEqual([{ name: 'Initech' }]);
    const stale = problemOf(() =>
      nextState(current, {
        kind: 'json-patch',
        patch: [
          { op: 'test', path: '/document/work/0/name', value: 'Globex' },
          { op: 'replace', path: '/document/work/0/name', value: 'Initech' },
        ],
      }),
    );
    expect(stale.status).toBe(409);
    expect(stale.code).toBe('cv.patch_test_failed');
    const missing = problemOf(() =>
      nextState(current, {
        kind: 'json-patch',
        patch: [{ op: 'replace', path: '/document/work/3/name', value: 'x' }],
      }),
    );
    expect(missing.status).toBe(400);
    const invalid = problemOf(() =>
      nextState(current, {
        kind: 'json-patch',
        patch: [{ op: 'replace', path: '/document/basics/phone', value: 42 }],
      }),
    );
    expect(invalid.status).toBe(422);
  });
});
