import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CoverLetter } from '../cover-letters';
import { Cv, findOwnCv, type CvActor } from '../cv';
import type { TeamDocumentType } from './entities/team-document-share.entity';
import { teamsProblems } from './teams.problems';

const notYours = () =>
  teamsProblems.problem('teams.document_not_found', 'No such CV or cover letter of yours.');

/** The documents teams point at, read through the CV and cover-letter modules' entities. */
@Injectable()
export class TeamDocuments {
  /** The title of the actor's own document; 404 for anyone else's. */
  async ownTitle(
    em: EntityManager,
    actor: CvActor,
    type: TeamDocumentType,
    id: string,
  ): Promise<string> {
    if (type === 'cv') {
      try {
        return (await findOwnCv(em, actor, id, 'update')).title;
      } catch {
        throw notYours();
      }
    }
    const letter = await em.findOne(CoverLetter, { id, ownerId: actor.userId });
    if (!letter) throw notYours();
    return letter.title;
  }

  /** Titles of live documents by `type:id`; deleted ones are absent. */
  async titles(
    em: EntityManager,
    refs: { documentType: TeamDocumentType; documentId: string }[],
  ): Promise<Map<string, string>> {
    const ids = (type: TeamDocumentType) =>
      refs.filter((r) => r.documentType === type).map((r) => r.documentId);
    const [cvs, letters] = await Promise.all([
      em.find(Cv, { id: { $in: ids('cv') }, deletedAt: null }, { fields: ['title'] }),
      em.find(CoverLetter, { id: { $in: ids('cover_letter') } }, { fields: ['title'] }),
    ]);
    return new Map([
      ...cvs.map((cv) => [`cv:${cv.id}`, cv.title] as const),
      ...letters.map((l) => [`cover_letter:${l.id}`, l.title] as const),
    ]);
  }
}
