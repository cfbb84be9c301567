import { companyKey, fingerprint, minhash, similarity, titleKey } from './dedup';

const TEXT = `We are hiring a senior backend engineer to design and build the services behind our payments platform.
You will work with TypeScript, PostgreSQL and Kafka in a small team, own features from design to production,
review code, mentor colleagues and help us scale to millions of users across Europe and North America.`;

describe('job dedup keys', () => {
  it('normalizes company names: entities, accents and legal suffixes', () => {
    expect(companyKey('CI&amp;T Inc.')).toBe(companyKey('CI&T'));
    expect(companyKey('Müller GmbH')).toBe('muller');
    expect(companyKey('Acme, LLC')).toBe('acme');
    expect(companyKey('Acme')).not.toBe(companyKey('Acme Analytics'));
  });

  it('normalizes titles: (m/w/d), brackets, punctuation, Sr.', () => {
    expect(titleKey('Senior Backend Engineer (m/w/d)')).toBe('senior backend engineer');
    expect(titleKey('Sr. Backend Engineer')).toBe('senior backend engineer');
    expect(titleKey('Backend Engineer - Payments')).toBe('backend engineer payments');
  });

  it('fingerprints company + title + location-or-remote', () => {
    expect(fingerprint('Acme Inc', 'Backend Engineer (m/w/d)', 'Berlin, Germany', false)).toBe(
      fingerprint('ACME', 'Backend Engineer', 'Berlin', false),
    );
    expect(fingerprint('Acme', 'Backend Engineer', 'Berlin', false)).not.toBe(
      fingerprint('Acme', 'Frontend Engineer', 'Berlin', false),
    );
    expect(fingerprint('Acme', 'Backend Engineer', 'Anywhere', true)).toBe(
      fingerprint('Acme', 'Backend Engineer', 'Worldwide', true),
    );
  });

  it('MinHash: near-identical texts are similar, different texts are not', () => {
    const same = similarity(minhash(TEXT), minhash(`${TEXT} Apply today.`));
    expect(same).toBeGreaterThanOrEqual(0.8);
    const other = similarity(
      minhash(TEXT),
      minhash(
        TEXT.replace('backend engineer', 'product designer')
          .replace(/TypeScript, PostgreSQL and Kafka/, 'Figma and prototypes')
          .replace('review code, mentor', 'run research, support'),
      ),
    );
    expect(other).toBeLessThan(0.8);
    expect(
      similarity(
        minhash(TEXT),
        minhash('A completely different posting about accounting and month-end close.'),
      ),
    ).toBeLessThan(0.2);
  });
});
