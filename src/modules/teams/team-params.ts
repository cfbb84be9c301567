import { Param, ParseUUIDPipe } from '@nestjs/common';

/** A uuidv7 route parameter other than `:id` (members, invitations, shares). */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(name, new ParseUUIDPipe({ version: '7' }));
