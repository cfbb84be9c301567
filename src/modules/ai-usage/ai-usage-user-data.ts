import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ExportsUserData,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { AiCreditBalance } from './entities/ai-credit-balance.entity';
import { AiUsageEntry } from './entities/ai-usage-entry.entity';

/** The user's AI usage (operations, models, token counts) and credit balance. */
@Injectable()
@ExportsUserData()
export class AiUsageUserData implements UserDataExporter {
  readonly name = 'ai-usage';

  export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    return Promise.all([
      rowsFile(em, 'usage.json', AiUsageEntry, { userId }),
      rowsFile(em, 'credits.json', AiCreditBalance, { userId }),
    ]);
  }
}
