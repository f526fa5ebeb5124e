import type { ClaimProgram, ClaimsEventOf, IsoDate } from '@santunan/contracts';
import { accept, isIsoDate, rejectWith, type Decision } from '@santunan/domain-kernel';
import type { DeathRegisterFacts } from '../facts/claim-facts';

// The death register (stream `death-<participantId>`) is where "one death, one death benefit"
// (product decision 6) is made safe under concurrency: two claims for the same death append to
// the same stream, so the event store's expected version lets exactly one of them hold the
// benefit. It also records the death once, for enrollment and contributions, or learns it from
// enrollment when an enrollment officer recorded it before any claim (ADR 0034).

/** A death claim enters the register once its death certificate is in hand. */
export interface ClaimDeathBenefit {
  readonly type: 'ClaimDeathBenefit';
  readonly participantId: string;
  readonly claimId: string;
  readonly program: ClaimProgram;
  readonly dateOfDeath: IsoDate;
  readonly deathCertificateReference: string;
  readonly officerId: string;
}

/** The holding claim was rejected: the death may be claimed again (e.g. as JKM after a JKK refusal). */
export interface ReleaseDeathBenefit {
  readonly type: 'ReleaseDeathBenefit';
  readonly claimId: string;
  readonly reason: string;
}

/**
 * Enrollment recorded the death before any claim: an enrollment officer, on the death
 * certificate the family or Dukcapil reported (ParticipantDeceased recorded by
 * `enrollment-officer`). From then on a death claim is checked against that date.
 */
export interface RecordReportedDeath {
  readonly type: 'RecordReportedDeath';
  readonly participantId: string;
  readonly dateOfDeath: IsoDate;
  readonly deathCertificateReference: string;
  readonly officerId: string;
  /** Enrollment's ParticipantDeceased event. */
  readonly participantDeceasedEventId: string;
}

export type DeathRegisterCommand = ClaimDeathBenefit | ReleaseDeathBenefit | RecordReportedDeath;

export const DEATH_REGISTER_EVENT_TYPES = [
  'DeathRecorded',
  'DeathRecordedByEnrollment',
  'DeathBenefitClaimed',
  'DeathBenefitReleased',
] as const;
export type DeathRegisterEvent = ClaimsEventOf<(typeof DEATH_REGISTER_EVENT_TYPES)[number]>;

export interface DeathBenefitHolder {
  readonly claimId: string;
  readonly program: ClaimProgram;
  readonly claimedOn: IsoDate;
}

export type DeathRegisterState =
  | { readonly status: 'no-death-recorded' }
  | {
      readonly status: 'death-recorded';
      readonly participantId: string;
      readonly dateOfDeath: IsoDate;
      readonly holder: DeathBenefitHolder | null;
    };

export type DeathRegisterRejectionCode =
  | 'DATE_INVALID'
  | 'DEATH_DATE_IN_FUTURE'
  | 'DEATH_DATE_CONFLICT'
  | 'DEATH_CERTIFICATE_MISSING'
  | 'DEATH_BENEFIT_ALREADY_CLAIMED'
  | 'NO_DEATH_RECORDED';

export type DeathRegisterDecision = Decision<DeathRegisterEvent, DeathRegisterRejectionCode>;

export interface DeathRegisterContext {
  readonly today: IsoDate;
}

export const initialDeathRegisterState = (): DeathRegisterState => ({
  status: 'no-death-recorded',
});

