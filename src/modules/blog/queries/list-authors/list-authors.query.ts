import { Query } from '@nestjs/cqrs';
import type { BlogAuthorListDto } from '../../dto/blog-public.dto';

/** Authors with at least one published post. */
export class ListAuthorsQuery extends Query<BlogAuthorListDto> {}
