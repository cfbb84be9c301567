import { renderEmail } from './render-email';

describe('renderEmail', () => {
  it('escapes user content in the HTML part and keeps the text part readable', () => {
    const email = renderEmail({
      subject: 'Hi',
      greeting: 'Hello <script>alert(1)</script>',
      paragraphs: ['Tom & Jerry'],
      action: { label: 'Open', url: 'https://app.example/x?a=1&b="2"' },
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Hello &#60;script&#62;');
    expect(email.html).toContain('Tom &#38; Jerry');
    expect(email.html).toContain('href="https://app.example/x?a=1&#38;b=&#34;2&#34;"');
    expect(email.text).toContain('Open: https://app.example/x?a=1&b="2"');
  });
});
