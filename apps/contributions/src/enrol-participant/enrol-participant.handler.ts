import type { IsoMonth } from '@santunan/contracts';
import {
  decideContributionAccount,
  decideSponsorProgram,
  sponsorshipStartMonth,
  type Enrolment,
  type SponsorProgramState,
} from '@santunan/contributions-domain';
import { Inject, Injectable } from '@nestjs/common';
import type { CommandMetadata, DomainRejection, Transaction } from '@santunan/platform';
import { ContributionAccounts } from '../shared/contribution-accounts';
import { ContributionsContext } from '../shared/contributions-context';
import { SponsorPrograms } from '../shared/sponsor-programs';

export interface EnrolmentRequest {
  readonly programId: string;
  readonly participantId: string;
  /** When omitted: the current month, the program's first, or after months paid by the participant. */
  readonly fromMonth?: IsoMonth;
  readonly metadata: CommandMetadata<SponsorProgramState>;
}

export type EnrolmentOutcome =
  | {
      readonly ok: true;
      readonly enrolment: Enrolment;
      readonly changed: boolean;
      readonly version: number;
    }
  | { readonly ok: false; readonly rejection: DomainRejection };

/**
 * Enrols a participant into a sponsor program (commits budget). The account must be able to
 * take the sponsorship the program would commit — checked with the account's own decider
 * first, so budget is not committed to a worker the account would refuse (already sponsored,
 * deceased, months already paid). The account starts the sponsorship when the program's
 * ParticipantSponsored reaches the sponsorship process.
 */
@Injectable()
export class EnrolParticipantHandler {
  constructor(
    @Inject(SponsorPrograms) private readonly programs: SponsorPrograms,
    @Inject(ContributionAccounts) private readonly accounts: ContributionAccounts,
    @Inject(ContributionsContext) private readonly context: ContributionsContext,
  ) {}

  async enrol(request: EnrolmentRequest, tx?: Transaction): Promise<EnrolmentOutcome> {
    const { programId, participantId } = request;
    // One connection when in a transaction: one read after the other.
    const program = await this.programs.load(programId, tx);
    const account = await this.accounts.load(participantId, tx);
    if (program.state.status === 'not-opened') {
      return refused('PROGRAM_NOT_FOUND', `no sponsor program ${programId}`);
    }
    if (account.state.status === 'not-opened') {
      return refused(
        'ACCOUNT_NOT_OPENED',
        `contributions has no account for participant ${participantId}: it opens when enrollment's registration arrives`,
      );
    }
    const existing = program.state.enrolments.get(participantId);
    // A repeat without a month (a redelivered registration, a retried request) is the same enrolment.
    if (existing && !existing.ended && request.fromMonth === undefined) {
      return { ok: true, enrolment: existing, changed: false, version: program.version };
    }
    const fromMonth =
      request.fromMonth ??
      sponsorshipStartMonth(account.state, program.state, this.context.today());
    const command = { type: 'EnrolParticipant', participantId, fromMonth } as const;
    const dryRun = decideSponsorProgram(command, program.state, this.context.program());
    if (!dryRun.ok) return dryRun;
    const accountCheck = decideContributionAccount(
      {
        type: 'StartSponsorship',
        programId,
        payerType: program.state.payerType,
        fromMonth,
        toMonth: program.state.lastMonth,
        contribution: program.state.contribution,
      },
      account.state,
      this.context.account(),
    );
    if (!accountCheck.ok) return accountCheck;
    const result = await this.programs.handle(programId, command, request.metadata, tx);
    if (!result.ok) return result;
    const enrolment =
      result.state.status === 'not-opened' ? undefined : result.state.enrolments.get(participantId);
    if (enrolment === undefined) throw new Error('an accepted enrolment left no enrolment');
    return { ok: true, enrolment, changed: result.events.length > 0, version: result.version };
  }
}

function refused(code: string, message: string): EnrolmentOutcome {
  return { ok: false, rejection: { code, message } };
}
