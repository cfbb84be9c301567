import { DomainEvent, DomainEventType } from '@lib/event-store';

export const DATA_EXPORT_STREAM = 'data-export';

/** An event on an export's stream; its personal data belongs to the exported user. */
abstract class DataExportEvent<P extends { userId: string }> extends DomainEvent<P> {
  constructor(exportId: string, payload: P) {
    super(DATA_EXPORT_STREAM, exportId, payload);
  }
  override get dataSubject(): string {
    return this.payload.userId;
  }
}

/** A user's data export was asked for, by them or by an admin (`requestedBy`). */
@DomainEventType('data_export.requested')
export class DataExportRequested extends DataExportEvent<{ userId: string; requestedBy: string }> {}

/** The export's ZIP is stored and its link emailed to the user. */
@DomainEventType('data_export.ready')
export class DataExportReady extends DataExportEvent<{
  userId: string;
  size: number;
  modules: string[];
  expiresAt: string;
}> {}
