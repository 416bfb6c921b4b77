/** One page of a cursor-paginated list: `limit` items at most, after the item whose id is `cursor`. */
export interface PageQuery {
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** The cursor of the next page; null on the last one. */
  nextCursor: string | null;
}
