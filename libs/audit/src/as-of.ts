import type { PersonalDataReader } from './personal-data';
import { connect } from './sql';
import { readEventsContaining, readStream, type StoredEvent } from './store-reader';
import { evidenceOf, NotFoundError, type EvidenceStep } from './explain';
import { targetOf, type AuditTargets, type AuditedService } from './targets';

export type AsOfKind = 'participant' | 'claim' | 'program';

/** One fact as the platform knew it: when it happened in the world, and when it was learned. */
export interface KnownFact extends EvidenceStep {
  /** The business date or month the event is about (incident date, effective month, paid on…). */
  readonly happened: string;
}

export interface AsOfView {
  readonly kind: AsOfKind;
  readonly id: string;
  /** Events recorded up to this instant are known. */
  readonly at: string;
  readonly state: Readonly<Record<string, unknown>>;
  readonly known: readonly KnownFact[];
  /** Recorded after `at` but about something that happened by then: learned later. */
  readonly learnedLater: readonly KnownFact[];
}

const HAPPENED_FIELDS = [
  'incidentDate',
  'dateOfDeath',
  'month',
  'effectiveFrom',
  'incomeEffectiveFrom',
  'fromMonth',
  'firstMonth',
  'paidOn',
  'settledOn',
  'returnedOn',
  'approvedOn',
  'submittedOn',
  'assessedOn',
  'receivedOn',
  'registeredOn',
] as const;

/** What an event is about in business time; its occurredAt when it names no date. */
export function happenedOn(event: StoredEvent): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  for (const field of HAPPENED_FIELDS) {
    const value = data[field];
    if (typeof value === 'string') return value;
  }
  return event.occurredAt;
}

/** `predecessors`: for events read with their whole stream, the event before each (or null). */
function factOf(
  event: StoredEvent,
  predecessors: ReadonlyMap<StoredEvent, StoredEvent | null>,
): KnownFact {
  return { ...evidenceOf(event, predecessors.get(event)), happened: happenedOn(event) };
}

/** Compares a business date or month (YYYY-MM[-DD]) or instant with an instant, by its start. */
function happenedBy(happened: string, at: string): boolean {
  return happened.slice(0, 10) <= at.slice(0, 10);
}

/**
 * The entity as the platform knew it at `at`: the events recorded up to then, folded; each
 * keeps apart when it happened and when it was recorded. Events recorded later about earlier
 * happenings (a late payment, a back-dated incident) are listed apart.
 */
export async function asOf(
  targets: AuditTargets,
  kind: AsOfKind,
  id: string,
  at: string,
  personal: PersonalDataReader,
): Promise<AsOfView> {
  const sources = sourcesOf(kind, id);
  const all: StoredEvent[] = [];
  const predecessors = new Map<StoredEvent, StoredEvent | null>();
  for (const source of sources) {
    const connection = await connect(targetOf(targets, source.service).databaseUrl);
    try {
      if (source.streamId !== undefined) {
        const stream = await readStream(connection, source.service, source.streamId);
        stream.forEach((event, index) => predecessors.set(event, stream[index - 1] ?? null));
        all.push(...stream);
      } else {
        all.push(
          ...(await readEventsContaining(connection, source.service, source.containing ?? {})),
        );
      }
    } finally {
      await connection.close();
    }
  }
  const atMs = Date.parse(at);
  if (Number.isNaN(atMs)) throw new Error(`"${at}" is not an ISO instant`);
  const byRecorded = (a: StoredEvent, b: StoredEvent): number =>
    Date.parse(a.recordedAt) - Date.parse(b.recordedAt) || a.version - b.version;
  const known = all.filter((event) => Date.parse(event.recordedAt) <= atMs).sort(byRecorded);
  const later = all.filter((event) => Date.parse(event.recordedAt) > atMs).sort(byRecorded);
  if (all.length === 0) throw new NotFoundError(`no ${kind} ${id} in the stores`);
  const state = await personal.reveal(fold(kind, known));
  return {
    kind,
    id,
    at,
    state,
    known: known.map((event) => factOf(event, predecessors)),
    learnedLater: later
      .map((event) => factOf(event, predecessors))
      .filter((fact) => happenedBy(fact.happened, at)),
  };
}

