export interface AuditCursor {
  occurredAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque keyset position (newest first): the last item's time and id. */
export function encodeCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.occurredAt.toISOString()}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(value: string): AuditCursor | null {
  const [time, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const occurredAt = new Date(time);
  if (rest.length > 0 || !id || !UUID.test(id) || Number.isNaN(occurredAt.getTime())) return null;
  return { occurredAt, id };
}
