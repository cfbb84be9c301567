import { extractKeywords, mentions } from './keywords';

describe('job description keywords', () => {
  const ad =
    "ACME is hiring! We'll need TypeScript, Node.js and PostgreSQL experience. You're writing " +
    'TypeScript daily, with some C++ and CI/CD. Experience with Kafka is a plus.';

  it('ranks terms by frequency, then first appearance, keeping their spelling', () => {
    expect(extractKeywords(ad, 6, ['ACME']).map((k) => k.term)).toEqual([
      'TypeScript',
      'Node.js',
      'PostgreSQL',
      'writing',
      'daily',
      'C++',
    ]);
    expect(extractKeywords(ad, 1)[0]).toEqual({ term: 'TypeScript', count: 2 });
  });

  it('leaves out stop words, apostrophe leftovers and excluded names', () => {
    const terms = extractKeywords(ad, 50, ['ACME']).map((k) => k.term.toLowerCase());
    expect(terms).toEqual(expect.arrayContaining(['c++', 'ci/cd', 'kafka']));
    for (const noise of ['acme', 'hiring', 'll', 're', 'experience', 'with', 'plus']) {
      expect(terms).not.toContain(noise);
    }
  });

  it('finds whole-word mentions regardless of case and accents', () => {
    expect(mentions('Built services in node.js and Postgres', 'Node.js')).toBe(true);
    expect(mentions('Résumé parsing', 'resume')).toBe(true);
    expect(mentions('JavaScript developer', 'Java')).toBe(false);
    expect(mentions('C++ and C#', 'C')).toBe(false);
  });
});
