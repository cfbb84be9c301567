import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ExportsUserData,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { CoverLetter } from './entities/cover-letter.entity';

/** The user's cover letters. */
@Injectable()
@ExportsUserData()
export class CoverLettersUserData implements UserDataExporter {
  readonly name = 'cover-letters';

  async export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    return [await rowsFile(em, 'cover-letters.json', CoverLetter, { ownerId: userId })];
  }
}
