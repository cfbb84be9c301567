import { extensionOf, sniffFileType } from './sniff-file-type';

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(
    values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))),
  );

describe('sniffFileType', () => {
  it.each([
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 'JFIF')],
    ['png', bytes(0x89, 'PNG\r\n', 0x1a, '\n', 'IHDR')],
    ['gif', bytes('GIF89a', 1, 0)],
    ['webp', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 ')],
    ['avi', bytes('RIFF', 0, 0, 0, 0, 'AVI LIST')],
    ['pdf', bytes('%PDF-1.7\n')],
    ['mp4', bytes(0, 0, 0, 0x20, 'ftypisom', 0, 0, 2, 0)],
    ['mov', bytes(0, 0, 0, 0x14, 'ftypqt  ', 0, 0, 2, 0)],
    ['docx', bytes('PK', 3, 4, 20, 0, 0, 0, 'word/document.xml')],
    ['svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    [
      'svg',
      Buffer.from(
        '\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg>',
      ),
    ],
  ])('recognises %s', (type, head) => {
    expect(sniffFileType(head)).toBe(type);
  });

  it.each([
    ['an ELF executable', bytes(0x7f, 'ELF', 2, 1, 1)],
    ['a Windows executable', bytes('MZ', 0x90, 0)],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>')],
    ['an SVG doctype with entities', bytes('<!DOCTYPE svg [<!ENTITY a "b">]><svg>&a;</svg>')],
    ['a spreadsheet', bytes('PK', 3, 4, 20, 0, '[Content_Types].xml', 'xl/workbook.xml')],
    ['a plain ZIP', bytes('PK', 3, 4, 20, 0, 'notes.txt')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_what, head) => {
    expect(sniffFileType(head)).toBeUndefined();
  });

  it('reads extensions case-insensitively', () => {
    expect(extensionOf('Me.JPEG')).toBe('jpeg');
    expect(extensionOf('archive.tar.gz')).toBe('gz');
    expect(extensionOf('README')).toBeUndefined();
  });
});
