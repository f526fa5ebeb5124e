import {
  decideAccidentReport,
  decideClaim,
  decideDeathRegister,
  decideScholarship,
  evolveAccidentReport,
  evolveClaim,
  evolveDeathRegister,
  evolveScholarship,
  initialAccidentReportState,
  initialClaimState,
  initialDeathRegisterState,
  initialScholarshipState,
  isDeathClaim,
  type AccidentReportCommand,
  type AccidentReportEvent,
  type AccidentReportState,
  type ClaimCommand,
  type ClaimEvent,
  type ClaimState,
  type DeathRegisterCommand,
  type DeathRegisterEvent,
  type DeathRegisterState,
  type ScholarshipCommand,
  type ScholarshipEvent,
  type ScholarshipState,
} from '@santunan/claims-domain';
import type { ClaimApproved } from '@santunan/contracts';
import {
  accepted,
  DomainRejectedError,
  type CommandCause,
  type CommandRequest,
  type CommandResult,
  type EventEnvelope,
  type EventSourcedRepository,
  type ServiceRuntime,
  type SqlExecutor,
  type StreamFold,
  type Transaction,
} from '@santunan/platform';
import {
  ACCIDENT_REPORT_STREAM,
  CLAIM_STREAM,
  DEATH_REGISTER_STREAM,
  SCHOLARSHIP_STREAM,
  accidentReportStreamId,
  claimStreamId,
  deathRegisterStreamId,
  scholarshipStreamId,
} from './claims-streams';
import { refused } from './claims-rejections';
import type { ClaimsSettings } from './claims-settings';

/** Who acts, and the request or event that made them act. */
export type Acting = CommandCause;

export const ACCIDENT_REPORT_FOLD: StreamFold<AccidentReportEvent, AccidentReportState> = {
  evolve: evolveAccidentReport,
  initialState: initialAccidentReportState,
};
export const CLAIM_FOLD: StreamFold<ClaimEvent, ClaimState> = {
  evolve: evolveClaim,
  initialState: initialClaimState,
};
export const DEATH_REGISTER_FOLD: StreamFold<DeathRegisterEvent, DeathRegisterState> = {
  evolve: evolveDeathRegister,
  initialState: initialDeathRegisterState,
};
export const SCHOLARSHIP_FOLD: StreamFold<ScholarshipEvent, ScholarshipState> = {
  evolve: evolveScholarship,
  initialState: initialScholarshipState,
};

function appended(
  stored: readonly EventEnvelope[],
  type: ClaimEvent['type'],
): EventEnvelope | undefined {
  return stored.find((event) => event.type === type);
}

/** An approval's scholarship entitlement is named after its decision: an appeal opens its own. */
export function scholarshipEntitlementIdOf(decision: ClaimApproved): string | null {
  return decision.scholarship.kind === 'not-applicable' ? null : decision.decisionId;
}

/**
 * The claims write side: the four aggregates' commands, decided by the pure domain with
 * today's date, the working-day calendar and the maker–checker threshold. Steps the domain
 * leaves to the service (ADR 0009) happen in the same transaction as the claim event that
 * calls for them, so they cannot be forgotten or half-done:
 *
 * - a death certificate recorded on a death claim enters the claim in the death register
 *   (`DeathRecorded` the first time, for enrollment and contributions);
 * - a rejected death claim releases the register;
 * - an approval that opens a scholarship grants (or refuses) the entitlement.
 */
export class ClaimWorkflow {
  readonly reports: EventSourcedRepository<AccidentReportEvent>;
  readonly claims: EventSourcedRepository<ClaimEvent>;
  readonly deaths: EventSourcedRepository<DeathRegisterEvent>;
  readonly scholarships: EventSourcedRepository<ScholarshipEvent>;

  constructor(
    readonly runtime: ServiceRuntime,
    readonly settings: ClaimsSettings,
  ) {
    this.reports = runtime.repository(ACCIDENT_REPORT_STREAM);
    this.claims = runtime.repository(CLAIM_STREAM);
    this.deaths = runtime.repository(DEATH_REGISTER_STREAM);
    this.scholarships = runtime.repository(SCHOLARSHIP_STREAM);
  }

  today(): string {
    return this.runtime.clock.today();
  }

  newId(): string {
    return this.runtime.ids.next();
  }

