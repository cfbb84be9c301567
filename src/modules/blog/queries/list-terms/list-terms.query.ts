import { Query } from '@nestjs/cqrs';
import type { BlogTermListDto } from '../../dto/blog-public.dto';
import type { TermKind } from '../../commands/save-term/save-term.command';

/** Every category or tag with its count of published posts, by name. */
export class ListTermsQuery extends Query<BlogTermListDto> {
  constructor(readonly kind: TermKind) {
    super();
  }
}
