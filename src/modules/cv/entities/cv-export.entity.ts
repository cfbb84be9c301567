import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { CvTemplate, PageSize } from '../domain/resume';

export const EXPORT_FORMATS = ['pdf', 'docx', 'json-resume', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_STATUSES = ['queued', 'rendering', 'ready', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * One requested export of a CV version. The file itself is a content-addressed
 * object in the private `cv-files` bucket (`storageKey`), shared by every export
 * of the same content, so repeating an export renders nothing.
 */
@Entity({ tableName: 'cv_exports' })
@Index({ properties: ['ownerId', 'createdAt'] })
export class CvExport {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  cvId!: string;

  @Property({ type: 'uuid' })
  ownerId!: string;

  @Property({ type: 'integer' })
  cvVersion!: number;

  @Property({ type: 'text' })
  format!: ExportFormat;

  @Property({ type: 'text' })
  template!: CvTemplate;

  @Property({ type: 'text' })
  pageSize!: PageSize;

  @Property({ type: 'text' })
  status: ExportStatus = 'queued';

  @Property({ type: 'smallint' })
  progress = 0;

  /** sha-256 (hex) of what was rendered: document, layout, format and renderer version. */
  @Property({ type: 'text' })
  contentHash!: string;

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

  markReady(storageKey: string, size: number, at = new Date()): void {
    this.status = 'ready';
    this.progress = 100;
    this.storageKey = storageKey;
    this.size = size;
    this.error = null;
    this.completedAt = at;
  }

  markFailed(error: string, at = new Date()): void {
    this.status = 'failed';
    this.error = error.slice(0, 500);
    this.completedAt = at;
  }
}
