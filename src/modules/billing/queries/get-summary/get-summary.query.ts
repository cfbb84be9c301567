/** Admin: MRR and counts by plan. */
export class GetBillingSummaryQuery {}
