import { Query } from '@nestjs/cqrs';

/** The confirmation page (HTML) for an unsubscribe link, in its user's language. */
export class UnsubscribePageQuery extends Query<string> {
  constructor(readonly token: string) {
    super();
  }
}
