import { contentDisposition, cvFileName } from './download-name';

describe('CV download names', () => {
  it('builds a file name from the person, without characters headers or file systems reject', () => {
    expect(cvFileName('Jordan Rivera', 'pdf')).toBe('Jordan Rivera CV.pdf');
    expect(cvFileName('  A/B: "C"\r\n<x>; ', 'docx')).toBe('A B C x CV.docx');
    expect(cvFileName(undefined, 'pdf')).toBe('CV.pdf');
    expect(cvFileName('Łukasz Żółć', 'pdf')).toBe('Łukasz Żółć CV.pdf');
  });

  it('encodes the name per RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('Jordan Rivera CV.pdf')).toBe(
      `attachment; filename="Jordan Rivera CV.pdf"; filename*=UTF-8''Jordan%20Rivera%20CV.pdf`,
    );
    expect(contentDisposition("Zoë O'Brien 李 CV.pdf", 'inline')).toBe(
      `inline; filename="Zoe O'Brien _ CV.pdf"; filename*=UTF-8''Zo%C3%AB%20O%27Brien%20%E6%9D%8E%20CV.pdf`,
    );
  });
});
