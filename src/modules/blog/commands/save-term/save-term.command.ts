import { Command } from '@nestjs/cqrs';
import type { BlogTermDto } from '../../dto/blog-public.dto';

export type TermKind = 'category' | 'tag';

/** Creates a category or tag (`id` undefined) or changes one. */
export class SaveTermCommand extends Command<BlogTermDto> {
  constructor(
    readonly kind: TermKind,
    readonly id: string | undefined,
    readonly input: { name?: string; slug?: string; description?: string },
  ) {
    super();
  }
}
