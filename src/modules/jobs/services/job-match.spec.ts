import { matchJob } from './job-match';

const job = {
  title: 'Senior Backend Engineer',
  descriptionText:
    'We build payment APIs in TypeScript and PostgreSQL on Kubernetes. You will design APIs, ' +
    'mentor engineers and own PostgreSQL performance. Kafka experience is a plus.',
  tags: ['typescript', 'postgresql', 'kubernetes', 'kafka'],
};

const cv = {
  basics: { name: 'Ada', label: 'Backend Engineer', summary: 'I design payment APIs.' },
  work: [
    {
      name: 'Globex',
      position: 'Backend Engineer',
      highlights: ['Built payment APIs in TypeScript on PostgreSQL'],
    },
  ],
  skills: [{ name: 'TypeScript' }, { name: 'PostgreSQL' }, { name: 'React' }],
};

describe('matchJob', () => {
  it('splits the job’s skills and keywords into those the CV has and lacks', () => {
    const match = matchJob(job, cv);
    expect(match.matchedSkills).toEqual(['typescript', 'postgresql']);
    expect(match.missingSkills).toEqual(['kubernetes', 'kafka']);
    expect(match.matchedKeywords).toEqual(expect.arrayContaining(['apis', 'payment']));
    expect(match.missingKeywords).toEqual(expect.arrayContaining(['kubernetes']));
    expect(match.score).toBeGreaterThan(0);
    expect(match.score).toBeLessThan(100);
  });

  it('is deterministic, and a CV with everything scores higher than one with nothing', () => {
    expect(matchJob(job, cv)).toEqual(matchJob(job, cv));
    const full = matchJob(job, {
      ...cv,
      skills: [...cv.skills, { name: 'Kubernetes' }, { name: 'Kafka' }],
    });
    const empty = matchJob(job, { basics: { name: 'Bo' } });
    expect(full.missingSkills).toEqual([]);
    expect(full.score).toBeGreaterThan(matchJob(job, cv).score);
    expect(empty.score).toBe(0);
    expect(empty.matchedSkills).toEqual([]);
  });

  it('counts a CV skill the ad names but does not tag', () => {
    const match = matchJob({ ...job, tags: [] }, cv);
    expect(match.matchedSkills).toEqual(['TypeScript', 'PostgreSQL']);
    expect(match.missingSkills).toEqual([]);
  });
});
