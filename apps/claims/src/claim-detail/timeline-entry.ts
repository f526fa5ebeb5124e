import { OFFICER_REVIEW, type ClaimsEvent, type JsonValue } from '@santunan/contracts';
import { formatRupiah } from '@santunan/rules';

export interface TimelineEntry {
  /** One line a supervisor or auditor reads: what happened. */
  readonly summary: string;
  /** The event's facts worth showing, never its personal fields (they stay sealed). */
  readonly details: { readonly [key: string]: JsonValue };
}

/**
 * What a claims event says on a claim's timeline. Reads only non-personal members, so it can
 * work on the stored (sealed) form a projection receives.
 */
export function timelineEntry(event: ClaimsEvent): TimelineEntry {
  switch (event.type) {
    case 'AccidentReported': {
      const d = event.data;
      return {
        summary: `Accident reported (stage I), ${d.daysAfterIncident} day(s) after the incident`,
        details: {
          reportId: d.reportId,
          incidentKind: d.incidentKind,
          incidentDate: d.incidentDate,
          trafficAccident: d.trafficAccident,
          notifierKind: d.notifier.kind,
          reportedOn: d.reportedOn,
        },
      };
    }
    case 'WorkAccidentConfirmed':
      return {
        summary: 'Confirmed as a work accident',
        details: {
          reportId: event.data.reportId,
          confirmedOn: event.data.confirmedOn,
          daysAfterReport: event.data.daysAfterReport,
        },
      };
    case 'WorkAccidentRefuted':
      return {
        summary: 'Found not to be a work accident',
        details: {
          reportId: event.data.reportId,
          refutedOn: event.data.refutedOn,
          reason: event.data.reason,
        },
      };
    case 'JkkClaimSubmitted':
      return {
        summary: `JKK claim submitted (${event.data.benefitType})`,
        details: {
          accidentReportId: event.data.accidentReportId,
          incidentDate: event.data.incidentDate,
          dateOfDeath: event.data.dateOfDeath,
          benefits: event.data.benefits.map((line) => line.kind),
          claimantKind: event.data.claimant.kind,
          submittedOn: event.data.submittedOn,
          requiredDocuments: [...event.data.requiredDocuments],
        },
      };
    case 'JkmClaimSubmitted':
      return {
        summary: 'JKM death claim submitted',
        details: {
          dateOfDeath: event.data.dateOfDeath,
          claimantKind: event.data.claimant.kind,
          submittedOn: event.data.submittedOn,
          requiredDocuments: [...event.data.requiredDocuments],
        },
      };
    case 'ClaimDocumentReceived':
      return {
        summary: `Document received: ${event.data.document}`,
        details: {
          document: event.data.document,
          reference: event.data.reference,
          receivedOn: event.data.receivedOn,
        },
      };
    case 'ClaimDocumentsRequested':
      return {
        summary: `Documents requested: ${event.data.documents.join(', ')}${event.data.slaClockPaused ? ' (SLA clock paused)' : ''}`,
        details: {
          documents: [...event.data.documents],
          note: event.data.note,
          requestedOn: event.data.requestedOn,
          slaClockPaused: event.data.slaClockPaused,
        },
      };
    case 'ClaimDocumentsCompleted':
      return {
        summary: `Documents complete: SLA clock ${event.data.slaClock}`,
        details: { completedOn: event.data.completedOn, slaClock: event.data.slaClock },
      };
    case 'ClaimEligibilityAssessed':
      return {
        summary: `Eligibility assessed: ${event.data.outcome}`,
        details: {
          outcome: event.data.outcome,
          assessedOn: event.data.assessedOn,
          checks: event.data.checks.map((check) => ({
            policy: check.policy,
            outcome: check.outcome,
            code: check.code,
          })),
        },
      };
    case 'ClaimPendingContribution':
      return {
        summary: `Waiting for the sponsor's contribution of ${event.data.month}`,
        details: {
          month: event.data.month,
          programId: event.data.programId,
          graceEndsOn: event.data.graceEndsOn,
        },
      };
    case 'ClaimDecisionProposed':
      return {
        summary: `Decision proposed: ${formatRupiah(event.data.total)}${event.data.checkerRequired ? ', awaiting a checker' : ''}`,
        details: {
          decisionId: event.data.decisionId,
          total: event.data.total,
          ruleSetId: event.data.ruleSetId,
          checkerRequired: event.data.checkerRequired,
          checkerReasons: [...event.data.checkerReasons],
          supersedesDecisionId: event.data.supersedesDecisionId,
        },
      };
    case 'ClaimDecisionSentBack':
      return {
        summary: 'Proposal sent back by the checker',
        details: { decisionId: event.data.decisionId, reason: event.data.reason },
      };
    case 'ClaimRejectionProposed':
      return {
        summary: `Rejection proposed: ${event.data.reasonCode}, awaiting a checker`,
        details: {
          decisionId: event.data.decisionId,
          reasonCode: event.data.reasonCode,
          note: event.data.note,
          proposedBy: event.data.proposedBy,
          supersedesDecisionId: event.data.supersedesDecisionId,
        },
      };
    case 'ClaimApproved':
      return {
        summary: `Approved (${event.data.approval.mode}): ${formatRupiah(event.data.total)}, pay by ${event.data.sla.dueDate}`,
        details: {
          decisionId: event.data.decisionId,
          total: event.data.total,
          ruleSetId: event.data.ruleSetId,
          makerId: event.data.approval.makerId,
          checkerId: event.data.approval.checkerId,
          dueDate: event.data.sla.dueDate,
          supersedesDecisionId: event.data.supersedesDecisionId,
        },
      };
    case 'ClaimRejected':
      return {
        summary: `Rejected: ${event.data.reasons.map((reason) => reason.code).join(', ')}`,
        details: {
          decisionId: event.data.decisionId,
          // An officer's reason also names who proposed it and who made it take effect.
          reasons: event.data.reasons.map(({ policy, code, message, details }) => ({
            policy,
            code,
            message,
            ...(policy === OFFICER_REVIEW ? { review: details } : {}),
          })),
          supersedesDecisionId: event.data.supersedesDecisionId,
        },
      };
    case 'ClaimReopened':
      return {
        summary: `Reopened for ${event.data.kind === 'appeal' ? 'an appeal' : 'a correction'}`,
        details: {
          previousDecisionId: event.data.previousDecisionId,
          kind: event.data.kind,
          reason: event.data.reason,
        },
      };
    case 'DeathRecorded':
      return {
        summary: `Death recorded (${event.data.dateOfDeath})`,
        details: {
          dateOfDeath: event.data.dateOfDeath,
          deathCertificateReference: event.data.deathCertificateReference,
        },
      };
    case 'DeathRecordedByEnrollment':
      return {
        summary: `Death recorded by enrollment (${event.data.dateOfDeath})`,
        details: {
          dateOfDeath: event.data.dateOfDeath,
          deathCertificateReference: event.data.deathCertificateReference,
        },
      };
    case 'DeathBenefitClaimed':
      return {
        summary: 'Holds the death benefit in the death register',
        details: { program: event.data.program, claimedOn: event.data.claimedOn },
      };
    case 'DeathBenefitReleased':
      return {
        summary: 'Released the death benefit in the death register',
        details: { reason: event.data.reason, releasedOn: event.data.releasedOn },
      };
    case 'ScholarshipEntitlementGranted':
      return {
        summary: `Scholarship entitlement granted for ${event.data.children.length} child(ren)`,
        details: {
          entitlementId: event.data.entitlementId,
          route: event.data.route,
          children: event.data.children.map((child) => child.childId),
          excludedChildren: event.data.excludedChildren.map(({ childId, reason }) => ({
            childId,
            reason,
          })),
        },
      };
    case 'ScholarshipEntitlementRefused':
      return {
        summary: `Scholarship entitlement refused: ${event.data.code}`,
        details: {
          entitlementId: event.data.entitlementId,
          code: event.data.code,
          message: event.data.message,
        },
      };
    case 'ScholarshipInstalmentProposed':
    case 'ScholarshipInstalmentApproved': {
      const d = event.data;
      const verb = event.type === 'ScholarshipInstalmentProposed' ? 'proposed' : 'approved';
      return {
        summary: `Scholarship instalment ${verb}: ${d.level} ${d.scholarshipYear}, ${formatRupiah(d.amount)}`,
        details: {
          entitlementId: d.entitlementId,
          applicationId: d.applicationId,
          childId: d.childId,
          level: d.level,
          scholarshipYear: d.scholarshipYear,
          amount: d.amount,
        },
      };
    }
    case 'ScholarshipInstalmentSentBack':
      return {
        summary: 'Scholarship instalment sent back by the checker',
        details: {
          entitlementId: event.data.entitlementId,
          applicationId: event.data.applicationId,
          childId: event.data.childId,
          reason: event.data.reason,
        },
      };
    case 'ScholarshipInstalmentRefused':
      return {
        summary: `Scholarship instalment refused: ${event.data.reasons.map((r) => r.code).join(', ')}`,
        details: {
          entitlementId: event.data.entitlementId,
          applicationId: event.data.applicationId,
          childId: event.data.childId,
          reasons: event.data.reasons.map(({ code, message }) => ({ code, message })),
        },
      };
    case 'ScholarshipEndedForChild':
      return {
        summary: `Scholarship ended for a child (${event.data.reason})`,
        details: {
          entitlementId: event.data.entitlementId,
          childId: event.data.childId,
          reason: event.data.reason,
          endedOn: event.data.endedOn,
        },
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
