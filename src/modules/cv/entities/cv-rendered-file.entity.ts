import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A rendered file in the `cv-files` bucket (`exports/<hash>.<ext>`) and whose
 * content it is. Storage cannot be listed, so this is how erasing an account
 * finds every cached PDF of its CVs. The owner is part of the hash: objects are
 * never shared between accounts.
 */
@Entity({ tableName: 'cv_rendered_files' })
export class CvRenderedFile {
  @PrimaryKey({ type: 'text' })
  storageKey!: string;

  @Property({ type: 'uuid', index: true })
  ownerId!: string;

  @Property({ type: 'uuid' })
  cvId!: string;

  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
