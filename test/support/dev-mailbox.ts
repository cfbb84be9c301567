import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eventually, type TestApp } from '@lib/testing';

export interface DeliveredMail {
  id: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * The copy the outbox driver delivered to the development mailbox
 * (`DATA_DIR/dev-mailbox`): the only place a live link is readable once stored.
 */
export function deliveredCopy(t: TestApp, messageId: string): Promise<DeliveredMail> {
  const path = join(t.config.env.DATA_DIR, 'dev-mailbox', `${messageId}.json`);
  return eventually(async () => {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as DeliveredMail;
    } catch {
      return undefined;
    }
  });
}
