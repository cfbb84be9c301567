import { Problem } from '@lib/problems';
import { CURSOR_FIELD, cursorPage, decodeCursor, encodeCursor, newestFirst } from './pagination';

const shapes = { createdAt: CURSOR_FIELD.isoDate, id: CURSOR_FIELD.uuid };

describe('cursor pagination', () => {
  it('round-trips a position', () => {
    const position = newestFirst.position({
      createdAt: new Date('2026-11-26T01:02:03.004Z'),
      id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    });
    expect(decodeCursor(encodeCursor(position), shapes)).toEqual(position);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    [
      'a date that is no date',
      encodeCursor({ createdAt: 'yesterday', id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }),
    ],
    [
      'an id that is no uuid',
      encodeCursor({ createdAt: '2026-11-26T01:02:03.004Z', id: "1' or '1'='1" }),
    ],
    ['a missing field', encodeCursor({ createdAt: '2026-11-26T01:02:03.004Z' })],
  ])('refuses %s with a 400 problem', (_case, cursor) => {
    expect(() => decodeCursor(cursor, shapes)).toThrow(Problem);
    expect(() => decodeCursor(cursor, shapes)).toThrow('The cursor is not valid');
  });

  it('refuses a sequence cursor that is not a number', () => {
    expect(() => decodeCursor(encodeCursor({ seq: '1; drop' }), { seq: CURSOR_FIELD.seq })).toThrow(
      Problem,
    );
  });

  it('pages limit+1 rows into items and a cursor only when more rows exist', () => {
    const rows = [{ n: 3 }, { n: 2 }, { n: 1 }];
    const full = cursorPage(
      rows,
      2,
      (r) => r.n,
      (last) => ({ seq: String(last.n) }),
    );
    expect(full.items).toEqual([3, 2]);
    expect(decodeCursor(full.nextCursor!, { seq: CURSOR_FIELD.seq })).toEqual({ seq: '2' });
    expect(
      cursorPage(
        rows.slice(0, 2),
        2,
        (r) => r.n,
        () => ({}),
      ).nextCursor,
    ).toBeNull();
  });
});