export function evolveDeathRegister(
  state: DeathRegisterState,
  event: DeathRegisterEvent,
): DeathRegisterState {
  switch (event.type) {
    case 'DeathRecorded':
      return {
        status: 'death-recorded',
        participantId: event.data.participantId,
        dateOfDeath: event.data.dateOfDeath,
        holder: null,
      };
    case 'DeathRecordedByEnrollment':
      return {
        status: 'death-recorded',
        participantId: event.data.participantId,
        dateOfDeath: event.data.dateOfDeath,
        holder: state.status === 'death-recorded' ? state.holder : null,
      };
    case 'DeathBenefitClaimed':
      return state.status === 'no-death-recorded'
        ? state
        : {
            ...state,
            holder: {
              claimId: event.data.claimId,
              program: event.data.program,
              claimedOn: event.data.claimedOn,
            },
          };
    case 'DeathBenefitReleased':
      return state.status === 'no-death-recorded' ? state : { ...state, holder: null };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function claimBenefit(
  state: DeathRegisterState,
  command: ClaimDeathBenefit,
  context: DeathRegisterContext,
): DeathRegisterDecision {
  if (!isIsoDate(command.dateOfDeath))
    return rejectWith('DATE_INVALID', 'the date of death must be YYYY-MM-DD');
  if (command.dateOfDeath > context.today)
    return rejectWith('DEATH_DATE_IN_FUTURE', 'the date of death is after today');
  if (command.deathCertificateReference.trim() === '') {
    return rejectWith('DEATH_CERTIFICATE_MISSING', 'a death is recorded on its death certificate');
  }
  const claimed: DeathRegisterEvent = {
    type: 'DeathBenefitClaimed',
    data: {
      participantId: command.participantId,
      dateOfDeath: command.dateOfDeath,
      claimId: command.claimId,
      program: command.program,
      claimedOn: context.today,
    },
  };
  if (state.status === 'no-death-recorded') {
    return accept<DeathRegisterEvent>(
      {
        type: 'DeathRecorded',
        data: {
          participantId: command.participantId,
          dateOfDeath: command.dateOfDeath,
          claimId: command.claimId,
          deathCertificateReference: command.deathCertificateReference,
          recordedOn: context.today,
          recordedBy: command.officerId,
        },
      },
      claimed,
    );
  }
  if (state.dateOfDeath !== command.dateOfDeath) {
    return rejectWith(
      'DEATH_DATE_CONFLICT',
      `the death is recorded on ${state.dateOfDeath}, not ${command.dateOfDeath}`,
      {
        recordedDateOfDeath: state.dateOfDeath,
      },
    );
  }
  const holder = state.holder;
  if (holder?.claimId === command.claimId) return accept();
  if (holder !== null) {
    return rejectWith(
      'DEATH_BENEFIT_ALREADY_CLAIMED',
      `the death of participant ${state.participantId} is already claimed by claim ${holder.claimId} (${holder.program.toUpperCase()}, lodged ${holder.claimedOn})`,
      {
        firstClaimId: holder.claimId,
        firstClaimProgram: holder.program,
        firstClaimedOn: holder.claimedOn,
      },
    );
  }
  return accept(claimed);
}

function release(
  state: DeathRegisterState,
  command: ReleaseDeathBenefit,
  context: DeathRegisterContext,
): DeathRegisterDecision {
  if (state.status === 'no-death-recorded')
    return rejectWith('NO_DEATH_RECORDED', 'no death is recorded');
  // Releasing for a claim that does not hold the benefit is a repeat: nothing to do.
  if (state.holder?.claimId !== command.claimId) return accept();
  return accept({
    type: 'DeathBenefitReleased',
    data: {
      participantId: state.participantId,
      claimId: command.claimId,
      reason: command.reason,
      releasedOn: context.today,
    },
  });
}

/**
 * The register learns a death enrollment recorded. Recorded as DeathRecordedByEnrollment, not
 * DeathRecorded: enrollment consumes DeathRecorded, and the death came from there (no echo).
 * The same death again (a redelivery, or a claim that recorded it first) is no news; another
 * date is a conflict for people to resolve, parked by the consumer with this code.
 */
function recordReportedDeath(
  state: DeathRegisterState,
  command: RecordReportedDeath,
  context: DeathRegisterContext,
): DeathRegisterDecision {
  if (!isIsoDate(command.dateOfDeath))
    return rejectWith('DATE_INVALID', 'the date of death must be YYYY-MM-DD');
  if (state.status === 'death-recorded') {
    return state.dateOfDeath === command.dateOfDeath
      ? accept()
      : rejectWith(
          'DEATH_DATE_CONFLICT',
          `the death is recorded on ${state.dateOfDeath}, not ${command.dateOfDeath}`,
          { recordedDateOfDeath: state.dateOfDeath },
        );
  }
  return accept({
    type: 'DeathRecordedByEnrollment',
    data: {
      participantId: command.participantId,
      dateOfDeath: command.dateOfDeath,
      deathCertificateReference: command.deathCertificateReference,
      recordedBy: command.officerId,
      participantDeceasedEventId: command.participantDeceasedEventId,
      recordedOn: context.today,
    },
  });
}

export function decideDeathRegister(
  command: DeathRegisterCommand,
  state: DeathRegisterState,
  context: DeathRegisterContext,
): DeathRegisterDecision {
  switch (command.type) {
    case 'ClaimDeathBenefit':
      return claimBenefit(state, command, context);
    case 'ReleaseDeathBenefit':
      return release(state, command, context);
    case 'RecordReportedDeath':
      return recordReportedDeath(state, command, context);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** What the one-death-one-benefit policy reads (ClaimFacts.deathRegister). */
export function deathRegisterFacts(state: DeathRegisterState): DeathRegisterFacts {
  return state.status === 'no-death-recorded'
    ? { dateOfDeath: null, benefitClaimedBy: null }
    : { dateOfDeath: state.dateOfDeath, benefitClaimedBy: state.holder };
}
