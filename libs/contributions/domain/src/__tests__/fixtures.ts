import type {
  ContributionAccountEvent,
  ContributionSector,
  SponsorProgramEvent,
} from '@santunan/contracts';
import type { IsoDate, IsoMonth } from '@santunan/domain-kernel';
import { indonesianWorkingDayCalendar, type WorkingDayCalendar } from '@santunan/rules';
import { deciderSpec } from '@santunan/testing';
import type {
  ContributionAccountCommand,
  ContributionAccountContext,
  OpenContributionAccount,
  StartSponsorship,
} from '../contribution-account/contribution-account.commands';
import { decideContributionAccount } from '../contribution-account/contribution-account.decide';
import {
  evolveContributionAccount,
  initialContributionAccountState,
  type ContributionAccountState,
} from '../contribution-account/contribution-account.state';
import { DEFAULT_CONTRIBUTION_POLICY } from '../contribution-account/contribution-policy';
import type {
  SponsorProgramCommand,
  SponsorProgramContext,
} from '../sponsor-program/sponsor-program.commands';
import { decideSponsorProgram } from '../sponsor-program/sponsor-program.decide';
import {
  evolveSponsorProgram,
  initialSponsorProgramState,
  type SponsorProgramState,
} from '../sponsor-program/sponsor-program.state';

export const calendar: WorkingDayCalendar = (() => {
  const result = indonesianWorkingDayCalendar();
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
})();

export const accountContext = (today: IsoDate): ContributionAccountContext => ({
  today,
  calendar,
  policy: DEFAULT_CONTRIBUTION_POLICY,
});

export const programContext = (today: IsoDate): SponsorProgramContext => ({ today, calendar });

export const accountSpec = (today: IsoDate) =>
  deciderSpec({
    decide: (command: ContributionAccountCommand, state: ContributionAccountState) =>
      decideContributionAccount(command, state, accountContext(today)),
    evolve: evolveContributionAccount,
    initialState: initialContributionAccountState,
  });

export const programSpec = (today: IsoDate) =>
  deciderSpec({
    decide: (command: SponsorProgramCommand, state: SponsorProgramState) =>
      decideSponsorProgram(command, state, programContext(today)),
    evolve: evolveSponsorProgram,
    initialState: initialSponsorProgramState,
  });

/** A step of history: a command decided on a given day. */
export type Dated<Command> = readonly [today: IsoDate, command: Command];

/** The events a sequence of accepted commands leaves (setup for given/when/then). */
export function accountHistory(
  steps: readonly Dated<ContributionAccountCommand>[],
  from: readonly ContributionAccountEvent[] = [],
): ContributionAccountEvent[] {
  let state = from.reduce(evolveContributionAccount, initialContributionAccountState());
  const events = [...from];
  for (const [today, command] of steps) {
    const decision = decideContributionAccount(command, state, accountContext(today));
    if (!decision.ok) {
      throw new Error(
        `setup ${command.type} rejected: ${decision.rejection.code} ${decision.rejection.message}`,
      );
    }
    events.push(...decision.events);
    state = decision.events.reduce(evolveContributionAccount, state);
  }
  return events;
}

export function programHistory(
  steps: readonly Dated<SponsorProgramCommand>[],
  from: readonly SponsorProgramEvent[] = [],
): SponsorProgramEvent[] {
  let state = from.reduce(evolveSponsorProgram, initialSponsorProgramState());
  const events = [...from];
  for (const [today, command] of steps) {
    const decision = decideSponsorProgram(command, state, programContext(today));
    if (!decision.ok) {
      throw new Error(
        `setup ${command.type} rejected: ${decision.rejection.code} ${decision.rejection.message}`,
      );
    }
    events.push(...decision.events);
    state = decision.events.reduce(evolveSponsorProgram, state);
  }
  return events;
}

export const accountStateOf = (
  events: readonly ContributionAccountEvent[],
): ContributionAccountState =>
  events.reduce(evolveContributionAccount, initialContributionAccountState());

export const programStateOf = (events: readonly SponsorProgramEvent[]): SponsorProgramState =>
  events.reduce(evolveSponsorProgram, initialSponsorProgramState());

/** The NTT pekerja rentan program of the rules reference: APBD, floor income, all of 2026. */
export const NTT_PROGRAM = {
  type: 'OpenSponsorProgram',
  programId: 'ntt-2026',
  name: 'Bantuan iuran pekerja rentan Provinsi NTT 2026',
  sponsorType: 'province',
  pksNumber: 'PKS/53/BPJSTK/2025/117',
  budget: 10_080_000_000,
  firstMonth: '2026-01',
  lastMonth: '2026-12',
} as const satisfies SponsorProgramCommand;

export const FLOOR_CONTRIBUTION = { jkk: 10_000, jkm: 6_800, total: 16_800 } as const;
export const DISCOUNTED_CONTRIBUTION = { jkk: 5_000, jkm: 3_400, total: 8_400 } as const;

/** A self-paying worker's account opened at the floor income (Rp1,000,000). */
export const openSelfPayingAccount = (
  sector: ContributionSector,
  incomeEffectiveFrom: IsoMonth = '2026-01',
): OpenContributionAccount => ({
  type: 'OpenContributionAccount',
  participantId: 'p-1',
  sector,
  declaredIncome: 1_000_000,
  incomeEffectiveFrom,
  membership: { kind: 'self-paying' },
});

/** A worker's account opened under the NTT program: sector 'other', floor income from January 2026. */
export const openNttSponsoredAccount = (participantId = 'p-1'): OpenContributionAccount => ({
  type: 'OpenContributionAccount',
  participantId,
  sector: 'other',
  declaredIncome: 1_000_000,
  incomeEffectiveFrom: '2026-01',
  membership: { kind: 'sponsored', programId: 'ntt-2026' },
});

/** The NTT program's APBD sponsorship of an account at the floor contribution, to December 2026. */
export const nttSponsorship = (fromMonth = '2026-01'): StartSponsorship => ({
  type: 'StartSponsorship',
  programId: 'ntt-2026',
  payerType: 'apbd',
  fromMonth,
  toMonth: '2026-12',
  contribution: FLOOR_CONTRIBUTION,
});

/** The history steps of an account the NTT program sponsors, opened and started on `day`. */
export const nttSponsoredAccountSteps = (
  day: IsoDate,
  { participantId = 'p-1', fromMonth = '2026-01' } = {},
): Dated<ContributionAccountCommand>[] => [
  [day, openNttSponsoredAccount(participantId)],
  [day, nttSponsorship(fromMonth)],
];
