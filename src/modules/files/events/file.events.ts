import { DomainEvent, DomainEventType } from '@lib/event-store';

export const FILE_STREAM = 'file';

export type FileRejectReason = 'infected' | 'unprocessable' | 'upload_lost';

@DomainEventType('files.file_uploaded')
export class FileUploaded extends DomainEvent<{
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
export class FileReady extends DomainEvent<{
  userId: string;
  scanner: string;
  variants: string[];
}> {
  constructor(fileId: string, payload: FileReady['payload']) {
    super(FILE_STREAM, fileId, payload);
  }
}

@DomainEventType('files.file_rejected')
export class FileRejected extends DomainEvent<{
  userId: string;
  reason: FileRejectReason;
  signature: string | null;
}> {
  constructor(fileId: string, payload: FileRejected['payload']) {
    super(FILE_STREAM, fileId, payload);
  }
}

/** An upload carried malware; the object is already deleted from storage. */
@DomainEventType('security.malware_detected')
export class MalwareDetected extends DomainEvent<{
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
export class FileDeleted extends DomainEvent<{ userId: string }> {
  constructor(fileId: string, payload: { userId: string }) {
    super(FILE_STREAM, fileId, payload);
  }
}
