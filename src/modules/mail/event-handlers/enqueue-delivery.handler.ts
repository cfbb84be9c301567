import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { QUEUES, type SendMailJob } from '@lib/queue';
import { MailMessageQueued } from '../events/mail.events';

/** Queues delivery of a stored message; the job id is the message id, so a redelivered event adds nothing. */
@Injectable()
@HandlesEvent(MailMessageQueued)
export class EnqueueDeliveryHandler implements DomainEventHandler<MailMessageQueued> {
  constructor(@InjectQueue(QUEUES.mail) private readonly queue: Queue<SendMailJob>) {}

  async handle(event: MailMessageQueued): Promise<void> {
    await this.queue.add('send', { messageId: event.streamId }, { jobId: event.streamId });
  }
}
