import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ExportsUserData,
  jsonFile,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { Cv } from './entities/cv.entity';
import { CvAiSuggestion } from './entities/cv-ai-suggestion.entity';
import { CvExport } from './entities/cv-export.entity';
import { CvShare } from './entities/cv-share.entity';
import { CvVersionLabel } from './entities/cv-version-label.entity';
import { CvHistory } from './versions/cv-history';

/** Every version a CV can have (its whole history goes into the export). */
const ALL_VERSIONS = 100_000;

/** CVs (deleted ones too, while kept), their version history and labels, shares, exports, AI suggestions. */
@Injectable()
@ExportsUserData()
export class CvUserData implements UserDataExporter {
  readonly name = 'cv';

  constructor(private readonly history: CvHistory) {}

  async export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    const cvs = await em.find(Cv, { ownerId: userId });
    const cvIds = cvs.map((cv) => cv.id);
    const versions: Record<string, unknown> = {};
    for (const id of cvIds) versions[id] = await this.history.page(em, id, ALL_VERSIONS);
    return [
      await rowsFile(em, 'cvs.json', Cv, { ownerId: userId }),
      jsonFile('versions.json', versions),
      await rowsFile(em, 'version-labels.json', CvVersionLabel, { cvId: { $in: cvIds } }),
      await rowsFile(em, 'shares.json', CvShare, { ownerId: userId }),
      await rowsFile(em, 'exports.json', CvExport, { ownerId: userId }),
      await rowsFile(em, 'ai-suggestions.json', CvAiSuggestion, { ownerId: userId }),
    ];
  }
}
