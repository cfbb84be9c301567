import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

/** A member's comment on a document shared with the team; it goes when the share ends. */
@Entity({ tableName: 'team_document_comments' })
@Index({ properties: ['shareId', 'createdAt'] })
@Index({ properties: ['authorId'] })
export class TeamDocumentComment {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  teamId!: string;

  @Property({ type: 'uuid' })
  shareId!: string;

  @Property({ type: 'uuid' })
  authorId!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