interface Source {
  readonly service: AuditedService;
  readonly streamId?: string;
  readonly containing?: Readonly<Record<string, string>>;
}

function sourcesOf(kind: AsOfKind, id: string): Source[] {
  switch (kind) {
    case 'participant':
      return [
        { service: 'enrollment', streamId: `participant-${id}` },
        { service: 'contributions', streamId: `contribution-account-${id}` },
        { service: 'claims', containing: { participantId: id } },
      ];
    case 'claim':
      return [{ service: 'claims', streamId: `claim-${id}` }];
    case 'program':
      return [{ service: 'contributions', streamId: `sponsor-program-${id}` }];
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

type Data = Record<string, unknown>;
const dataOf = (event: StoredEvent): Data => (event.data ?? {}) as Data;

function fold(kind: AsOfKind, events: readonly StoredEvent[]): Record<string, unknown> {
  switch (kind) {
    case 'participant':
      return foldParticipant(events);
    case 'claim':
      return foldClaim(events);
    case 'program':
      return foldProgram(events);
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

function foldParticipant(events: readonly StoredEvent[]): Record<string, unknown> {
  let details: Data = {};
  const coverage: Data = { status: 'not covered' };
  const paidMonths: string[] = [];
  const claims = new Map<string, string>();
  for (const event of events) {
    const data = dataOf(event);
    switch (event.type) {
      case 'ParticipantRegistered':
        details = { ...data };
        break;
      case 'ParticipantDetailsCorrected': {
        const { reason: _reason, ...corrections } = data;
        details = { ...details, ...corrections };
        break;
      }
      case 'DeclaredIncomeChanged':
        details = {
          ...details,
          declaredIncome: data['declaredIncome'],
          incomeEffectiveFrom: data['effectiveFrom'],
        };
        break;
      case 'HeirsDesignated':
        details = { ...details, heirs: data['heirs'] };
        break;
      case 'ParticipantDeceased':
        details = { ...details, dateOfDeath: data['dateOfDeath'] };
        break;
      case 'SponsorshipStarted':
        coverage['membership'] = {
          sponsoredBy: data['programId'],
          fromMonth: data['fromMonth'],
          toMonth: data['toMonth'],
        };
        break;
      case 'SelfPayingMembershipStarted':
        coverage['membership'] = { selfPaying: true, fromMonth: data['fromMonth'] };
        break;
      case 'ContributionPaid': {
        paidMonths.push(String(data['month']));
        // v2: the payment carries the coverage it extended (before v2, CoverageExtended did).
        const extended = data['coverageExtended'] as Record<string, unknown> | null | undefined;
        if (extended)
          Object.assign(coverage, {
            status: 'covered',
            paidThrough: extended['paidThrough'],
            firstPaidMonth: extended['firstPaidMonth'],
            masaIurMonths: extended['masaIurMonths'],
          });
        break;
      }
      case 'CoverageExtended':
        Object.assign(coverage, {
          status: 'covered',
          paidThrough: data['paidThrough'],
          firstPaidMonth: data['firstPaidMonth'],
          masaIurMonths: data['masaIurMonths'],
        });
        break;
      case 'CoverageLapsed':
        coverage['status'] = 'lapsed';
        break;
      case 'CoverageReinstated':
        coverage['status'] = 'covered';
        break;
      case 'ContributionAccountClosed':
        coverage['status'] = 'closed';
        break;
      default:
        if (event.service === 'claims' && typeof data['claimId'] === 'string')
          claims.set(data['claimId'], event.type);
    }
  }
  return {
    details,
    coverage: { ...coverage, paidMonths: [...new Set(paidMonths)].sort() },
    claims: Object.fromEntries(
      [...claims]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([claimId, last]) => [claimId, { lastEvent: last }]),
    ),
  };
}

const CLAIM_STATUS: Readonly<Record<string, string>> = {
  JkkClaimSubmitted: 'submitted',
  JkmClaimSubmitted: 'submitted',
  ClaimDocumentsRequested: 'documents requested',
  ClaimDocumentsCompleted: 'documents complete',
  ClaimEligibilityAssessed: 'assessed',
  ClaimPendingContribution: 'pending contribution',
  ClaimDecisionProposed: 'decision proposed',
  ClaimDecisionSentBack: 'decision sent back',
  ClaimRejectionProposed: 'rejection proposed',
  ClaimApproved: 'approved',
  ClaimRejected: 'rejected',
  ClaimReopened: 'reopened',
};

function foldClaim(events: readonly StoredEvent[]): Record<string, unknown> {
  const state: Data = { status: 'unknown', documents: [] as string[] };
  for (const event of events) {
    const data = dataOf(event);
    state['status'] = CLAIM_STATUS[event.type] ?? state['status'];
    if (event.type === 'JkkClaimSubmitted' || event.type === 'JkmClaimSubmitted') {
      Object.assign(state, {
        participantId: data['participantId'],
        program: event.type === 'JkkClaimSubmitted' ? 'jkk' : 'jkm',
        benefitType: data['benefitType'],
        incidentDate: data['incidentDate'] ?? data['dateOfDeath'],
        dateOfDeath: data['dateOfDeath'] ?? null,
        submittedOn: data['submittedOn'],
      });
    } else if (event.type === 'ClaimDocumentReceived') {
      (state['documents'] as string[]).push(String(data['document']));
    } else if (event.type === 'ClaimEligibilityAssessed') {
      state['eligibility'] = data['outcome'];
    } else if (event.type === 'ClaimApproved') {
      state['decision'] = {
        decisionId: data['decisionId'],
        total: data['total'],
        ruleSetId: data['ruleSetId'],
      };
    } else if (event.type === 'ClaimRejected') {
      state['decision'] = { decisionId: data['decisionId'], rejected: data['reasons'] };
    }
  }
  return state;
}

function foldProgram(events: readonly StoredEvent[]): Record<string, unknown> {
  const state: Data = { status: 'unknown' };
  let sponsored = 0;
  let committed = 0;
  let paid = 0;
  const payments: Data[] = [];
  for (const event of events) {
    const data = dataOf(event);
    if (event.type === 'SponsorProgramOpened') {
      Object.assign(state, {
        status: 'open',
        name: data['name'],
        sponsorType: data['sponsorType'],
        pksNumber: data['pksNumber'],
        budget: data['budget'],
        quota: data['quota'],
        firstMonth: data['firstMonth'],
        lastMonth: data['lastMonth'],
      });
    } else if (event.type === 'ParticipantSponsored') {
      sponsored += 1;
      committed += Number(data['commitment'] ?? 0);
    } else if (event.type === 'ParticipantSponsorshipEnded') {
      committed -= Number(data['releasedCommitment'] ?? 0);
    } else if (event.type === 'SponsorPaymentReceived') {
      paid += Number(data['amount'] ?? 0);
      payments.push({
        month: data['month'],
        paymentReference: data['paymentReference'],
        amount: data['amount'],
        paidOn: data['paidOn'],
      });
    } else if (event.type === 'SponsorProgramClosed') {
      state['status'] = 'closed';
    }
  }
  return { ...state, participantsSponsored: sponsored, budgetCommitted: committed, paid, payments };
}

export function renderAsOf(view: AsOfView): string {
  const out = [
    `${view.kind} ${view.id} as known at ${view.at} (events recorded up to then)`,
    '',
    'State:',
    ...JSON.stringify(view.state, null, 2)
      .split('\n')
      .map((line) => `  ${line}`),
    '',
    `Known facts (${view.known.length}): happened → recorded`,
    ...view.known.map(
      (fact) =>
        `  ${fact.happened.padEnd(25)} recorded ${fact.recordedAt}  [${fact.service}] ${fact.type} ${fact.streamId} v${fact.version} by ${fact.actor} event ${fact.eventId}`,
    ),
  ];
  if (view.learnedLater.length > 0) {
    out.push(
      '',
      `Learned later (${view.learnedLater.length}): happened by ${view.at} but recorded after it`,
      ...view.learnedLater.map(
        (fact) =>
          `  ${fact.happened.padEnd(25)} recorded ${fact.recordedAt}  [${fact.service}] ${fact.type} ${fact.streamId} v${fact.version}`,
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
