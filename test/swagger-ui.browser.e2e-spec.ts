import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '@lib/providers';
import { TestApp } from '@lib/testing';

/** Admins run the platform from Swagger UI: it must load, authorize and execute a call. */
describe('Swagger UI in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await t.app.getUrl();
    browser = await chromium.launch({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('loads, authorizes with a bearer token and executes an admin call', async () => {
    const token = (await t.adminAuthorization()).replace('Bearer ', '');
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text()))
        blocked.push(msg.text());
    });
    await page.goto(`${baseUrl}/docs`);
    const operation = page.locator('#operations-admin-audit_verify');
    await operation.waitFor({ timeout: 15000 });

    await page
      .getByRole('button', { name: /authorize/i })
      .first()
      .click();
    const bearer = page.locator('.auth-container', { hasText: '(http, Bearer)' });
    await bearer.locator('input').fill(token);
    await bearer.locator('button.authorize').click();
    await page.locator('.btn-done').first().click();

    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: /try it out/i }).click();
    await operation.getByRole('button', { name: /execute/i }).click();
    const status = operation.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor({ timeout: 15000 });
    expect((await status.textContent())?.trim()).toBe('200');
    expect(
      await operation.locator('.live-responses-table .highlight-code').first().textContent(),
    ).toContain('"valid": true');
    expect(blocked).toEqual([]);
  });
});
