// Builders for claim decider specs: commands, and histories of accepted commands.
import type { Claimant, IsoDate, JkkBenefitLine } from '@santunan/contracts';
import { deciderSpec } from '@santunan/testing';
import type {
  ClaimCommand,
  ClaimDecisionContext,
  RecordClaimDocument,
  SubmitJkkClaim,
  SubmitJkmClaim,
} from '../claim/claim.commands';
import { decideClaim } from '../claim/claim.decide';
import {
  evolveClaim,
  initialClaimState,
  type ClaimEvent,
  type ClaimState,
} from '../claim/claim.state';
import type { AccidentReportFacts } from '../facts/claim-facts';
import { historyOf } from './history';
import { PAYMENT_ACCOUNT, widow } from './fixtures';

export const claimDecider = (context: ClaimDecisionContext) => ({
  decide: (command: ClaimCommand, state: ClaimState) => decideClaim(command, state, context),
  evolve: evolveClaim,
  initialState: initialClaimState,
});

export const claimSpec = (context: ClaimDecisionContext) => deciderSpec(claimDecider(context));

export const confirmedReport = (
  incidentDate: IsoDate,
  overrides: Partial<AccidentReportFacts> = {},
): AccidentReportFacts => ({
  reportId: 'r-1',
  participantId: 'p-1',
  incidentDate,
  trafficAccident: false,
  status: 'confirmed',
  ...overrides,
});

export const WIDOW_CLAIMANT: Claimant = {
  kind: 'heir',
  fullName: widow.fullName,
  relationship: 'spouse',
};

export function submitJkk(
  incidentDate: IsoDate,
  benefits: readonly JkkBenefitLine[],
  overrides: Partial<SubmitJkkClaim> = {},
): SubmitJkkClaim {
  const death = benefits.some((line) => line.kind === 'death');
  return {
    type: 'SubmitJkkClaim',
    claimId: 'claim-1',
    participantId: 'p-1',
    accidentReport: confirmedReport(incidentDate),
    benefits,
    dateOfDeath: death ? incidentDate : null,
    paymentAccount: death ? null : PAYMENT_ACCOUNT,
    claimant: death ? WIDOW_CLAIMANT : { kind: 'participant' },
    officerId: 'officer-1',
    ...overrides,
  };
}

export function submitJkm(
  dateOfDeath: IsoDate,
  overrides: Partial<SubmitJkmClaim> = {},
): SubmitJkmClaim {
  return {
    type: 'SubmitJkmClaim',
    claimId: 'claim-1',
    participantId: 'p-1',
    dateOfDeath,
    claimant: WIDOW_CLAIMANT,
    officerId: 'officer-1',
    ...overrides,
  };
}

/** Every required document of the submitted claim, received on one day. */
export function allDocuments(
  events: readonly ClaimEvent[],
  receivedOn: IsoDate,
): RecordClaimDocument[] {
  const submitted = events.find(
    (event) => event.type === 'JkkClaimSubmitted' || event.type === 'JkmClaimSubmitted',
  );
  if (
    submitted === undefined ||
    (submitted.type !== 'JkkClaimSubmitted' && submitted.type !== 'JkmClaimSubmitted')
  ) {
    throw new Error('no submitted claim in the history');
  }
  return submitted.data.requiredDocuments.map((document) => ({
    type: 'RecordClaimDocument',
    document,
    reference: `dms/${document}`,
    receivedOn,
    officerId: 'officer-1',
  }));
}

/** A claim submitted and complete on `today`, as events. */
export function completeClaim(submit: ClaimCommand, context: ClaimDecisionContext): ClaimEvent[] {
  const submitted = historyOf(claimDecider(context), [submit]);
  return historyOf(claimDecider(context), allDocuments(submitted, context.today), submitted);
}

export function only<T extends ClaimEvent['type']>(
  events: readonly ClaimEvent[],
  type: T,
): Extract<ClaimEvent, { type: T }> {
  const found = events.filter(
    (event): event is Extract<ClaimEvent, { type: T }> => event.type === type,
  );
  if (found.length !== 1 || found[0] === undefined)
    throw new Error(`expected one ${type}, got ${found.length}`);
  return found[0];
}
