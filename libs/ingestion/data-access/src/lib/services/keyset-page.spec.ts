import { decodeCursor, encodeCursor } from './keyset-page';

describe('keyset cursors', () => {
  const id = '0b6c1f9e-3c1d-4f7a-9a59-4d1d2f1e8b7a';

  it('should give back the id a cursor was made from', () => {
    expect(decodeCursor(encodeCursor(id))).toBe(id);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('c:42').toString('base64url'),
    Buffer.from(id).toString('base64url'),
  ])('should refuse a cursor that was not made here (%s)', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