  /** The participant a stream is about; null for a stream that does not exist. */
  async subjectOf(streamId: string, executor?: SqlExecutor): Promise<string | null> {
    const [row] = await (executor ?? this.runtime.database).query<{ participant_id: string }>(
      'select participant_id from stream_subjects where stream_id = $1',
      [streamId],
    );
    return row?.participant_id ?? null;
  }

  /** The participant of a claim, or refused with CLAIM_NOT_FOUND (404). */
  async participantOfClaim(claimId: string): Promise<string> {
    const participantId = await this.subjectOf(claimStreamId(claimId));
    if (participantId === null) throw refused('CLAIM_NOT_FOUND', `no claim ${claimId}`);
    return participantId;
  }

  /** Claim streams of a participant (the pending ones are re-assessed when a sponsor pays). */
  async claimIdsOf(participantId: string, executor: SqlExecutor): Promise<string[]> {
    const rows = await executor.query<{ stream_id: string }>(
      `select stream_id from stream_subjects
        where participant_id = $1 and stream_id like 'claim-%' order by stream_id`,
      [participantId],
    );
    return rows.map((row) => row.stream_id.slice('claim-'.length));
  }

  async report(
    reportId: string,
    participantId: string,
    command: AccidentReportCommand,
    acting: Acting,
  ): Promise<CommandResult<AccidentReportState>> {
    return this.reports.handle({
      ...this.request(acting, participantId),
      streamId: accidentReportStreamId(reportId),
      decider: {
        ...ACCIDENT_REPORT_FOLD,
        decide: (c: AccidentReportCommand, state) =>
          decideAccidentReport(c, state, { today: this.today() }),
      },
      command,
      alongside: async (tx, stored) => {
        if (stored.some((event) => event.type === 'AccidentReported')) {
          await this.recordSubject(tx, accidentReportStreamId(reportId), participantId);
        }
      },
    });
  }

  /** A claim command, with the follow-ups it calls for; inside `tx` when one is given. */
  /** A command on a claim that exists: its participant (the key's subject) is looked up. */
  async onClaim(
    claimId: string,
    command: ClaimCommand,
    acting: Acting,
  ): Promise<CommandResult<ClaimState>> {
    return this.claim(claimId, await this.participantOfClaim(claimId), command, acting);
  }

  async claim(
    claimId: string,
    participantId: string,
    command: ClaimCommand,
    acting: Acting,
    tx?: Transaction,
  ): Promise<CommandResult<ClaimState>> {
    const request: CommandRequest<ClaimCommand, ClaimEvent, ClaimState> = {
      ...this.request(acting, participantId),
      streamId: claimStreamId(claimId),
      decider: {
        ...CLAIM_FOLD,
        decide: (c: ClaimCommand, state) =>
          decideClaim(c, state, {
            today: this.today(),
            calendar: this.settings.calendar,
            makerCheckerThreshold: this.settings.makerCheckerThreshold,
          }),
      },
      command,
      alongside: (inner, stored, after) =>
        this.followUps(inner, claimId, participantId, stored, after, acting),
    };
    return tx === undefined ? this.claims.handle(request) : this.claims.handleWithin(tx, request);
  }

  async deathRegister(
    participantId: string,
    command: DeathRegisterCommand,
    acting: Acting,
    tx?: Transaction,
  ): Promise<CommandResult<DeathRegisterState>> {
    const request: CommandRequest<DeathRegisterCommand, DeathRegisterEvent, DeathRegisterState> = {
      ...this.request(acting, participantId),
      streamId: deathRegisterStreamId(participantId),
      decider: {
        ...DEATH_REGISTER_FOLD,
        decide: (c: DeathRegisterCommand, state) =>
          decideDeathRegister(c, state, { today: this.today() }),
      },
      command,
    };
    return tx === undefined ? this.deaths.handle(request) : this.deaths.handleWithin(tx, request);
  }

  async scholarship(
    entitlementId: string,
    participantId: string,
    command: ScholarshipCommand,
    acting: Acting,
    tx?: Transaction,
  ): Promise<CommandResult<ScholarshipState>> {
    const request: CommandRequest<ScholarshipCommand, ScholarshipEvent, ScholarshipState> = {
      ...this.request(acting, participantId),
      streamId: scholarshipStreamId(entitlementId),
      decider: {
        ...SCHOLARSHIP_FOLD,
        decide: (c: ScholarshipCommand, state) =>
          decideScholarship(c, state, {
            today: this.today(),
            makerCheckerThreshold: this.settings.makerCheckerThreshold,
          }),
      },
      command,
      alongside: async (inner, stored) => {
        if (stored.some((event) => event.type.startsWith('ScholarshipEntitlement'))) {
          await this.recordSubject(inner, scholarshipStreamId(entitlementId), participantId);
        }
      },
    };
    return tx === undefined
      ? this.scholarships.handle(request)
      : this.scholarships.handleWithin(tx, request);
  }

