import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { CvLayout } from '../../cv';

/** A CV layout (template, theme, sections) saved for the whole team. */
@Entity({ tableName: 'team_templates' })
@Index({ properties: ['teamId', 'createdAt'] })
export class TeamTemplate {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  teamId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'json' })
  layout!: CvLayout;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
