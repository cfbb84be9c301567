import { HtmlValidate } from 'html-validate';
import { loadConfig } from '@lib/config';
import { EMAIL_LANGUAGES, EmailRenderer, emailTemplates, languagesOf } from '../../mail';
import '../../identity';
import '../notification-catalogue';

/**
 * Every registered template renders in every language it is written in, as
 * HTML that passes the html-validate standard rules and as plain text (whose
 * every rendering is snapshotted, so a wording change shows up in review).
 */
const renderer = new EmailRenderer(
  loadConfig({
    FRONTEND_URL: 'https://app.career-tools.example',
    API_URL: 'https://api.career-tools.example',
    MAIL_POSTAL_ADDRESS: 'Career Tools, 1 Example Street, 10115 Berlin, Germany',
  }),
);

// Email HTML needs the table attributes HTML5 deprecated (align, bgcolor, cellpadding…) and
// MJML writes height="auto" on images: those two rules stay off, every other standard rule is on.
const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  rules: { 'no-deprecated-attr': 'off', 'attribute-allowed-values': 'off' },
});

const TRANSACTIONAL = [
  'welcome',
  'verify-email',
  'password-reset',
  'password-changed',
  'two-factor-changed',
  'new-device-login',
  'account-locked',
  'account-deleted',
  'subscription-confirmed',
  'subscription-cancelled',
  'payment-failed',
  'receipt',
  'team-invitation',
];
const UNSUBSCRIBE = 'https://api.career-tools.example/v1/unsubscribe/sample-token';

describe('email templates', () => {
  const all = emailTemplates();

  it('include every template the brief asks for, the transactional ones in en, de, es and fr', () => {
    const ids = all.map(([id]) => id);
    for (const id of [...TRANSACTIONAL, 'job-alert-daily', 'job-alert-weekly', 'newsletter']) {
      expect(ids).toContain(id);
    }
    for (const id of TRANSACTIONAL) {
      expect(languagesOf(all.find(([t]) => t === id)![1])).toEqual([...EMAIL_LANGUAGES]);
    }
  });

  for (const [id, definition] of emailTemplates()) {
    for (const language of languagesOf(definition)) {
      it(`${id} (${language}) renders valid HTML and a text part`, async () => {
        const email = await renderer.renderById(id, definition.sample, {
          language,
          unsubscribeUrl: UNSUBSCRIBE,
        });
        expect(email.language).toBe(language);
        expect(email.subject.length).toBeGreaterThan(0);
        expect(email.html).toContain(`lang="${language}"`);
        expect(email.html).toContain('1 Example Street');
        expect(email.html).toContain('https://app.career-tools.example/settings/notifications');
        expect(email.html).toContain('https://app.career-tools.example/logo.png');
        const report = await validator.validateString(email.html);
        expect(
          report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
        ).toEqual([]);
        expect(email.text).not.toMatch(/<[a-z]/i);
        if (definition.bulk) {
          expect(email.headers).toEqual({
            'List-Unsubscribe': `<${UNSUBSCRIBE}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          });
          expect(email.text).toContain(UNSUBSCRIBE);
        } else {
          expect(email.headers).toEqual({});
        }
        expect(`Subject: ${email.subject}\n\n${email.text}`).toMatchSnapshot();
      });
    }
  }

  it('falls back to English for a language it is not written in, and reads language tags', async () => {
    const sample = { name: 'Ada', link: 'https://app.career-tools.example/x', hours: 48 };
    expect(
      (await renderer.renderById('verify-email', sample, { language: 'pt-BR' })).language,
    ).toBe('en');
    expect(
      (await renderer.renderById('verify-email', sample, { language: 'de-AT' })).language,
    ).toBe('de');
    expect((await renderer.renderById('verify-email', sample, {})).language).toBe('en');
  });

  it('escapes what the data says in HTML and keeps it verbatim in text', async () => {
    const email = await renderer.renderById('verify-email', {
      name: '<script>alert(1)</script>',
      link: 'https://app.career-tools.example/verify-email?token=a&b=c',
      hours: 1,
    });
    expect(email.html).not.toContain('<script>alert(1)</script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain(
      'href="https://app.career-tools.example/verify-email?token=a&amp;b=c"',
    );
    expect(email.text).toContain('Hi <script>alert(1)</script>,');
  });
});
