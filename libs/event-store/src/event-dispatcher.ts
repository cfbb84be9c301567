import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { DomainEvent } from './domain-event';
import { EventJobs } from './event-jobs';
import { HANDLES_EVENT, HANDLES_EVENT_IN_JOB, type DomainEventHandler } from './event-handler';

/** One @HandlesEvent provider; `name` (its class name) identifies its deliveries and jobs. */
export interface RegisteredHandler {
  name: string;
  handler: DomainEventHandler;
  inJob: boolean;
}

/**
 * Knows every @HandlesEvent provider and delivers an event to one of them at a
 * time, so that each (event, handler) delivery succeeds or fails on its own.
 * Nest's CQRS EventBus does not await async handlers, so a failure could not
 * be retried; here the caller records it (EventPublisher).
 */
@Injectable()
export class EventDispatcher implements OnApplicationBootstrap {
  private readonly handlers = new Map<string, RegisteredHandler[]>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly jobs: EventJobs,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as DomainEventHandler | undefined;
      const metatype = wrapper.metatype;
      if (!instance || !metatype) continue;
      const types = this.reflector.get<string[] | undefined>(HANDLES_EVENT, metatype);
      const inJob =
        this.reflector.get<boolean | undefined>(HANDLES_EVENT_IN_JOB, metatype) ?? false;
      for (const type of types ?? []) {
        const list = this.handlers.get(type) ?? [];
        const name = instance.constructor.name;
        const same = list.find((h) => h.name === name);
        if (same?.handler.constructor === metatype) continue;
        if (same) throw new Error(`Two handlers of ${type} are named ${name}; deliveries need one`);
        list.push({ name, handler: instance, inJob });
        this.handlers.set(type, list);
      }
    }
  }

  handlersOf(type: string): RegisteredHandler[] {
    return this.handlers.get(type) ?? [];
  }

  handlerNamed(type: string, name: string): RegisteredHandler | undefined {
    return this.handlersOf(type).find((h) => h.name === name);
  }

  /** Runs the handler now, or for a @HandlesEventInJob handler enqueues its job. */
  async deliver(event: DomainEvent, to: RegisteredHandler): Promise<void> {
    if (to.inJob) await this.jobs.enqueue(event.eventId!, to.name);
    else await to.handler.handle(event);
  }
}
