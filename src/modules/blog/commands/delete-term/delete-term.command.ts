import { Command } from '@nestjs/cqrs';
import type { TermKind } from '../save-term/save-term.command';

export class DeleteTermCommand extends Command<void> {
  constructor(
    readonly kind: TermKind,
    readonly id: string,
  ) {
    super();
  }
}
