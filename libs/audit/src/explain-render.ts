import type { EvidenceStep, Explanation } from './explain';
import { rupiah } from './report';

function step(evidence: EvidenceStep): string {
  return `      [${evidence.service}] ${evidence.type} ${evidence.streamId} v${evidence.version} event ${evidence.eventId} recorded ${evidence.recordedAt} by ${evidence.actor} hash ${evidence.hash.slice(0, 16)}… ${evidence.hashVerified ? 'verified' : 'HASH MISMATCH'}${evidence.chainLinked === false ? ' CHAIN BROKEN' : ''}`;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The explanation for people, from the payout back to the enrollment. */
export function renderExplanation(explanation: Explanation): string {
  const out: string[] = [];
  const { subject } = explanation;
  out.push(
    `Explanation of ${subject.kind} ${subject.id} (personal data ${explanation.personalData})`,
  );

  out.push('', '1. Payout' + (explanation.payouts.length === 1 ? '' : 's'));
  if (explanation.payouts.length === 0) out.push('   (no payout ordered yet)');
  for (const payout of explanation.payouts) {
    const beneficiary = payout.beneficiary;
    out.push(
      `   payout ${payout.payoutId}: Rp${rupiah(payout.amount)} to ${show(beneficiary['beneficiaryId'])} (${show(beneficiary['fullName'])}), status ${payout.status}` +
        (payout.settlement === null
          ? ''
          : `, settled ${payout.settlement.settledOn} bank reference ${payout.settlement.bankReference}`),
    );
    out.push(
      `   components: ${payout.components.map((c) => `${c.code} Rp${rupiah(c.amount)}`).join(', ')}`,
    );
    out.push(...payout.events.map(step));
  }

  const decision = explanation.decision;
  out.push('', '2. Decision');
  if (decision === null) out.push('   (no approved decision found)');
  else {
    out.push(
      `   decision ${decision.decisionId} on claim ${decision.claimId}: ${decision.program}${decision.benefitType === null ? '' : ` ${decision.benefitType}`}, Rp${rupiah(decision.total)} under rule set ${decision.ruleSetId}`,
    );
    for (const component of decision.components) {
      out.push(
        `     ${component.code}: Rp${rupiah(component.amount)} — ${component.legalBasis}; ${component.formula}`,
      );
    }
    if (decision.approval !== null) {
      out.push(
        `   maker ${decision.approval.makerId}, checker ${decision.approval.checkerId ?? '(none: single actor)'} (${decision.approval.mode}), proposed ${decision.approval.proposedOn}, approved ${decision.approval.approvedOn}`,
      );
    }
    out.push(step(decision.evidence));
  }

  out.push('', '3. Eligibility facts');
  if (decision !== null) {
    const inputs = decision.inputs;
    const facts = [
      'incidentDate',
      'dateOfDeath',
      'claimDate',
      'segment',
      'declaredIncome',
      'declaredIncomeEffectiveFrom',
      'firstPaidMonth',
      'masaIurMonths',
      'membershipMonth',
      'heirTier',
    ]
      .filter((key) => inputs[key] !== undefined && inputs[key] !== null)
      .map((key) => `${key} ${show(inputs[key])}`);
    out.push(`   ${facts.join(', ')}`);
    const months = inputs['monthsPaid'];
    if (Array.isArray(months))
      out.push(`   months counted as paid: ${months.map(String).join(' ')}`);
    for (const check of decision.checks) {
      out.push(
        `     ${check.policy}: ${check.outcome}${check.code === null ? '' : ` (${check.code})`} — ${check.message}`,
      );
    }
  }
  out.push('   claim events:');
  out.push(...explanation.claimEvents.map(step));

  out.push('', '4. Contributions that made the worker covered');
  if (explanation.contributions.length === 0) out.push('   (no contribution payment found)');
  for (const paid of explanation.contributions) {
    out.push(
      `   ${paid.month}: Rp${rupiah(paid.amount)} paid ${paid.paidOn} by ${paid.payer}` +
        (paid.program === null ? '' : ` (${paid.program.name}, PKS ${paid.program.pksNumber})`) +
        `, payment reference ${paid.paymentReference}${paid.withinGrace ? '' : ' (after grace)'}`,
    );
    out.push(step(paid.evidence));
  }
  if (explanation.coverageEvents.length > 0) {
    out.push('   coverage events:');
    out.push(...explanation.coverageEvents.map(step));
  }

  out.push('', '5. Enrollment');
  const participant = explanation.participant;
  if (participant === null || participant.events.length === 0)
    out.push('   (participant not found in the enrollment store)');
  else {
    const details = participant.details;
    const address = details['address'] as { regencyCode?: string; line?: unknown } | undefined;
    out.push(
      `   participant ${participant.participantId}: ${show(details['fullName'])}, NIK ${show(details['nik'])}, born ${show(details['birthDate'])}, kabupaten/kota ${address?.regencyCode ?? '?'}, declared income Rp${rupiah(Number(details['declaredIncome'] ?? 0))}, membership ${show(details['membership'])}`,
    );
    out.push(...participant.events.map(step));
  }
  return `${out.join('\n')}\n`;
}
