import { eventHash, type JsonValue } from '@santunan/platform';
import type { PersonalDataReader } from './personal-data';
import { connect, type AuditConnection } from './sql';
import {
  actorOf,
  hashedFields,
  readEventsContaining,
  readStream,
  type StoredEvent,
} from './store-reader';
import { targetOf, type AuditTargets, type AuditedService } from './targets';

/** One event on the chain of evidence, with where it is and who caused it. */
export interface EvidenceStep {
  readonly service: AuditedService;
  readonly type: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly hash: string;
  readonly previousHash: string | null;
  /** The event still hashes to its stored hash. */
  readonly hashVerified: boolean;
  /**
   * The event links to its predecessor in the stream (the first to none): true or false when
   * the whole stream was read, null when only this event was (linkage unknown here).
   */
  readonly chainLinked: boolean | null;
}

export interface ContributionEvidence {
  readonly month: string;
  readonly payer: string;
  readonly paymentReference: string;
  readonly amount: number;
  readonly paidOn: string;
  readonly withinGrace: boolean;
  /** The sponsor program's name and PKS, when a program paid. */
  readonly program: {
    readonly programId: string;
    readonly name: string;
    readonly pksNumber: string;
  } | null;
  readonly evidence: EvidenceStep;
}

export interface DecisionEvidence {
  readonly decisionId: string;
  readonly claimId: string;
  readonly program: string;
  readonly benefitType: string | null;
  readonly ruleSetId: string;
  readonly total: number;
  readonly components: readonly {
    readonly code: string;
    readonly legalBasis: string;
    readonly formula: string;
    readonly amount: number;
  }[];
  readonly approval: {
    readonly mode: string;
    readonly makerId: string;
    readonly checkerId: string | null;
    readonly proposedOn: string;
    readonly approvedOn: string;
  } | null;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly checks: readonly {
    readonly policy: string;
    readonly outcome: string;
    readonly code: string | null;
    readonly message: string;
  }[];
  readonly evidence: EvidenceStep;
}

export interface PayoutEvidence {
  readonly payoutId: string;
  readonly amount: number;
  readonly status: string;
  readonly beneficiary: Readonly<Record<string, unknown>>;
  readonly components: readonly { readonly code: string; readonly amount: number }[];
  readonly decisionId: string;
  readonly claimId: string;
  readonly settlement: { readonly bankReference: string; readonly settledOn: string } | null;
  readonly events: readonly EvidenceStep[];
}

export interface Explanation {
  readonly subject: { readonly kind: 'payout' | 'claim'; readonly id: string };
  readonly personalData: 'decrypted' | 'masked';
  readonly payouts: readonly PayoutEvidence[];
  readonly decision: DecisionEvidence | null;
  /** Every event of the claim's stream: submission, documents, assessments, proposal, approval. */
  readonly claimEvents: readonly EvidenceStep[];
  readonly contributions: readonly ContributionEvidence[];
  /** Coverage facts of the account (membership, sponsorship, coverage extended). */
  readonly coverageEvents: readonly EvidenceStep[];
  readonly participant: {
    readonly participantId: string;
    readonly details: Readonly<Record<string, unknown>>;
    readonly events: readonly EvidenceStep[];
  } | null;
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

type Data = Record<string, unknown>;
const dataOf = (event: StoredEvent): Data => (event.data ?? {}) as Data;

/**
 * `predecessor`: the event before it in its stream, null when it is the first event read of a
 * whole stream, undefined when its neighbours were not read.
 */
export function evidenceOf(event: StoredEvent, predecessor?: StoredEvent | null): EvidenceStep {
  const actor = actorOf(event);
  return {
    service: event.service,
    type: event.type,
    eventId: event.eventId,
    streamId: event.streamId,
    version: event.version,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: actor === null ? 'unknown' : `${actor.kind}:${actor.id}`,
    hash: event.hash,
    previousHash: event.previousHash,
    chainLinked:
      predecessor === undefined
        ? null
        : predecessor === null
          ? event.version === 1 && event.previousHash === null
          : predecessor.version === event.version - 1 && event.previousHash === predecessor.hash,
    hashVerified: eventHash(hashedFields(event)) === event.hash,
  };
}

/** A whole stream read in version order: each event with its link to the one before. */
export function streamEvidence(stream: readonly StoredEvent[]): EvidenceStep[] {
  return stream.map((event, index) => evidenceOf(event, index === 0 ? null : stream[index - 1]));
}

/** The service databases explain reads, each connection opened on first use. */
class Stores {
  private readonly open = new Map<AuditedService, Promise<AuditConnection>>();
  constructor(private readonly targets: AuditTargets) {}

