import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@lib/event-store';
import {
  ExportsUserData,
  jsonFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { AuditEventDto } from './dto/audit.dto';

const PAGE = 1000;

/** Every audit event whose personal data is the user's (their sign-ins, changes, sessions…), oldest first. */
@Injectable()
@ExportsUserData()
export class AuditUserData implements UserDataExporter {
  readonly name = 'audit';

  constructor(private readonly audit: AuditLog) {}

  async export(userId: string, _em: EntityManager): Promise<UserDataFile[]> {
    const events: AuditEventDto[] = [];
    let beforeSeq: string | undefined;
    for (;;) {
      const page = await this.audit.find({ subject: userId, beforeSeq, limit: PAGE });
      events.push(...page.map((event) => AuditEventDto.from(event)));
      if (page.length < PAGE) break;
      beforeSeq = page.at(-1)!.seq;
    }
    return [jsonFile('events.json', events.reverse())];
  }
}
