import { Query } from '@nestjs/cqrs';
import type { SocialCalendarDto } from '../../dto/social-insights.dto';

export class CalendarQuery extends Query<SocialCalendarDto> {
  constructor(
    readonly userId: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}
