import { Query } from '@nestjs/cqrs';

/** What verifying the audit hash chain found. */
export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstBroken?: {
    id: string;
    seq: string;
    streamType: string;
    streamId: string;
    type: string;
    /** `anchor_mismatch`: the event differs from what a signed anchor pinned for its seq. */
    reason: 'hash_mismatch' | 'chain_broken' | 'anchor_mismatch';
  };
  /** The chain ends before the newest signed checkpoint: events were cut from the tail. */
  truncated?: { anchoredSeq: string; lastSeq: string | null };
  /** The anchors could not be trusted (unsigned, edited) or the start anchor is missing. */
  anchorProblem?: string;
  /** The newest checkpoint the verification compared against, if any. */
  anchoredSeq?: string;
}

export class VerifyChainQuery extends Query<ChainVerification> {}
