import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A name for one version, e.g. "sent to ACME, 2026-11-20" (the event store keeps every change of it). */
@Entity({ tableName: 'cv_version_labels' })
export class CvVersionLabel {
  @PrimaryKey({ type: 'uuid' })
  cvId!: string;

  @PrimaryKey({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  label!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  labelledAt: Date = new Date();
}
