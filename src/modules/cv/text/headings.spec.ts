import { RESUME_SECTIONS } from '../domain/resume';
import { CV_WORD_LANGUAGES, cvWords, headingSection } from './headings';

describe('section headings', () => {
  it.each(CV_WORD_LANGUAGES)('recognises every heading the renderer writes in %s', (language) => {
    const words = cvWords(language);
    for (const section of RESUME_SECTIONS) expect(headingSection(words[section])).toBe(section);
    expect(headingSection(words.summary)).toBe('summary');
  });

  it('recognises synonyms, decorated and combined headings', () => {
    expect(headingSection('## Professional Experience:')).toBe('work');
    expect(headingSection('FORMACIÓN ACADÉMICA')).toBe('education');
    expect(headingSection('Skills & Tools')).toBe('skills');
    expect(headingSection('Honours and awards')).toBe('awards');
    expect(headingSection('Licences')).toBe('certificates');
    expect(headingSection('Built the invoicing API')).toBeUndefined();
    expect(headingSection('Python, Java')).toBeUndefined();
  });
});
