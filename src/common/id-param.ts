import { Param, ParseUUIDPipe } from '@nestjs/common';

/** The `:id` route parameter: our ids are uuidv7; anything else is a 400 before any lookup. */
export const IdParam = (): ParameterDecorator => Param('id', new ParseUUIDPipe({ version: '7' }));
