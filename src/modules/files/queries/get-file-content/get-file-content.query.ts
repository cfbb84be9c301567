import { Query } from '@nestjs/cqrs';

/** Resolves to the URL the client is redirected to. */
export class GetFileContentQuery extends Query<{ url: string }> {
  constructor(
    readonly userId: string,
    readonly fileId: string,
    readonly variant?: string,
  ) {
    super();
  }
}
