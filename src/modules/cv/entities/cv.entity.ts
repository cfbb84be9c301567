import { cloneJson } from '../domain/clone-json';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import { AggregateRoot } from '@lib/event-store';
import { diffStates, summarisePatch, type CvState, type JsonPatch } from '../domain/cv-state';
import type { CvLayout, ResumeDocument } from '../domain/resume';
import {
  CvCreated,
  CvDeleted,
  CvTransferred,
  CvRestored,
  CvShared,
  CvShareRevoked,
  CvUpdated,
  CvVersionLabelled,
  type CvSource,
  type CvVersionCopy,
} from '../events/cv.events';

const CREATED_SUMMARY: Record<CvSource, string> = {
  blank: 'Created',
  'json-resume': 'Imported from JSON Resume',
  duplicate: 'Copied from another CV',
  file: 'Imported from an uploaded file',
};

/**
 * A CV: a JSON Resume document plus how it is laid out. The row holds the
 * current state for fast reads; its history is the patches carried by the
 * version events, from which any version is rebuilt.
 */
@Entity({ tableName: 'cvs' })
@Index({ properties: ['ownerId', 'createdAt'] })
export class Cv extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  ownerId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'json' })
  document!: ResumeDocument;

  @Property({ type: 'json' })
  layout!: CvLayout;

  /** Number of the current version; the ETag. */
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt?: Date | null;

  static create(ownerId: string, state: CvState, source: CvSource, sourceCvId?: string): Cv {
    const cv = new Cv();
    cv.ownerId = ownerId;
    cv.version = 1;
    cv.assign(state);
    const patch = diffStates(null, state);
    cv.raise(
      new CvCreated(cv.id, {
        ownerId,
        version: 1,
        patch,
        summary: CREATED_SUMMARY[source],
        source,
        ...(sourceCvId ? { sourceCvId } : {}),
      }),
    );
    return cv;
  }

  get state(): CvState {
    return { title: this.title, document: this.document, layout: this.layout };
  }

  /** Makes `next` the new version; a change that changes nothing makes no version. */
  change(next: CvState): JsonPatch {
    const patch = diffStates(this.state, next);
    if (patch.length === 0) return patch;
    this.nextVersion(next);
    this.raise(
      new CvUpdated(this.id, {
        ownerId: this.ownerId,
        version: this.version,
        patch,
        summary: summarisePatch(patch),
      }),
    );
    return patch;
  }

  /** A new version whose state equals an earlier one (always a new version, even if unchanged). */
  restore(version: number, earlier: CvState): void {
    const patch = diffStates(this.state, earlier);
    this.nextVersion(earlier);
    this.raise(
      new CvRestored(this.id, {
        ownerId: this.ownerId,
        version: this.version,
        restoredFrom: version,
        patch,
        summary: `Restored version ${version}`,
      }),
    );
  }

  labelVersion(version: number, label: string): void {
    this.raise(new CvVersionLabelled(this.id, { ownerId: this.ownerId, version, label }));
  }

  shared(share: { id: string; visibility: 'public' | 'password'; expiresAt?: Date | null }): void {
    this.raise(
      new CvShared(this.id, {
        ownerId: this.ownerId,
        shareId: share.id,
        visibility: share.visibility,
        expiresAt: share.expiresAt?.toISOString() ?? null,
      }),
    );
  }

  shareRevoked(shareId: string): void {
    this.raise(new CvShareRevoked(this.id, { ownerId: this.ownerId, shareId }));
  }

  /**
   * Hands the CV to another account; its versions and links stay, and `versions`
   * (all of them, oldest first) are copied under the new owner's key.
   */
  transferTo(newOwnerId: string, versions: CvVersionCopy[]): void {
    if (newOwnerId === this.ownerId) return;
    const previousOwnerId = this.ownerId;
    this.ownerId = newOwnerId;
    this.raise(new CvTransferred(this.id, { ownerId: newOwnerId, previousOwnerId, versions }));
  }

  delete(at = new Date()): void {
    if (this.deletedAt) return;
    this.deletedAt = at;
    this.raise(new CvDeleted(this.id, { ownerId: this.ownerId, reason: 'deleted' }));
  }

  private nextVersion(state: CvState): void {
    this.assign(state);
    this.version += 1;
    this.updatedAt = new Date();
  }

  private assign(state: CvState): void {
    // Copies, so that later edits of the caller's objects never leak into the entity.
    this.title = state.title;
    this.document = cloneJson(state.document);
    this.layout = cloneJson(state.layout);
  }
}
