import { describePatch, diffStates, replayPatches, summarisePatch, type CvState } from './cv-state';
import { DEFAULT_CV_LAYOUT } from './resume';

const v1: CvState = {
  title: 'Engineer',
  document: {
    basics: { name: 'Ada', 'x-pronouns': 'she/her' },
    work: [{ name: 'ACME', position: 'Engineer', highlights: ['Shipped it'] }],
  },
  layout: DEFAULT_CV_LAYOUT,
};

function edit(state: CvState, change: (draft: CvState) => void): CvState {
  const draft = structuredClone(state);
  change(draft);
  return draft;
}

describe('CV versions as patches', () => {
  const v2 = edit(v1, (d) => (d.document.work![0].position = 'Lead Engineer'));
  const v3 = edit(v2, (d) => {
    d.document.work![0].highlights!.push('Cut costs by 30%');
    d.document.skills = [{ name: 'TypeScript' }];
  });
  const v4 = edit(v3, (d) => {
    d.title = 'Staff engineer';
    delete d.document.basics!['x-pronouns'];
    d.layout = { ...d.layout, template: 'classic' };
  });
  const states = [v1, v2, v3, v4];
  const patches = states.map((state, i) => diffStates(i === 0 ? null : states[i - 1], state));

  it('rebuilds every version n from the patches 1..n alone', () => {
    states.forEach((state, i) => {
      expect(replayPatches(patches.slice(0, i + 1))).toEqual(state);
    });
  });

  it('does not let replaying change the stored patches', () => {
    const copy = structuredClone(patches);
    replayPatches(patches);
    replayPatches(patches);
    expect(patches).toEqual(copy);
  });

  it('refuses a history whose patches do not apply', () => {
    expect(() => replayPatches([patches[0], [{ op: 'remove', path: '/document/nope' }]])).toThrow(
      /version 2 does not apply/,
    );
  });

  it('makes an empty patch for no change and says so', () => {
    expect(diffStates(v2, structuredClone(v2))).toEqual([]);
    expect(summarisePatch([])).toBe('No changes');
  });

  it('summarises which parts changed', () => {
    expect(summarisePatch(patches[1])).toBe('Changed work');
    expect(summarisePatch(patches[3])).toBe('Changed title, basics, layout');
  });

  it('describes changes for people, with before and after values', () => {
    const changes = describePatch(v1, patches[1]);
    expect(changes).toEqual([
      {
        op: 'replace',
        path: '/document/work/0/position',
        field: 'document.work[0].position',
        before: 'Engineer',
        after: 'Lead Engineer',
        text: 'Changed document.work[0].position from "Engineer" to "Lead Engineer"',
      },
    ]);
    const texts = describePatch(v3, patches[3]).map((c) => c.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Changed title from "Engineer" to "Staff engineer"',
        'Removed document.basics.x-pronouns (was "she/her")',
        'Changed layout.template from "modern" to "classic"',
      ]),
    );
  });
});
