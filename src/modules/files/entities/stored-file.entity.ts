import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import { AggregateRoot } from '@lib/event-store';
import type { BucketName } from '@lib/providers';
import type { FileKind } from '../file-kinds';
import {
  FileReady,
  FileRejected,
  FileUploaded,
  MalwareDetected,
  type FileRejectReason,
} from '../events/file.events';

export type FileStatus = 'pending' | 'ready' | 'rejected';

/** Where the content came from: the user's upload, or their OAuth provider's picture. */
export type FileOrigin = 'upload' | 'oauth-picture';

/** A stored rendition of a file (resized image, preview, compressed video...). */
export interface FileVariant {
  key: string;
  mimeType: string;
  size: number;
  width?: number;
  height?: number;
}

/** What processing learned about the content (page count, text, dimensions...). */
export type FileMetadata = Record<string, unknown>;

/**
 * An uploaded file. It waits in the private quarantine bucket (`pending`)
 * until clamd has scanned it; only a clean scan and successful processing
 * put it at `bucket`/`path` and make it `ready`.
 */
@Entity({ tableName: 'files' })
@Index({ properties: ['userId', 'createdAt'] })
export class StoredFile extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  kind!: FileKind;

  /** Name of the stored original inside its folder, e.g. `original.jpg`. */
  @Property({ type: 'text' })
  fileName!: string;

  /** The name the client sent, for display only. */
  @Property({ type: 'text' })
  originalName!: string;

  /** From the content's magic bytes, not from the client. */
  @Property({ type: 'text' })
  mimeType!: string;

  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: 'text' })
  bucket!: BucketName;

  /** Key of the original in its bucket; variants sit next to it. */
  @Property({ type: 'text' })
  path!: string;

  @Property({ type: 'boolean' })
  isPublic!: boolean;

  /** `oauth-picture`: fetched from the provider at sign-up; shown as the avatar once ready. */
  @Property({ type: 'text', default: 'upload' })
  origin: FileOrigin = 'upload';

  @Property({ type: 'text' })
  status: FileStatus = 'pending';

  @Property({ type: 'text', nullable: true })
  rejectReason?: FileRejectReason | null;

  @Property({ type: 'text', nullable: true })
  scanSignature?: string | null;

  /** Which scanner passed it (`clamd`, or `none` where scanning is switched off). */
  @Property({ type: 'text', nullable: true })
  scannedBy?: string | null;

  /** sha-256 of the uploaded bytes, hex. */
  @Property({ type: 'text' })
  checksum!: string;

  @Property({ type: 'json' })
  variants: Record<string, FileVariant> = {};

  @Property({ type: 'json' })
  metadata: FileMetadata = {};

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  uploadedAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  processedAt?: Date | null;

  static upload(fields: {
    userId: string;
    kind: FileKind;
    fileName: string;
    originalName: string;
    mimeType: string;
    size: number;
    bucket: BucketName;
    isPublic: boolean;
    checksum: string;
    id?: string;
    origin?: FileOrigin;
  }): StoredFile {
    const file = new StoredFile();
    const { id, ...rest } = fields;
    Object.assign(file, rest);
    if (id) file.id = id;
    file.path = `${file.userId}/${file.id}/${file.fileName}`;
    file.raise(
      new FileUploaded(file.id, {
        userId: file.userId,
        kind: file.kind,
        mimeType: file.mimeType,
        size: file.size,
        checksum: file.checksum,
      }),
    );
    return file;
  }

  /** Where the upload waits for its scan (private bucket `quarantine`). */
  get quarantineKey(): string {
    return `${this.userId}/${this.id}`;
  }

  /** Folder of the original and its variants. */
  get folder(): string {
    return `${this.userId}/${this.id}`;
  }

  /** Every object key of the file in its bucket: the original and each variant. */
  objectKeys(): string[] {
    return [this.path, ...Object.values(this.variants ?? {}).map((v) => v.key)];
  }

  markReady(
    scannedBy: string,
    stored: { fileName: string; variants: Record<string, FileVariant>; metadata: FileMetadata },
    at = new Date(),
  ): void {
    if (this.status !== 'pending') return;
    this.status = 'ready';
    this.scannedBy = scannedBy;
    this.fileName = stored.fileName;
    this.path = `${this.folder}/${stored.fileName}`;
    this.variants = stored.variants;
    this.metadata = stored.metadata;
    this.processedAt = at;
    this.raise(
      new FileReady(this.id, {
        userId: this.userId,
        scanner: scannedBy,
        variants: Object.keys(stored.variants),
      }),
    );
  }

  /** Malware: recorded on the file and as a security event. */
  markInfected(signature: string, scannedBy: string, at = new Date()): void {
    if (this.status !== 'pending') return;
    this.scanSignature = signature;
    this.scannedBy = scannedBy;
    this.raise(
      new MalwareDetected(this.id, {
        userId: this.userId,
        signature,
        checksum: this.checksum,
        originalName: this.originalName,
      }),
    );
    this.reject('infected', at);
  }

  reject(reason: FileRejectReason, at = new Date()): void {
    if (this.status !== 'pending') return;
    this.status = 'rejected';
    this.rejectReason = reason;
    this.processedAt = at;
    this.raise(
      new FileRejected(this.id, {
        userId: this.userId,
        reason,
        signature: this.scanSignature ?? null,
      }),
    );
  }
}
