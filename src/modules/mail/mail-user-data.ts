import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  emailOf,
  ExportsUserData,
  jsonFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { MailMessage } from './entities/mail-message.entity';

/**
 * Mail sent to the user's current address (the outbox keeps every message): sender,
 * subject, the stored text (live links in it already redacted), status and dates. Never
 * the sealed original body, nor other recipients of a message.
 */
@Injectable()
@ExportsUserData()
export class MailUserData implements UserDataExporter {
  readonly name = 'mail';

  async export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    const email = await emailOf(em, userId);
    const ids = email
      ? await em.execute<{ id: string }[]>(
          'select id from mail_messages where recipients @> ?::jsonb',
          [JSON.stringify([email])],
        )
      : [];
    const messages = await em.find(
      MailMessage,
      { id: { $in: ids.map((r) => r.id) } },
      { orderBy: { createdAt: 'asc' } },
    );
    return [
      jsonFile(
        'messages.json',
        messages.map((m) => ({
          id: m.id,
          from: m.fromAddress,
          to: email,
          subject: m.subject,
          template: m.template ?? null,
          text: m.text,
          status: m.status,
          createdAt: m.createdAt,
          sentAt: m.sentAt ?? null,
        })),
      ),
    ];
  }
}
