import { Command } from '@nestjs/cqrs';
import type { ClientEventsAcceptedDto, ClientEventDto } from '../../dto/client-events.dto';

/** Client events (page views, UI interactions) of one visitor, validated against the catalogue. */
export class RecordClientEventsCommand extends Command<ClientEventsAcceptedDto> {
  constructor(
    readonly userId: string | null,
    readonly clientId: string | undefined,
    readonly consented: boolean,
    readonly events: ClientEventDto[],
  ) {
    super();
  }
}
