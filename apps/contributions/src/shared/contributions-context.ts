import {
  DEFAULT_CONTRIBUTION_POLICY,
  type ContributionAccountContext,
  type ContributionPolicy,
  type SponsorProgramContext,
} from '@santunan/contributions-domain';
import type { Clock } from '@santunan/platform';
import { indonesianWorkingDayCalendar, type WorkingDayCalendar } from '@santunan/rules';

/** What every decision is given from outside: today's date, working days, the policy. */
export class ContributionsContext {
  readonly calendar: WorkingDayCalendar;

  constructor(
    readonly clock: Clock,
    readonly policy: ContributionPolicy = DEFAULT_CONTRIBUTION_POLICY,
  ) {
    const calendar = indonesianWorkingDayCalendar();
    if (!calendar.ok) throw new Error(`no working-day calendar: ${calendar.error.message}`);
    this.calendar = calendar.value;
  }

  today(): string {
    return this.clock.today();
  }

  program(): SponsorProgramContext {
    return { today: this.clock.today(), calendar: this.calendar };
  }

  account(): ContributionAccountContext {
    return { today: this.clock.today(), calendar: this.calendar, policy: this.policy };
  }
}
