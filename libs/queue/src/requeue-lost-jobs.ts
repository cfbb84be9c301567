import type { Queue } from 'bull';

export interface RequeueOutcome {
  retried: number;
  enqueued: number;
}

/**
 * For records still waiting on a job whose id is the record's id: a failed job
 * is retried, a missing one (Redis lost it, or it was never added) is added
 * again through `enqueue`. Jobs still waiting or running are left alone.
 */
export async function requeueLostJobs(
  queue: Queue,
  ids: string[],
  enqueue: (id: string) => Promise<unknown>,
): Promise<RequeueOutcome> {
  const outcome: RequeueOutcome = { retried: 0, enqueued: 0 };
  for (const id of ids) {
    const job = await queue.getJob(id);
    if (!job) {
      await enqueue(id);
      outcome.enqueued += 1;
    } else if (await job.isFailed()) {
      await job.retry();
      outcome.retried += 1;
    }
  }
  return outcome;
}
