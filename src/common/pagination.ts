import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
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

/** Decodes a cursor made by encodeCursor; a tampered one is a 400, not a 500. */
export function decodeCursor<K extends string>(cursor: string, keys: K[]): Record<K, string> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    if (keys.every((k) => typeof value[k] === 'string')) return value as Record<K, string>;
  } catch {
    // fall through
  }
  throw Problem.badRequest('pagination.invalid_cursor', 'The cursor is not valid');
}

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
