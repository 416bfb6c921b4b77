import { decodeCursor, encodeCursor } from './audit-cursor.js';

describe('audit cursor', () => {
  it('round-trips', () => {
    const cursor = { occurredAt: new Date('2026-11-22T10:00:00.123Z'), id: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'garbage', Buffer.from('not-a-date|0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10').toString('base64url'), Buffer.from('2026-11-22T10:00:00Z|x').toString('base64url')])(
    'rejects %p',
    (value) => expect(decodeCursor(value)).toBeNull(),
  );
});
