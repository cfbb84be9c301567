import { Problem } from '@lib/problems';
import { DEFAULT_CV_LAYOUT, type CvLayout, type ResumeDocument } from '../domain/resume';
import { formatDateRange, formatResumeDate } from './dates';
import { renderCvHtml } from './render-cv-html';

const layout = (overrides: Partial<CvLayout> = {}): CvLayout => ({
  ...DEFAULT_CV_LAYOUT,
  ...overrides,
});

const hostile =
  '<script>alert(1)</script><img src=http://evil.test/x.png><iframe src="http://evil.test"></iframe>';

const doc: ResumeDocument = {
  basics: { name: `Ada ${hostile}`, email: 'ada@example.com', image: 'http://evil.test/me.jpg' },
  work: [
    {
      name: 'Acme "Quotes" & Co',
      position: 'Engineer',
      startDate: '2021-03',
      url: 'javascript:alert(1)',
      highlights: [hostile],
    },
  ],
  education: [{ institution: 'MIT', area: 'Maths', startDate: '2015', endDate: '2019' }],
  skills: [{ name: 'Languages', keywords: ['TypeScript', 'Go'] }],
};

describe('renderCvHtml', () => {
  it('escapes every user string: scripts, images and iframes become text', () => {
    const out = renderCvHtml(doc, layout());
    expect(out).not.toMatch(/<script|<iframe|<img src=http/i);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('Acme &quot;Quotes&quot; &amp; Co');
    expect(out).not.toContain('evil.test/me.jpg'); // a remote photo is never referenced
    expect(out).not.toContain('href="javascript:');
    expect(out).not.toMatch(/(src|href)="https?:\/\/(?!example)/);
  });

  it('renders data: photos only', () => {
    const image = 'data:image/png;base64,iVBORw0KGgo=';
    const out = renderCvHtml({ basics: { name: 'A', image } }, layout());
    expect(out).toContain(`<img class="photo" src="${image}"`);
    const sneaky = renderCvHtml(
      { basics: { name: 'A', image: 'data:image/svg+xml,<svg onload=alert(1)>' } },
      layout(),
    );
    expect(sneaky).not.toContain('<img');
  });

  it('is one self-contained page with a restrictive CSP and the page size in @page', () => {
    const out = renderCvHtml(doc, layout({ pageSize: 'Letter' }));
    expect(out).toMatch(/^<!doctype html>/);
    expect(out).toContain(
      'http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;',
    );
    expect(out).toContain('@page { size: Letter;');
    expect(out).not.toMatch(/<link|@import|url\(/);
  });

  it('follows the section order and leaves hidden sections out', () => {
    const out = renderCvHtml(
      doc,
      layout({ sectionOrder: ['skills', 'education'], hiddenSections: ['work'] }),
    );
    const skills = out.indexOf('<h2>Skills</h2>');
    const education = out.indexOf('<h2>Education</h2>');
    expect(skills).toBeGreaterThan(0);
    expect(education).toBeGreaterThan(skills);
    expect(out).not.toContain('Work Experience');
  });

  it('keeps each section heading in one unbreakable block with its first entry', () => {
    const out = renderCvHtml(doc, layout()).replace(/>\s+</g, '><');
    expect(out).toMatch(/<div class="keep"><h2>Work Experience<\/h2><article class="item">/);
    expect(out).toContain('break-inside: avoid');
  });

  it('uses the theme colour and the language with its text direction', () => {
    const out = renderCvHtml(
      doc,
      layout({ theme: { accentColor: '#AA3300', font: 'Noto Serif' }, language: 'ar' }),
    );
    expect(out).toContain('<html lang="ar" dir="rtl">');
    expect(out).toContain('#AA3300');
    expect(out).toContain("'Noto Serif', 'Noto Naskh Arabic', 'Noto Serif Hebrew'");
    expect(renderCvHtml(doc, layout({ language: 'he-IL' }))).toContain('dir="rtl"');
    expect(renderCvHtml(doc, layout({ language: 'ja' }))).toMatch(/'Noto Sans CJK JP'/);
    expect(renderCvHtml(doc, layout({ language: 'not a tag!' }))).toContain('lang="en" dir="ltr"');
  });

  it('writes headings and "Present" in the CV’s language, English when it has no words for it', () => {
    const german = renderCvHtml(doc, layout({ language: 'de-AT' }));
    expect(german).toContain('Berufserfahrung');
    expect(german).toContain('Ausbildung');
    expect(german).toMatch(/2021 – heute/);
    expect(german).not.toContain('Work Experience');
    const unknown = renderCvHtml(doc, layout({ language: 'sw' }));
    expect(unknown).toContain('Work Experience');
    expect(unknown).toMatch(/ – Present/);
  });

  it('refuses a colour that is not hex and an unknown template', () => {
    const bad = (overrides: Partial<CvLayout>) => () => renderCvHtml(doc, layout(overrides));
    for (const accentColor of ['red', '#12345', '#123456; } body { display:none', 'url(x)']) {
      expect(bad({ theme: { accentColor, font: 'Noto Sans' } })).toThrow(Problem);
    }
    expect(bad({ template: 'fancy' as never })).toThrow(/Unknown template/);
  });

  it('gives six different designs', () => {
    const templates = ['modern', 'classic', 'creative', 'executive', 'minimal', 'tech'] as const;
    const pages = new Set(templates.map((template) => renderCvHtml(doc, layout({ template }))));
    expect(pages.size).toBe(6);
  });
});

describe('CV dates', () => {
  it('formats YYYY, YYYY-MM and YYYY-MM-DD and open ranges', () => {
    expect(formatResumeDate('2021')).toBe('2021');
    expect(formatResumeDate('2021-03')).toBe('Mar 2021');
    expect(formatResumeDate('2021-03-14')).toBe('Mar 2021');
    expect(formatResumeDate('spring 2020')).toBe('spring 2020');
    expect(formatResumeDate('2021-13')).toBe('2021-13');
    expect(formatDateRange('2021-03', undefined)).toBe('Mar 2021 – Present');
    expect(formatDateRange('2019', '2020-06')).toBe('2019 – Jun 2020');
    expect(formatDateRange(undefined, '2020')).toBe('2020');
    expect(formatDateRange(undefined, undefined)).toBeUndefined();
  });
});
