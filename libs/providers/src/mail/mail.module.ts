import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '@lib/config';
import { OutboxMailDriver } from './drivers/outbox.driver';
import { ResendMailDriver } from './drivers/resend.driver';
import { SmtpMailDriver } from './drivers/smtp.driver';
import { MAIL_PORT, type MailPort } from './mail.port';

export function createMailDriver(config: AppConfig): MailPort {
  const env = config.env;
  switch (env.MAIL_DRIVER) {
    case 'smtp':
      return new SmtpMailDriver(env.SMTP_URL!, env.MAIL_TIMEOUT_MS);
    case 'resend':
      return new ResendMailDriver(env.RESEND_API_KEY!, env.MAIL_TIMEOUT_MS, env.RESEND_BASE_URL);
    case 'outbox':
      return new OutboxMailDriver(
        config.isProduction ? undefined : join(env.DATA_DIR, 'dev-mailbox'),
      );
  }
}

/** Provides MAIL_PORT with the driver MAIL_DRIVER selects. */
@Module({
  providers: [{ provide: MAIL_PORT, inject: [AppConfig], useFactory: createMailDriver }],
  exports: [MAIL_PORT],
})
export class MailProviderModule {}
