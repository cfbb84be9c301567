import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ExportsUserData,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { TeamDocumentComment } from './entities/team-document-comment.entity';
import { TeamDocumentShare } from './entities/team-document-share.entity';
import { TeamInvitation } from './entities/team-invitation.entity';
import { TeamMember } from './entities/team-member.entity';
import { Team } from './entities/team.entity';

/** Teams owned, memberships, invitations sent and documents shared (never invitation tokens). */
@Injectable()
@ExportsUserData()
export class TeamsUserData implements UserDataExporter {
  readonly name = 'teams';

  export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    return Promise.all([
      rowsFile(em, 'teams-owned.json', Team, { ownerId: userId }),
      rowsFile(em, 'memberships.json', TeamMember, { userId }),
      rowsFile(em, 'invitations-sent.json', TeamInvitation, { invitedBy: userId }),
      rowsFile(em, 'shared-documents.json', TeamDocumentShare, { sharedBy: userId }),
      rowsFile(em, 'comments.json', TeamDocumentComment, { authorId: userId }),
    ]);
  }
}
