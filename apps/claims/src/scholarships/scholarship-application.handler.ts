import { Inject, Injectable } from '@nestjs/common';
import type {
  ScholarshipCommand,
  ScholarshipEvent,
  ScholarshipState,
} from '@santunan/claims-domain';
import type { CommandResult, EventEnvelope } from '@santunan/platform';
import { ClaimWorkflow, SCHOLARSHIP_FOLD, type Acting } from '../shared/claim-workflow';
import { refused } from '../shared/claims-rejections';
import { scholarshipStreamId } from '../shared/claims-streams';

type DecideApplication = Extract<ScholarshipCommand, { type: 'DecideScholarshipApplication' }>;
type Granted = Exclude<ScholarshipState, { status: 'none' }>;

/**
 * Scholarships (beasiswa) after an approved JKK death or CTT, or JKM death: each child's yearly
 * application decided by the maker and — at or above the threshold — checked by a supervisor;
 * a child's scholarship ended. The entitlement itself is granted with the claim's approval.
 */
@Injectable()
export class ScholarshipApplicationHandler {
  constructor(@Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow) {}

  /** The entitlement as its stream stands, or refused with ENTITLEMENT_NOT_FOUND. */
  async read(entitlementId: string): Promise<{ state: Granted; version: number }> {
    const { state, version } = await this.workflow.scholarships.load(
      scholarshipStreamId(entitlementId),
      SCHOLARSHIP_FOLD,
    );
    if (state.status === 'none') {
      throw refused('ENTITLEMENT_NOT_FOUND', `no scholarship entitlement ${entitlementId}`);
    }
    return { state, version };
  }

  /** A child's yearly application, under a new application id, dated today unless told. */
  async apply(
    entitlementId: string,
    application: Omit<
      DecideApplication,
      'type' | 'applicationId' | 'applicationDate' | 'officerId'
    > & { readonly applicationDate: string | undefined },
    acting: Acting,
  ): Promise<{ applicationId: string; result: CommandResult<ScholarshipState> }> {
    const applicationId = this.workflow.newId();
    const { childId, applicationDate, ...rest } = application;
    const result = await this.decide(
      entitlementId,
      {
        type: 'DecideScholarshipApplication',
        applicationId,
        childId,
        applicationDate: applicationDate ?? this.workflow.today(),
        ...rest,
        officerId: acting.actor.id,
      },
      acting,
    );
    return { applicationId, result };
  }

  /** Any command on the entitlement (the checker's, ending a child's scholarship). */
  async decide(
    entitlementId: string,
    command: ScholarshipCommand,
    acting: Acting,
  ): Promise<CommandResult<ScholarshipState>> {
    const participantId = await this.workflow.subjectOf(scholarshipStreamId(entitlementId));
    if (participantId === null) {
      throw refused('ENTITLEMENT_NOT_FOUND', `no scholarship entitlement ${entitlementId}`);
    }
    return this.workflow.scholarship(entitlementId, participantId, command, acting);
  }

  /** Appended events, opened: an instalment's payee is sealed in the stored form. */
  async opened(events: readonly EventEnvelope[]): Promise<ScholarshipEvent[]> {
    return Promise.all(events.map((event) => this.workflow.scholarships.toDomainEvent(event)));
  }
}
