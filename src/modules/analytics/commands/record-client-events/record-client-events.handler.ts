import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { AnalyticsRecorder } from '../../analytics-recorder';
import { analyticsProblems } from '../../analytics.problems';
import { acceptedParams, clientEventProblems } from '../../client-event-catalogue';
import type { ClientEventsAcceptedDto } from '../../dto/client-events.dto';
import { RecordClientEventsCommand } from './record-client-events.command';

/**
 * Validates the whole batch first (nothing is stored when one event is wrong), then
 * stores it with the server's clock; without consent it stores nothing. GA4 gets the
 * events later from the forwarding job, like server-side ones.
 */
@CommandHandler(RecordClientEventsCommand)
export class RecordClientEventsHandler implements ICommandHandler<RecordClientEventsCommand> {
  constructor(private readonly recorder: AnalyticsRecorder) {}

  async execute(command: RecordClientEventsCommand): Promise<ClientEventsAcceptedDto> {
    const clientId = command.clientId ?? command.userId;
    if (!clientId) {
      throw Problem.badRequest('validation.failed', 'An anonymous caller sends its clientId', [
        { path: '$.clientId', message: 'clientId is required when not signed in' },
      ]);
    }
    const errors = clientEventProblems(command.events);
    if (errors.length > 0) {
      throw analyticsProblems.problem(
        'analytics.invalid_event',
        `${errors.length} problem(s) in the events`,
        { errors },
      );
    }
    if (!command.consented) return { stored: 0 };
    const now = new Date();
    await this.recorder.recordClientEvents(
      command.events.map((event) => ({
        name: event.name,
        userId: command.userId,
        clientId,
        properties: acceptedParams(event),
        occurredAt: now,
      })),
    );
    return { stored: command.events.length };
  }
}
