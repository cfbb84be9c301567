import { DomainEvent, DomainEventType } from '@lib/event-store';

export const FILE_STREAM = 'file';

/** Every file event belongs to the uploader: personal data in it is sealed with their key. */
abstract class FileEvent<P extends { userId: string }> extends DomainEvent<P> {
  override get dataSubject(): string {
    return this.payload.userId;
  }
}

export type FileRejectReason = 'infected' | 'unprocessable' | 'upload_lost';

@DomainEventType('files.file_uploaded')
export class FileUploaded extends FileEvent<{
  userId: string;
  kind: string;
  mimeType: string;
  size: number;
  checksum: string;
}> {
  constructor(fileId: string, payload: FileUploaded['payload']) {
    super(FILE_STREAM, fileId, payload);
  }
}

@DomainEventType('files.file_ready')
export class FileReady extends FileEvent<{
  userId: string;
  scanner: string;
  variants: string[];
}> {
  constructor(fileId: string, payload: FileReady['payload']) {
    super(FILE_STREAM, fileId, payload);
  }
}

@DomainEventType('files.file_rejected')
export class FileRejected extends FileEvent<{
  userId: string;
  reason: FileRejectReason;
  signature: string | null;
}> {
  constructor(fileId: string, payload: FileRejected['payload']) {
    super(FILE_STREAM, fileId, payload);
  }
}

/** An upload carried malware; the object is already deleted from storage. */
@DomainEventType('security.malware_detected', { personal: ['originalName'] })
export class MalwareDetected extends FileEvent<{
  userId: string;
  signature: string;
  checksum: string;
  originalName: string;
}> {
  constructor(fileId: string, payload: MalwareDetected['payload']) {
    super(FILE_STREAM, fileId, payload);
  }
}

@DomainEventType('files.file_deleted')
export class FileDeleted extends FileEvent<{ userId: string }> {
  constructor(fileId: string, payload: { userId: string }) {
    super(FILE_STREAM, fileId, payload);
  }
}
