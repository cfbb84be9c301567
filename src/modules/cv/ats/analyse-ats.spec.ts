import { DEFAULT_CV_LAYOUT, type ResumeDocument } from '../domain/resume';
import { analyseAts, keywordCoverage, normaliseText } from './analyse-ats';

const document: ResumeDocument = {
  basics: { name: 'Sam Lee', email: 'sam@example.com', phone: '+44 20 7946 0000' },
  work: [
    { name: 'Globex', position: 'Data Engineer', startDate: '2020-01' },
    { name: 'Initech', position: 'Analyst', startDate: '2017-05', endDate: '2020-03' },
  ],
  education: [{ institution: 'LSE', startDate: '2013', endDate: '2016' }],
  skills: [{ name: 'Data', keywords: ['Python', 'Apache Spark', 'Machine Learning', 'SQL'] }],
};

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

const pdfText = [
  'Sam Lee',
  'sam@example.com · +44 20 7946 0000',
  'WORK EXPERIENCE',
  'Data Engineer — Globex  Jan 2020 – Present',
  'Built pipelines in Python and Apache Spark on AWS.',
  'Analyst — Initech  May 2017 – Mar 2020',
  'Education',
  'LSE 2013 – 2016',
  'Skills',
  'Data: Python, Apache Spark, Machine Learning, SQL',
  words(200),
].join('\n');

const job =
  'We are hiring a Data Engineer. You will build pipelines with Python, Apache Spark and Kafka. ' +
  'Experience with machine learning and Kubernetes is a plus. Strong SQL required. Python daily.';

describe('analyseAts', () => {
  it('scores a well-formed CV high and reports matched and missing job keywords', () => {
    const report = analyseAts({ pdfText, document, jobDescription: job, pages: 1 });
    expect(report.keywords.matched).toEqual(
      expect.arrayContaining(['apache spark', 'machine learning', 'python', 'sql', 'pipelines']),
    );
    expect(report.keywords.missing).toEqual(expect.arrayContaining(['kafka', 'kubernetes']));
    expect(report.keywords.matched).not.toContain('spark'); // the phrase counts once, as a phrase
    expect(report.keywords.missing).not.toContain('experience'); // job-ad filler is not a keyword
    expect(report.keywords.matched[0]).toBe('apache spark');
    const failed = report.findings.filter((f) => !f.passed).map((f) => f.check);
    expect(failed.filter((check) => check !== 'keywords')).toEqual([]);
    expect(report.score).toBeGreaterThanOrEqual(85);
    expect(report.score).toBeLessThanOrEqual(100);
  });

  it('recognises headings in the languages CVs are written in, not unknown ones', () => {
    const german = pdfText
      .replace('WORK EXPERIENCE', 'Berufserfahrung')
      .replace('Education', 'Ausbildung')
      .replace('Skills', 'Kenntnisse');
    const sections = (language: string) =>
      analyseAts({
        pdfText: german,
        document,
        pages: 1,
        layout: { ...DEFAULT_CV_LAYOUT, language },
      }).findings.find((f) => f.check === 'sections')!;
    expect(sections('de').passed).toBe(true);
    // One heading vocabulary (src/modules/cv/text/headings.ts) serves ATS, parser and renderer.
    expect(sections('en').passed).toBe(true);
    const unknown = analyseAts({
      pdfText: german.replace('Berufserfahrung', 'Things I did'),
      document,
      pages: 1,
    }).findings.find((f) => f.check === 'sections')!;
    expect(unknown.passed).toBe(false);
    expect(unknown.detail).toMatch(/: work$/);
  });

  it('flags missing headings, contacts, reading order and bad dates', () => {
    const scrambled = [
      'Sam Lee',
      'Analyst — Initech',
      'Data Engineer — Globex',
      'Skills: Python',
      words(200),
    ].join('\n');
    const report = analyseAts({
      pdfText: scrambled,
      document: {
        ...document,
        education: [{ institution: 'LSE', startDate: '2016', endDate: '2013' }],
        projects: [{ name: 'X', startDate: 'last year' }],
      },
    });
    const failed = (check: string) =>
      report.findings.filter((f) => f.check === check && !f.passed).map((f) => f.detail);
    expect(failed('sections').join()).toMatch(/work, education, projects$/);
    expect(failed('contact')).toHaveLength(2);
    expect(failed('reading_order').join()).toMatch(/"analyst" out of order/);
    expect(failed('dates').join()).toMatch(
      /education: LSE ends before it starts.*projects: X has a date/,
    );
    expect(report.keywords).toEqual({ matched: [], missing: [] });
    expect(report.score).toBeLessThan(50);
  });

  it('notes overlapping jobs without failing, and judges length', () => {
    const overlapping = analyseAts({
      pdfText,
      document: {
        ...document,
        work: [
          { position: 'Data Engineer', startDate: '2019-01' },
          { position: 'Analyst', startDate: '2017-05', endDate: '2020-03' },
        ],
      },
      pages: 4,
    });
    expect(overlapping.findings).toContainEqual(
      expect.objectContaining({
        check: 'dates',
        passed: true,
        severity: 'info',
        detail: expect.stringMatching(/overlap/),
      }),
    );
    expect(overlapping.findings).toContainEqual(
      expect.objectContaining({
        check: 'length',
        passed: false,
        detail: '4 pages: keep a CV to one or two',
      }),
    );
    const short = analyseAts({ pdfText: 'Sam Lee sam@example.com', document });
    expect(short.findings).toContainEqual(
      expect.objectContaining({ check: 'length', passed: false }),
    );
  });

  it('reads text the way PDFs give it back (compatibility forms, case, spacing)', () => {
    expect(normaliseText('⽇本語  DATA\nEngineer')).toBe('日本語 data engineer');
    expect(keywordCoverage('C++ and C# and Node.js', {}, 'Node.js, C++').matched).toEqual([
      'c++',
      'node.js',
    ]);
  });
});
