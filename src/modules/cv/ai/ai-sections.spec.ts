import { Problem } from '@lib/problems';
import type { ResumeDocument } from '../domain/resume';
import { enhancementTarget, valueAtPointer } from './ai-sections';

// A non-string highlight cannot pass JSON Resume validation, but the mapping must not shift on one.
const document = {
  basics: { name: 'Ann', summary: 'Does things.' },
  work: [
    {
      name: 'ACME',
      position: 'Engineer',
      summary: 'Responsible for billing.',
      highlights: ['Worked on APIs', 7, 'Cut costs'],
    },
    { id: 'side', name: 'Side project', summary: '' },
  ],
  projects: [{ name: 'Engine', description: 'A difference engine.', url: 'https://x.test' }],
} as unknown as ResumeDocument;

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof Problem) return error.code;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('enhancementTarget', () => {
  it('sends only the prose of a list section, keeping list positions', () => {
    const target = enhancementTarget(document, 'work');
    expect(target.items).toEqual([
      {
        id: '0',
        fields: {
          summary: 'Responsible for billing.',
          highlights: ['Worked on APIs', '', 'Cut costs'],
        },
      },
      { id: '1', fields: { summary: '' } },
    ]);
    expect(
      target.pathOf({
        itemId: '0',
        field: 'highlights/2',
        original: '',
        suggested: '',
        reasons: [],
      }),
    ).toBe('/work/0/highlights/2');
    expect(
      target.pathOf({ field: 'text', original: '', suggested: '', reasons: [] }),
    ).toBeUndefined();
  });

  it('picks one item by index or by its id', () => {
    expect(enhancementTarget(document, 'projects', '0').items).toEqual([
      { id: '0', fields: { description: 'A difference engine.' } },
    ]);
    expect(codeOf(() => enhancementTarget(document, 'work', 'side'))).toBe('ai.nothing_to_enhance');
    expect(codeOf(() => enhancementTarget(document, 'work', '2'))).toBe('ai.item_not_found');
    expect(codeOf(() => enhancementTarget(document, 'work', 'nope'))).toBe('ai.item_not_found');
  });

  it('maps summary to basics.summary', () => {
    const target = enhancementTarget(document, 'summary');
    expect(target.items).toEqual([{ text: 'Does things.' }]);
    expect(target.pathOf({ field: 'text', original: '', suggested: '', reasons: [] })).toBe(
      '/basics/summary',
    );
    expect(codeOf(() => enhancementTarget({}, 'summary'))).toBe('ai.nothing_to_enhance');
    expect(codeOf(() => enhancementTarget(document, 'awards'))).toBe('ai.nothing_to_enhance');
  });

  it('reads values at JSON Pointers', () => {
    expect(valueAtPointer(document, '/work/0/highlights/2')).toBe('Cut costs');
    expect(valueAtPointer(document, '/work/5/summary')).toBeUndefined();
  });
});
