import { makeExcerpt, plainText, readingMinutes, renderMarkdown } from './markdown';
import { slugify } from './slug';

const HOSTILE = [
  '# Title <script>alert(1)</script>',
  '',
  '<img src="x" onerror="alert(2)"> <img src="https://cdn.example.com/a.png" alt="ok" onload="x()">',
  '',
  '[click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://example.com)',
  '',
  '<a href="JaVaScRiPt:alert(4)" onclick="steal()">mixed case</a>',
  '',
  '<iframe src="https://evil.example"></iframe><object data="x"></object><embed src="y">',
  '',
  '<div style="position:fixed" onmouseover="alert(5)">styled</div><form action="/x"><input name="p"></form>',
  '',
  '<svg onload="alert(6)"><script>alert(7)</script></svg><style>body{display:none}</style>',
  '',
  '```js',
  'const x = "<script>"; // highlighted by the frontend',
  '```',
  '',
  '- [x] done',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
].join('\n');

describe('renderMarkdown', () => {
  it('renders hostile Markdown and HTML inert', () => {
    const html = renderMarkdown(HOSTILE);
    expect(html).not.toMatch(
      /<script|<iframe|<object|<embed|<svg|<style|<form|(href|src)="(javascript|data):/i,
    );
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/style=/i);
    // Links with unsafe schemes stay literal text; GFM task lists are plain text too.
    expect(html).toContain('[click](javascript:alert(3))');
    expect(html).toContain('<li>[x] done</li>');
    expect(html).toMatchSnapshot();
  });

  it('keeps safe formatting, code classes and marks external links', () => {
    const html = renderMarkdown('**b** _i_ `c` [x](https://example.com)\n\n```ts\nlet a = 1;\n```');
    expect(html).toContain('<strong>b</strong>');
    expect(html).toContain('<code class="language-ts">');
    expect(html).toContain('<a href="https://example.com" rel="noopener nofollow ugc">x</a>');
  });
});

describe('text helpers', () => {
  it('derives plain text, reading time, excerpts and slugs', () => {
    expect(plainText('## Hi <b>there</b>\n\nfriend')).toBe('Hi there friend');
    expect(readingMinutes('word '.repeat(690))).toBe(3);
    expect(readingMinutes('')).toBe(1);
    expect(makeExcerpt('a '.repeat(200), 20)).toMatch(/…$/);
    expect(slugify('Ça va? Über CVs & Cover Letters!')).toBe('ca-va-uber-cvs-cover-letters');
    expect(slugify('!!!')).toBe('post');
  });
});
