import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * libs/ is the shared kernel: transports, ports and registries. Knowledge of CV
 * content (sections and their headings, job-ad keywords, skills, phrasing,
 * prompts) lives in src/modules/cv. Names of resources (the `Cv` subject, the
 * `cv-exports` queue, the `cv-files` bucket) are fine; words about what a CV
 * says are not. The dependency rules keep libs from importing src/ at all.
 */
const CV_CONTENT =
  /\bresumes\b|\bresume (?:text|sections?|builder|pars\w*|files?|content)\b|résumé|job (?:ads?|descriptions?)\b|\bskills?\b|work experience|stop ?words?|\bheadings?\b|action verbs?|measurable result|cover letters\b|skills_?by_?title/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && path !== __filename ? [path] : [];
  });
}

describe('the shared kernel (libs/)', () => {
  it('holds no CV content knowledge', () => {
    const offending = sourceFiles(__dirname).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          CV_CONTENT.test(line) ? [`${relative(__dirname, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(offending).toEqual([]);
  });

  it('would notice CV content if it came back', () => {
    expect(CV_CONTENT.test("const SKILLS_BY_TITLE = { 'Data Engineer': ['Spark'] };")).toBe(true);
    expect(CV_CONTENT.test('Section headings in English, German…')).toBe(true);
    expect(CV_CONTENT.test('Extracts the resume text from a PDF')).toBe(true);
    expect(CV_CONTENT.test("  cvExports: 'cv-exports',")).toBe(false);
    // "resume" as in a paused subscription is not CV content.
    expect(CV_CONTENT.test('/** `cancel_at_period_end` on (cancel) or off (resume). */')).toBe(
      false,
    );
  });
});
