import { Command } from '@nestjs/cqrs';
import type { BlogViewDto } from '../../dto/blog-public.dto';

/** A visitor read a post; `visitor` identifies them (account, or IP + user agent). */
export class RecordViewCommand extends Command<BlogViewDto> {
  constructor(
    readonly slug: string,
    readonly visitor: string,
  ) {
    super();
  }
}