  /**
   * A death claim whose death certificate is in hand but which holds no place in the register
   * (the register was free only after another claim was released) takes it now; a claim
   * refused because another holds it is rejected later by its policy, naming that claim.
   */
  async enterDeathRegister(claimId: string, state: ClaimState, acting: Acting): Promise<void> {
    if (state.status === 'none' || !isDeathClaim(state.file.benefitType)) return;
    const certificate = state.file.documents.received.find(
      (doc) => doc.document === 'death-certificate',
    );
    if (certificate === undefined) return;
    await this.claimDeathBenefit(claimId, state, certificate.reference, acting);
  }

  private request(acting: Acting, participantId: string) {
    return { ...acting, dataSubjectId: participantId };
  }

  private async recordSubject(
    tx: Transaction,
    streamId: string,
    participantId: string,
  ): Promise<void> {
    await tx.query(
      `insert into stream_subjects (stream_id, participant_id) values ($1, $2)
       on conflict (stream_id) do nothing`,
      [streamId, participantId],
    );
  }

  private async followUps(
    tx: Transaction,
    claimId: string,
    participantId: string,
    stored: readonly EventEnvelope[],
    after: ClaimState,
    acting: Acting,
  ): Promise<void> {
    if (after.status === 'none') return;
    const file = after.file;
    const submitted =
      appended(stored, 'JkkClaimSubmitted') ?? appended(stored, 'JkmClaimSubmitted');
    if (submitted !== undefined)
      await this.recordSubject(tx, claimStreamId(claimId), participantId);

    const certificate = stored.find(
      (event) =>
        event.type === 'ClaimDocumentReceived' &&
        (event.data as { document?: string }).document === 'death-certificate',
    );
    if (certificate !== undefined && isDeathClaim(file.benefitType)) {
      const { reference } = certificate.data as { reference: string };
      await this.claimDeathBenefit(
        claimId,
        after,
        reference,
        { ...acting, causationId: certificate.eventId },
        tx,
      );
    }

    const rejected = appended(stored, 'ClaimRejected');
    if (rejected !== undefined && isDeathClaim(file.benefitType)) {
      // Releasing for a claim that does not hold the benefit changes nothing.
      await this.deathRegister(
        participantId,
        { type: 'ReleaseDeathBenefit', claimId, reason: 'the claim was rejected' },
        { ...acting, causationId: rejected.eventId },
        tx,
      );
    }

    const approved = appended(stored, 'ClaimApproved');
    if (approved !== undefined && after.status === 'approved') {
      await this.grantScholarship(after, { ...acting, causationId: approved.eventId }, tx);
    }
  }

  private async claimDeathBenefit(
    claimId: string,
    state: Exclude<ClaimState, { status: 'none' }>,
    deathCertificateReference: string,
    acting: Acting,
    tx?: Transaction,
  ): Promise<void> {
    const { file } = state;
    const result = await this.deathRegister(
      file.participantId,
      {
        type: 'ClaimDeathBenefit',
        participantId: file.participantId,
        claimId,
        program: file.program,
        dateOfDeath: file.dateOfDeath ?? file.incidentDate,
        deathCertificateReference,
        officerId: acting.actor.id,
      },
      acting,
      tx,
    );
    // Held by another claim: this claim's proposal is rejected by the one-death policy, which
    // names the first claim. Anything else (another date of death) refuses the whole command.
    if (!result.ok && result.rejection.code !== 'DEATH_BENEFIT_ALREADY_CLAIMED') {
      throw new DomainRejectedError(result.rejection, `death benefit of claim ${claimId}`);
    }
  }

  private async grantScholarship(
    approved: Extract<ClaimState, { status: 'approved' }>,
    acting: Acting,
    tx: Transaction,
  ): Promise<void> {
    const { decision } = approved;
    const entitlementId = scholarshipEntitlementIdOf(decision);
    if (entitlementId === null) return;
    const result = await this.scholarship(
      entitlementId,
      decision.participantId,
      { type: 'GrantScholarshipEntitlement', entitlementId, decision, officerId: acting.actor.id },
      acting,
      tx,
    );
    accepted(result, `scholarship entitlement of decision ${entitlementId}`);
  }
}
