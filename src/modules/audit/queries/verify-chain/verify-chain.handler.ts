import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  AuditAnchors,
  AuditChainKey,
  GENESIS_HASH,
  hashEvent,
  STORED_EVENT_COLUMNS,
  toRecord,
  type AuditAnchor,
  type StoredEventRow,
} from '@lib/event-store';
import { VerifyChainQuery, type ChainVerification } from './verify-chain.query';

/** Events read per round trip while walking the chain. */
const BATCH = 1000;

@QueryHandler(VerifyChainQuery)
export class VerifyChainHandler implements IQueryHandler<VerifyChainQuery, ChainVerification> {
  constructor(
    private readonly em: EntityManager,
    private readonly chainKey: AuditChainKey,
    private readonly anchors: AuditAnchors,
  ) {}

  /**
   * Walks the whole chain in order and reports the first event that does not
   * hold, then whether the chain still reaches the newest signed checkpoint.
   * Events after the start anchor must carry the keyed hash (HMAC); events up
   * to it may carry the plain sha-256 of before, and the start anchor pins the
   * last of them.
   */
  async execute(): Promise<ChainVerification> {
    const anchors = await this.anchors.read();
    if (!anchors.ok) return { valid: false, checked: 0, anchorProblem: anchors.problem };
    const { start, latest } = anchors;
    const pinned = new Map<string, AuditAnchor>();
    for (const anchor of [start, latest])
      if (anchor && anchor.seq !== '0') pinned.set(anchor.seq, anchor);
    const legacyUntil = start ? BigInt(start.seq) : -1n;

    const em = this.em.fork();
    let prevHash = GENESIS_HASH;
    let afterSeq = '0';
    let checked = 0;
    let lastSeq: string | null = null;
    for (;;) {
      const rows = await em.execute<StoredEventRow[]>(
        `select ${STORED_EVENT_COLUMNS} from event_store where seq > ? order by seq limit ?`,
        [afterSeq, BATCH],
      );
      for (const row of rows) {
        const event = toRecord(row);
        const keyed = this.chainKey.hash(event) === event.hash;
        const reason =
          event.prevHash !== prevHash
            ? 'chain_broken'
            : !keyed && !(BigInt(event.seq) <= legacyUntil && hashEvent(event) === event.hash)
              ? 'hash_mismatch'
              : pinned.has(event.seq) && pinned.get(event.seq)!.hash !== event.hash
                ? 'anchor_mismatch'
                : undefined;
        if (reason) {
          return {
            valid: false,
            checked,
            firstBroken: {
              id: event.id,
              seq: event.seq,
              streamType: event.streamType,
              streamId: event.streamId,
              type: event.type,
              reason,
            },
          };
        }
        checked += 1;
        prevHash = event.hash;
        afterSeq = event.seq;
        lastSeq = event.seq;
      }
      if (rows.length < BATCH) break;
    }
    const result: ChainVerification = { valid: true, checked };
    if (latest) result.anchoredSeq = latest.seq;
    const reach = [start, latest].filter((a): a is AuditAnchor => !!a && a.seq !== '0');
    for (const anchor of reach) {
      if (lastSeq === null || BigInt(lastSeq) < BigInt(anchor.seq)) {
        return { ...result, valid: false, truncated: { anchoredSeq: anchor.seq, lastSeq } };
      }
    }
    if (!start && checked > 0) {
      return { ...result, valid: false, anchorProblem: 'start anchor missing' };
    }
    return result;
  }
}
