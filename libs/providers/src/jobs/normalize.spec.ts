import {
  annualize,
  canonicalUrl,
  countryOf,
  decodeEntities,
  employmentTypeOf,
  htmlToText,
  parseSalaryText,
  parseSourceDate,
  sanitizeEscapedHtml,
  sanitizeHtml,
} from './normalize';
import { generateSamplePostings } from './sources/sample.source';

describe('job posting normalization', () => {
  it('reads seconds, milliseconds, offsets and naive timestamps as UTC', () => {
    expect(parseSourceDate(1733258955)?.toISOString()).toBe('2024-12-03T20:49:15.000Z');
    expect(parseSourceDate(1733260504000)?.toISOString()).toBe('2024-12-03T21:15:04.000Z');
    expect(parseSourceDate('1638006722')?.toISOString()).toBe('2021-11-27T09:52:02.000Z');
    expect(parseSourceDate('2020-02-15T10:23:26')?.toISOString()).toBe('2020-02-15T10:23:26.000Z');
    expect(parseSourceDate('2016-01-14T10:55:28-05:00')?.toISOString()).toBe(
      '2016-01-14T15:55:28.000Z',
    );
    expect(parseSourceDate('not a date')).toBeNull();
    expect(parseSourceDate(null)).toBeNull();
  });

  it('sanitizes: allow-listed tags only, scripts and handlers gone, safe links kept', () => {
    const html = sanitizeHtml(
      '<p onclick="x()">Hi <b>there</b><script>alert(1)</script><a href="javascript:evil()">x</a> <a href="https://a.example/?q=1&amp;b=2">ok</a><img src=x onerror=alert(1)><div>open',
    );
    expect(html).toBe(
      '<p>Hi <b>there</b><a>x</a> <a href="https://a.example/?q=1&amp;b=2" rel="nofollow noopener">ok</a><div>open</div></p>',
    );
    expect(sanitizeEscapedHtml('&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;')).toBe(
      '<p>Hello &amp; welcome</p>',
    );
    expect(htmlToText('<p>A &amp; B</p><ul><li>one</li><li>two</li></ul>')).toBe(
      'A & B\n• one\n• two',
    );
    expect(decodeEntities('CI&amp;T &#233;t&#xE9;')).toBe('CI&T été');
  });

  it('strips tracking parameters from URLs', () => {
    expect(canonicalUrl('http://www.Example.com/jobs/1/?utm_source=x&gh_src=y&id=3#apply')).toBe(
      'https://example.com/jobs/1?id=3',
    );
    expect(canonicalUrl('mailto:a@b.c')).toBeNull();
  });

  it('parses free-text salaries and annualizes them', () => {
    const salary = parseSalaryText('$40,000 - $50,000');
    expect(salary).toMatchObject({
      min: 40000,
      max: 50000,
      currency: 'USD',
      interval: 'year',
      origin: 'parsed',
    });
    expect(annualize(salary)).toBe(45000);
    const hourly = parseSalaryText('€25–30 per hour');
    expect(hourly).toMatchObject({ min: 25, max: 30, currency: 'EUR', interval: 'hour' });
    expect(annualize(hourly)).toBe(57200);
    expect(parseSalaryText('€60k–75k')).toMatchObject({ min: 60000, max: 75000 });
    expect(parseSalaryText('competitive')).toBeNull();
  });

  it('maps employment types and countries', () => {
    expect(employmentTypeOf('full time')).toBe('full_time');
    expect(employmentTypeOf('FullTime')).toBe('full_time');
    expect(employmentTypeOf('Contractor')).toBe('contract');
    expect(employmentTypeOf('whatever')).toBeNull();
    expect(countryOf('Berlin, Germany')).toBe('DE');
    expect(countryOf('Poznań')).toBe('PL');
    expect(countryOf('Worldwide')).toBeNull();
  });

  it('generates the same sample postings from the same seed and day', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const a = generateSamplePostings({ seed: 1, count: 20, now });
    const b = generateSamplePostings({ seed: 1, count: 20, now: new Date('2026-12-02T23:00:00Z') });
    expect(a).toEqual(b);
    expect(generateSamplePostings({ seed: 1, count: 5, offset: 15, now })).toEqual(a.slice(15));
    expect(generateSamplePostings({ seed: 2, count: 20, now })).not.toEqual(a);
  });
});
