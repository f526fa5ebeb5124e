// The claims read models and the tables each alone writes, for `npm run audit -- replay claims`.
import { ClaimTimelineProjection } from './claim-detail/claim-timeline.projection';
import { claimsCalendar } from './config/claims-config';
import { WorkQueueProjection } from './work-queue/work-queue.projection';

/** `extraHolidays`: the service's CLAIMS_EXTRA_HOLIDAYS, so SLA due dates come out the same. */
export function claimsReadModels(extraHolidays: readonly string[] = []) {
  return {
    readModels: [
      {
        projection: new WorkQueueProjection(claimsCalendar(extraHolidays)),
        tables: ['claim_work_queue'],
      },
      {
        projection: new ClaimTimelineProjection(),
        tables: ['claim_timeline', 'claim_timeline_entitlements'],
      },
    ],
  };
}
