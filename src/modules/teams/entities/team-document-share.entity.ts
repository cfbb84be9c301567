import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

export const TEAM_DOCUMENT_TYPES = ['cv', 'cover_letter'] as const;
export type TeamDocumentType = (typeof TEAM_DOCUMENT_TYPES)[number];
export const SHARE_PERMISSIONS = ['view', 'edit'] as const;
export type SharePermission = (typeof SHARE_PERMISSIONS)[number];

/**
 * A CV or cover letter its owner shared with a team. Access is checked on
 * every request against this row and the member row: nothing is cached.
 */
@Entity({ tableName: 'team_document_shares' })
@Unique({ properties: ['teamId', 'documentType', 'documentId'] })
@Index({ properties: ['documentType', 'documentId'] })
@Index({ properties: ['sharedBy'] })
export class TeamDocumentShare {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  teamId!: string;

  @Property({ type: 'text' })
  documentType!: TeamDocumentType;

  @Property({ type: 'uuid' })
  documentId!: string;

  /** The member who shared it (the document's owner at the time). */
  @Property({ type: 'uuid' })
  sharedBy!: string;

  @Property({ type: 'text' })
  permission!: SharePermission;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
