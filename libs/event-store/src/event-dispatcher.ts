import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { DomainEvent } from './domain-event';
import { HANDLES_EVENT, type DomainEventHandler } from './event-handler';

/**
 * Delivers events to every @HandlesEvent provider and waits for them. Nest's
 * CQRS EventBus does not await async handlers, so a failed handler could not
 * be retried; here a failure leaves the event unpublished for the relay.
 */
@Injectable()
export class EventDispatcher implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventDispatcher.name);
  private readonly handlers = new Map<string, DomainEventHandler[]>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as DomainEventHandler | undefined;
      const metatype = wrapper.metatype;
      if (!instance || !metatype) continue;
      const types = this.reflector.get<string[] | undefined>(HANDLES_EVENT, metatype);
      for (const type of types ?? []) {
        const list = this.handlers.get(type) ?? [];
        list.push(instance);
        this.handlers.set(type, list);
      }
    }
  }

  async dispatch(event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) {
      try {
        await handler.handle(event);
      } catch (error) {
        this.logger.error(
          { err: error, eventId: event.eventId, handler: handler.constructor.name },
          `Handler failed for ${event.type}`,
        );
        throw error;
      }
    }
  }
}
