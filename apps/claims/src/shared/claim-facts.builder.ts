import {
  accidentReportFacts,
  deathRegisterFacts,
  isDeathClaim,
  type BurialArrangerFact,
  type ClaimFacts,
  type ClaimFile,
  type ScholarshipAccountFact,
} from '@santunan/claims-domain';
import type { Transaction } from '@santunan/platform';
import { ACCIDENT_REPORT_FOLD, DEATH_REGISTER_FOLD, type ClaimWorkflow } from './claim-workflow';
import type { CoverageFactsStore } from '../coverage/coverage-facts.store';
import type { ParticipantFactsReader } from '../participants/participant-facts.reader';
import { refused } from './claims-rejections';
import { accidentReportStreamId, deathRegisterStreamId } from './claims-streams';

/**
 * What the maker establishes from the claim's documents, beyond what enrollment designated:
 * the heir the others chose as payee and their consents (product decision 4), who arranged
 * the burial when no heir exists, and the account of a PP 44/2015 flat scholarship.
 */
export interface DecisionEvidence {
  readonly nominatedPayeeId?: string;
  readonly consentsGivenBy?: readonly string[];
  readonly burialArrangedBy?: BurialArrangerFact | null;
  readonly scholarshipAccount?: ScholarshipAccountFact | null;
}

/**
 * Builds `ClaimFacts` for a claim from the service's local state only — never a call to
 * another service (event-carried state, so a claim is decided while contributions is down):
 * the participant, income history, heirs and children from the enrollment projection; paid
 * months, sponsorships and lapses from the coverage projection; the stage I report and the
 * death register from the claims event store. Inside `tx` when given (a consumer's inbox
 * transaction sees the payment it is applying).
 */
export class ClaimFactsBuilder {
  constructor(
    private readonly workflow: ClaimWorkflow,
    private readonly participants: ParticipantFactsReader,
    private readonly coverage: CoverageFactsStore,
  ) {}

  async build(
    file: ClaimFile,
    evidence: DecisionEvidence = {},
    tx?: Transaction,
  ): Promise<ClaimFacts> {
    const executor = tx ?? this.workflow.runtime.database;
    const { participantId } = file;
    const participant = await this.participants.participantFacts(executor, participantId);
    if (participant === null) {
      throw refused(
        'PARTICIPANT_UNKNOWN',
        `participant ${participantId} has not reached claims from enrollment`,
        { participantId },
      );
    }
    const death = isDeathClaim(file.benefitType);
    const report =
      file.accidentReportId === null
        ? null
        : accidentReportFacts(
            (
              await this.workflow.reports.load(
                accidentReportStreamId(file.accidentReportId),
                ACCIDENT_REPORT_FOLD,
                tx,
              )
            ).state,
          );
    const register = death
      ? deathRegisterFacts(
          (
            await this.workflow.deaths.load(
              deathRegisterStreamId(participantId),
              DEATH_REGISTER_FOLD,
              tx,
            )
          ).state,
        )
      : null;
    return {
      participant,
      coverage: await this.coverage.read(executor, participantId),
      accidentReport: report,
      deathRegister: register,
      heirs: death
        ? {
            heirs: await this.participants.heirs(executor, participantId),
            ...(evidence.nominatedPayeeId === undefined
              ? {}
              : { nominatedPayeeId: evidence.nominatedPayeeId }),
            consentsGivenBy: evidence.consentsGivenBy ?? [],
            burialArrangedBy: evidence.burialArrangedBy ?? null,
          }
        : null,
      children: await this.participants.children(executor, participantId),
      scholarshipAccount: evidence.scholarshipAccount ?? null,
    };
  }
}
