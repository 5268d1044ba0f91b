import { AuditException, AuditExceptionCode } from '@spie/audit/domain';

/** An opaque cursor over the audit chain: the seq of the last entry of the page. */
export function encodeSeqCursor(seq: string): string {
  return Buffer.from(`a:${seq}`, 'utf8').toString('base64url');
}

export function decodeSeqCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const seq = decoded.startsWith('a:') ? decoded.slice(2) : '';
  if (!/^[1-9]\d{0,18}$/.test(seq)) {
    throw new AuditException(AuditExceptionCode.InvalidCursor, 'The cursor is not valid');
  }
  return seq;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Rows read with `first + 1`: the page, and whether there is more. */
export function pageOf<T extends { seq: string }>(
  rows: T[],
  first: number,
): { nodes: T[]; pageInfo: PageInfo } {
  const nodes = rows.slice(0, first);
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: nodes.length > 0 ? encodeSeqCursor(nodes[nodes.length - 1].seq) : null,
    },
  };
}