  async stream(service: AuditedService, streamId: string): Promise<StoredEvent[]> {
    return readStream(await this.db(service), service, streamId);
  }

  async containing(
    service: AuditedService,
    containing: Readonly<Record<string, JsonValue>>,
  ): Promise<StoredEvent[]> {
    return readEventsContaining(await this.db(service), service, containing);
  }

  private db(service: AuditedService): Promise<AuditConnection> {
    let opened = this.open.get(service);
    if (opened === undefined) {
      opened = connect(targetOf(this.targets, service).databaseUrl);
      this.open.set(service, opened);
    }
    return opened;
  }

  async close(): Promise<void> {
    for (const opened of this.open.values()) await (await opened).close();
  }
}

/**
 * The chain of evidence behind a payout (or a claim): the payout's events, the decision with
 * its rule set, components, legal basis, maker and checker, the eligibility facts, the
 * contributions that made the worker covered and the enrollment data, each with its event.
 */
export async function explain(
  targets: AuditTargets,
  subject: { readonly kind: 'payout' | 'claim'; readonly id: string },
  personal: PersonalDataReader,
): Promise<Explanation> {
  const stores = new Stores(targets);
  try {
    let claimId: string;
    let decisionId: string | null = null;
    let payoutStreams: StoredEvent[][];
    if (subject.kind === 'payout') {
      const stream = await stores.stream('payouts', `payout-${subject.id}`);
      const scheduled = stream.find((event) => event.type === 'PayoutScheduled');
      if (scheduled === undefined)
        throw new NotFoundError(`no payout ${subject.id} in the payouts store`);
      const decision = dataOf(scheduled)['decision'] as { decisionId: string; claimId: string };
      claimId = decision.claimId;
      decisionId = decision.decisionId;
      payoutStreams = [stream];
    } else {
      claimId = subject.id;
      const scheduled = await stores.containing('payouts', { decision: { claimId } });
      const ids = [
        ...new Set(
          scheduled
            .filter((e) => e.type === 'PayoutScheduled')
            .map((e) => String(dataOf(e)['payoutId'])),
        ),
      ].sort();
      payoutStreams = await Promise.all(ids.map((id) => stores.stream('payouts', `payout-${id}`)));
    }

    const claimStream = await stores.stream('claims', `claim-${claimId}`);
    if (subject.kind === 'claim' && claimStream.length === 0) {
      throw new NotFoundError(`no claim ${claimId} in the claims store`);
    }
    const approvals = claimStream.filter((event) => event.type === 'ClaimApproved');
    const claimApproval =
      decisionId === null
        ? approvals[approvals.length - 1]
        : approvals.find((e) => dataOf(e)['decisionId'] === decisionId);
    const found =
      claimApproval === undefined
        ? await scholarshipDecision(stores, payoutStreams, decisionId)
        : { event: claimApproval, stream: claimStream };
    const approved = found?.event;
    const decision =
      found === undefined ? null : decisionOf(found.event, evidenceIn(found.stream, found.event));
    const participantId =
      (decision?.inputs['participantId'] as string | undefined) ??
      (approved === undefined ? undefined : String(dataOf(approved)['participantId'])) ??
      (claimStream[0] === undefined
        ? undefined
        : String(dataOf(claimStream[0])['participantId'])) ??
      (payoutStreams[0]?.[0] === undefined
        ? undefined
        : String(dataOf(payoutStreams[0][0])['participantId']));

    const payouts = await Promise.all(payoutStreams.map((stream) => payoutOf(stream, personal)));
    const { contributions, coverageEvents } =
      participantId === undefined
        ? { contributions: [], coverageEvents: [] }
        : await contributionsBehind(stores, participantId, decision);
    const participant =
      participantId === undefined ? null : await enrollmentOf(stores, participantId, personal);
    return {
      subject,
      personalData: personal.canDecrypt ? 'decrypted' : 'masked',
      payouts,
      decision: decision === null ? null : await personal.reveal(decision),
      claimEvents: streamEvidence(claimStream),
      contributions,
      coverageEvents,
      participant,
    };
  } finally {
    await stores.close();
  }
}

async function scholarshipDecision(
  stores: Stores,
  payoutStreams: readonly StoredEvent[][],
  decisionId: string | null,
): Promise<{ event: StoredEvent; stream: StoredEvent[] } | undefined> {
  const scheduled = payoutStreams[0]?.find((event) => event.type === 'PayoutScheduled');
  if (scheduled === undefined) return undefined;
  const decision = dataOf(scheduled)['decision'] as {
    entitlementId: string | null;
    applicationId: string | null;
  };
  if (decision.entitlementId === null) return undefined;
  const stream = await stores.stream('claims', `scholarship-${decision.entitlementId}`);
  const event = stream.find(
    (candidate) =>
      candidate.type === 'ScholarshipInstalmentApproved' &&
      dataOf(candidate)['applicationId'] === (decision.applicationId ?? decisionId),
  );
  return event === undefined ? undefined : { event, stream };
}

/** One event's evidence, linked to its predecessor in the whole stream it was read with. */
function evidenceIn(stream: readonly StoredEvent[], event: StoredEvent): EvidenceStep {
  const index = stream.indexOf(event);
  return evidenceOf(event, index < 0 ? undefined : index === 0 ? null : stream[index - 1]);
}

function decisionOf(event: StoredEvent, evidence: EvidenceStep): DecisionEvidence {
  const data = dataOf(event);
  const explanation = data['explanation'] as {
    ruleSetId: string;
    total: number;
    components: { code: string; legalBasis: string; formula: string; amount: number }[];
  };
  const approval = (data['approval'] ?? null) as DecisionEvidence['approval'];
  const inputs = (data['inputs'] ?? {}) as Record<string, unknown>;
  const checks = ((data['checks'] ?? []) as DecisionEvidence['checks'][number][]).map((check) => ({
    policy: check.policy,
    outcome: check.outcome,
    code: check.code,
    message: check.message,
  }));
  return {
    decisionId: String(data['decisionId'] ?? data['applicationId']),
    claimId: String(data['claimId']),
    program: typeof data['program'] === 'string' ? data['program'] : 'scholarship',
    benefitType: (data['benefitType'] as string | undefined) ?? null,
    ruleSetId: typeof data['ruleSetId'] === 'string' ? data['ruleSetId'] : explanation.ruleSetId,
    total: Number(data['total'] ?? data['amount'] ?? explanation.total),
    components: explanation.components.map((component) => ({
      code: component.code,
      legalBasis: component.legalBasis,
      formula: component.formula,
      amount: component.amount,
    })),
    approval:
      approval === null
        ? null
        : {
            mode: approval.mode,
            makerId: approval.makerId,
            checkerId: approval.checkerId,
            proposedOn: approval.proposedOn,
            approvedOn: approval.approvedOn,
          },
    inputs: { participantId: data['participantId'], ...inputs },
    checks,
    evidence,
  };
}

async function payoutOf(
  stream: readonly StoredEvent[],
  personal: PersonalDataReader,
): Promise<PayoutEvidence> {
  const scheduled = stream.find((event) => event.type === 'PayoutScheduled');
  if (scheduled === undefined)
    throw new NotFoundError(`payout stream ${stream[0]?.streamId ?? '?'} has no PayoutScheduled`);
  const data = dataOf(scheduled);
  const decision = data['decision'] as { decisionId: string; claimId: string };
  const STATUS: Readonly<Record<string, string>> = {
    PayoutScheduled: 'scheduled',
    PayoutBatched: 'batched',
    PayoutInstructed: 'instructed',
    PayoutSettled: 'settled',
    PayoutFailed: 'failed',
    PayoutReturned: 'returned',
    PayoutReissued: 'scheduled',
    PayoutCancelled: 'cancelled',
  };
  const status = stream.reduce((current, event) => STATUS[event.type] ?? current, 'scheduled');
  const settled = [...stream].reverse().find((event) => event.type === 'PayoutSettled');
  return {
    payoutId: String(data['payoutId']),
    amount: Number(data['amount']),
    status,
    beneficiary: await personal.reveal(data['beneficiary'] as Record<string, unknown>),
    components: data['components'] as PayoutEvidence['components'],
    decisionId: decision.decisionId,
    claimId: decision.claimId,
    settlement:
      settled === undefined
        ? null
        : {
            bankReference: String(dataOf(settled)['bankReference']),
            settledOn: String(dataOf(settled)['settledOn']),
          },
    events: streamEvidence(stream),
  };
}

const COVERAGE_TYPES = new Set([
  'ContributionAccountOpened',
  'SelfPayingMembershipStarted',
  'SponsorshipStarted',
  'CoverageExtended',
  'CoverageLapsed',
  'CoverageReinstated',
]);

/**
 * The payments of the months the decision counted as paid (`inputs.monthsPaid`); without a
 * decision, every payment recorded for the participant.
 */
async function contributionsBehind(
  stores: Stores,
  participantId: string,
  decision: DecisionEvidence | null,
): Promise<{ contributions: ContributionEvidence[]; coverageEvents: EvidenceStep[] }> {
  const account = await stores.stream('contributions', `contribution-account-${participantId}`);
  const monthsPaid = decision?.inputs['monthsPaid'];
  const counted = Array.isArray(monthsPaid) ? new Set(monthsPaid.map(String)) : null;
  const approvedAt = decision?.evidence.recordedAt;
  const payments = account.filter(
    (event) =>
      event.type === 'ContributionPaid' &&
      (counted === null
        ? approvedAt === undefined || event.recordedAt <= approvedAt
        : counted.has(String(dataOf(event)['month']))),
  );
  const programs = new Map<string, ContributionEvidence['program']>();
  for (const payment of payments) {
    const payer = dataOf(payment)['payer'] as { kind: string; programId?: string };
    if (payer.kind !== 'program' || payer.programId === undefined || programs.has(payer.programId))
      continue;
    const opened = (
      await stores.stream('contributions', `sponsor-program-${payer.programId}`)
    ).find((event) => event.type === 'SponsorProgramOpened');
    programs.set(
      payer.programId,
      opened === undefined
        ? null
        : {
            programId: payer.programId,
            name: String(dataOf(opened)['name']),
            pksNumber: String(dataOf(opened)['pksNumber']),
          },
    );
  }
  const contributions = payments
    .map((payment) => {
      const data = dataOf(payment);
      const payer = data['payer'] as { kind: string; programId?: string };
      return {
        month: String(data['month']),
        payer: payer.kind === 'program' ? `program ${payer.programId ?? '?'}` : 'self',
        paymentReference: String(data['paymentReference']),
        amount: Number(data['amount']),
        paidOn: String(data['paidOn']),
        withinGrace: data['withinGrace'] === true,
        program: payer.programId === undefined ? null : (programs.get(payer.programId) ?? null),
        evidence: evidenceIn(account, payment),
      };
    })
    .sort((a, b) =>
      a.month < b.month ? -1 : a.month > b.month ? 1 : a.evidence.version - b.evidence.version,
    );
  return {
    contributions,
    coverageEvents: account
      .filter(
        (event) =>
          COVERAGE_TYPES.has(event.type) ||
          // v2: a payment that extended the coverage carries it (before v2, CoverageExtended).
          (event.type === 'ContributionPaid' && Boolean(dataOf(event)['coverageExtended'])),
      )
      .map((event) => evidenceIn(account, event)),
  };
}

async function enrollmentOf(
  stores: Stores,
  participantId: string,
  personal: PersonalDataReader,
): Promise<Explanation['participant']> {
  const stream = await stores.stream('enrollment', `participant-${participantId}`);
  let details: Record<string, unknown> = {};
  for (const event of stream) {
    const data = dataOf(event);
    if (event.type === 'ParticipantRegistered') details = { ...data };
    else if (event.type === 'ParticipantDetailsCorrected') {
      const { reason: _reason, ...corrections } = data;
      details = { ...details, ...corrections };
    } else if (event.type === 'DeclaredIncomeChanged') {
      details = {
        ...details,
        declaredIncome: data['declaredIncome'],
        incomeEffectiveFrom: data['effectiveFrom'],
      };
    } else if (event.type === 'HeirsDesignated') details = { ...details, heirs: data['heirs'] };
    else if (event.type === 'ParticipantDeceased')
      details = { ...details, dateOfDeath: data['dateOfDeath'] };
  }
  return {
    participantId,
    details: await personal.reveal(details),
    events: streamEvidence(stream),
  };
}
