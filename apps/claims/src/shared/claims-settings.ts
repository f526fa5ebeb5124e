import type { WorkingDayCalendar } from '@santunan/rules';

/** What every claims decision is made with besides its facts (ClaimDecisionContext). */
export interface ClaimsSettings {
  readonly calendar: WorkingDayCalendar;
  readonly makerCheckerThreshold: number;
}
