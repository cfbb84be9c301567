import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { Problem } from '@lib/problems';

/** `?cursor=&limit=` for every list endpoint. Limits are clamped by validation (1–100). */
export class CursorQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s nextCursor.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

export function encodeCursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Shapes of cursor fields: anything else in a cursor is tampering. */
export const CURSOR_FIELD = {
  seq: /^\d{1,19}$/,
  isoDate: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
};

/**
 * Decodes a cursor made by encodeCursor, checking every field against its
 * shape, so a tampered cursor is a 400 and never reaches a query.
 */
export function decodeCursor<K extends string>(
  cursor: string,
  fields: Record<K, RegExp>,
): Record<K, string> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const valid = Object.entries<RegExp>(fields).every(
      ([key, shape]) => typeof value[key] === 'string' && shape.test(value[key]),
    );
    if (valid) return value as Record<K, string>;
  } catch {
    // fall through
  }
  throw Problem.badRequest('pagination.invalid_cursor', 'The cursor is not valid');
}

/** Keyset paging newest first on (createdAt, id), for entities that have both. */
export const newestFirst = {
  orderBy: { createdAt: 'desc', id: 'desc' } as const,

  /** Rows older than the cursor's position. */
  after<T extends { createdAt: Date; id: string }>(cursor: string): FilterQuery<T> {
    const position = decodeCursor(cursor, {
      createdAt: CURSOR_FIELD.isoDate,
      id: CURSOR_FIELD.uuid,
    });
    const at = new Date(position.createdAt);
    return {
      $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: position.id } }],
    } as FilterQuery<T>;
  },

  position(this: void, last: { createdAt: Date; id: string }): Record<string, string> {
    return { createdAt: last.createdAt.toISOString(), id: last.id };
  },
};

/**
 * Turns up to `limit + 1` rows (fetch one more than asked) into a page: the
 * extra row only tells that another page exists, and the last row kept
 * becomes the cursor.
 */
export function cursorPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  positionOf: (last: Row) => Record<string, string>,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last)) : null,
  };
}
