import { DEFAULT_CV_LAYOUT } from '../domain/resume';
import { canonicalJson, renderKey, type RenderTarget } from './render-key';

const target: RenderTarget = {
  ownerId: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f',
  cvId: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e50',
  document: { basics: { name: 'Ada', email: 'ada@example.com' }, work: [{ name: 'A' }] },
  layout: DEFAULT_CV_LAYOUT,
  format: 'pdf',
};

describe('renderKey', () => {
  it('ignores the order of object keys but not of arrays', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  it('gives the same key for the same content, and exports/<sha-256>.<ext>', () => {
    const reordered = {
      ...target,
      document: { work: [{ name: 'A' }], basics: { email: 'ada@example.com', name: 'Ada' } },
    };
    expect(renderKey(reordered)).toEqual(renderKey(target));
    expect(renderKey(target).storageKey).toMatch(/^exports\/[0-9a-f]{64}\.pdf$/);
    expect(renderKey({ ...target, format: 'docx' }).storageKey).toMatch(/\.docx$/);
  });

  it('changes with the content, template, page size, format and owner, not with the CV id', () => {
    const base = renderKey(target).hash;
    const variants: RenderTarget[] = [
      { ...target, document: { ...target.document, basics: { name: 'Ada L.' } } },
      { ...target, layout: { ...DEFAULT_CV_LAYOUT, template: 'classic' } },
      { ...target, layout: { ...DEFAULT_CV_LAYOUT, pageSize: 'Letter' } },
      {
        ...target,
        layout: { ...DEFAULT_CV_LAYOUT, theme: { accentColor: '#000000', font: 'Noto Sans' } },
      },
      { ...target, format: 'html' },
      { ...target, ownerId: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e51' },
    ];
    for (const variant of variants) expect(renderKey(variant).hash).not.toBe(base);
    expect(renderKey({ ...target, cvId: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e52' }).hash).toBe(base);
  });
});
