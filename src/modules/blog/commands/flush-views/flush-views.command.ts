import { Command } from '@nestjs/cqrs';

/** Writes the views counted in Redis to PostgreSQL; answers how many. */
export class FlushViewsCommand extends Command<number> {}
