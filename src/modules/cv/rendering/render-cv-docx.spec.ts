import mammoth from 'mammoth';
import { DEFAULT_CV_LAYOUT, type ResumeDocument } from '../domain/resume';
import { docxColour, renderCvDocx } from './render-cv-docx';

const doc: ResumeDocument = {
  basics: {
    name: 'Grace Hopper',
    label: 'Rear Admiral',
    email: 'grace@example.com',
    phone: '+1 555 0100',
    summary: 'Pioneer of compilers.',
  },
  work: [
    {
      name: 'US Navy',
      position: 'Computer Scientist',
      startDate: '1943',
      endDate: '1986',
      highlights: ['Wrote the first compiler', 'Popularised <COBOL> & friends'],
    },
  ],
  education: [{ institution: 'Yale University', studyType: 'PhD', area: 'Mathematics' }],
  skills: [{ name: 'Programming', keywords: ['COBOL', 'FLOW-MATIC'] }],
  languages: [{ language: 'Русский', fluency: 'Basic' }],
};

async function text(buffer: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer })).value;
}

describe('renderCvDocx', () => {
  it('writes a Word document with the name, contacts, sections and bullet highlights', async () => {
    const buffer = await renderCvDocx(doc, DEFAULT_CV_LAYOUT);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const out = await text(buffer);
    for (const part of [
      'Grace Hopper',
      'grace@example.com · +1 555 0100',
      'Pioneer of compilers.',
      'Computer Scientist, US Navy',
      '1943 – 1986',
      'Wrote the first compiler',
      'Popularised <COBOL> & friends',
      'PhD, Mathematics, Yale University',
      'Programming: COBOL, FLOW-MATIC',
      'Русский (Basic)',
    ]) {
      expect(out).toContain(part);
    }
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain('<li>Wrote the first compiler</li>');
  });

  it('puts sections in layout order and leaves hidden ones out', async () => {
    const out = await text(
      await renderCvDocx(doc, {
        ...DEFAULT_CV_LAYOUT,
        sectionOrder: ['skills', 'work'],
        hiddenSections: ['education'],
      }),
    );
    expect(out.indexOf('Skills')).toBeLessThan(out.indexOf('Work Experience'));
    expect(out).not.toContain('Yale');
  });

  it('takes the theme accent as a Word colour, short hex included', () => {
    expect(docxColour('#a30')).toBe('AA3300');
    expect(docxColour('#1f4e79')).toBe('1F4E79');
    expect(docxColour('red')).toBeUndefined();
  });
});
