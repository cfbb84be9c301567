import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

export const DATA_EXPORT_STATUSES = ['queued', 'building', 'ready', 'failed', 'expired'] as const;
export type DataExportStatus = (typeof DATA_EXPORT_STATUSES)[number];

/**
 * One GDPR data export of a user: a ZIP of every module's data for them, kept in
 * the private `data-exports` bucket (`storageKey`) until `expiresAt`, then deleted.
 */
@Entity({ tableName: 'data_exports' })
@Index({ properties: ['userId', 'createdAt'] })
@Index({ properties: ['expiresAt'] })
export class DataExport {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  /** Who asked: the user, or an admin acting on a request received another way. */
  @Property({ type: 'uuid' })
  requestedBy!: string;

  @Property({ type: 'text' })
  status: DataExportStatus = 'queued';

  @Property({ type: 'text', nullable: true })
  storageKey?: string | null;

  @Property({ type: 'integer', nullable: true })
  size?: number | null;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  /** When the ZIP is deleted (set once it is ready). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt?: Date | null;
}
