import type { IsoMonth, ParticipantSponsored, SponsorPaymentAllocated } from '@santunan/contracts';
import { addMonths, monthOf, type IsoDate } from '@santunan/domain-kernel';
import type { EndSponsorship, EnrolParticipant } from '../sponsor-program/sponsor-program.commands';
import type {
  RecordSponsoredContribution,
  StartSponsorship,
} from '../contribution-account/contribution-account.commands';
import type { ContributionAccountState } from '../contribution-account/contribution-account.state';

/** The coverage months of a program, as the enrolment start needs them. */
export interface ProgramCoverage {
  readonly firstMonth: IsoMonth;
  readonly lastMonth: IsoMonth;
}

/**
 * When a sponsorship starts (docs/adr/0008 consequences): never before the current month
 * (no coverage bought after the fact), never before the program's first month, and after every
 * month the participant already paid himself (those are not sold again to the sponsor).
 * A month past the program's last one is returned as is: the program refuses it.
 */
export function sponsorshipStartMonth(
  account: ContributionAccountState,
  program: ProgramCoverage,
  today: IsoDate,
): IsoMonth {
  const candidates: IsoMonth[] = [monthOf(today), program.firstMonth];
  if (account.status !== 'not-opened') {
    for (const paid of account.paid.values()) {
      if (paid.payer.kind === 'self') candidates.push(addMonths(paid.month, 1));
    }
  }
  return candidates.reduce((latest, month) => (month > latest ? month : latest));
}

export function enrolmentFor(
  participantId: string,
  account: ContributionAccountState,
  program: ProgramCoverage,
  today: IsoDate,
): EnrolParticipant {
  return {
    type: 'EnrolParticipant',
    participantId,
    fromMonth: sponsorshipStartMonth(account, program, today),
  };
}

/** The program committed budget to a participant: the account starts the sponsorship. */
export function sponsorshipStartOf(event: ParticipantSponsored): StartSponsorship {
  const { programId, payerType, fromMonth, toMonth, contribution } = event;
  return { type: 'StartSponsorship', programId, payerType, fromMonth, toMonth, contribution };
}

export interface ParticipantCommandOf<Command> {
  readonly participantId: string;
  readonly command: Command;
}

/** One allocation batch fanned out: each paid participant's share, for that participant's account. */
export function sponsoredContributionsOf(
  event: SponsorPaymentAllocated,
): ParticipantCommandOf<RecordSponsoredContribution>[] {
  const { programId, month, paymentReference, contribution, paidAt, paidOn } = event;
  return event.participantIds.map((participantId) => ({
    participantId,
    command: {
      type: 'RecordSponsoredContribution',
      programId,
      month,
      paymentReference,
      contribution,
      paidAt,
      paidOn,
    },
  }));
}

/**
 * After a recorded death: every program whose sponsorship runs past the death month gives back
 * the later months (the program's EndSponsorship releases the commitment).
 */
export function sponsorshipsEndedByDeath(
  account: ContributionAccountState,
): { readonly programId: string; readonly command: EndSponsorship }[] {
  if (account.status !== 'closed') return [];
  const deathMonth = account.death.month;
  return account.memberships.flatMap((period) =>
    period.kind === 'sponsored' && period.toMonth > deathMonth
      ? [
          {
            programId: period.programId,
            command: {
              type: 'EndSponsorship',
              participantId: account.participantId,
              lastMonth: deathMonth,
              reason: 'participant-deceased',
            } satisfies EndSponsorship,
          },
        ]
      : [],
  );
}

/**
 * A program enrolled a participant whose account then refused the sponsorship because he had
 * died meanwhile: the program ends it at the death month, so the budget is not kept for him.
 */
export function sponsorshipEndAfterRefusal(
  account: ContributionAccountState,
  event: ParticipantSponsored,
): EndSponsorship | null {
  if (account.status !== 'closed' || event.toMonth <= account.death.month) return null;
  return {
    type: 'EndSponsorship',
    participantId: event.participantId,
    lastMonth: account.death.month,
    reason: 'participant-deceased',
  };
}
