/**
 * The claims officer (maker) takes each claim in, records its documents and proposes the
 * decision; the supervisor (checker) approves it. Each outcome is checked against the
 * regulation: the amount, or the rejection's reason codes. Scholarship applications follow
 * the approved JKK death and CTT claims, one per child for the current scholarship year.
 */
import { USERS, caseOf, type ClaimSubject, type ScenarioContext } from '../context';
import { UnexpectedReply, poll } from '../http-client';
import type { ClaimCase } from '../plan';
import {
  CHECKER_THRESHOLD,
  SCHOLARSHIP_PER_YEAR,
  cttBenefit,
  jkkDeathBenefit,
  jkmDeathBenefit,
  scholarshipYearOf,
} from '../regulation';
import { rupiah } from './programs-and-enrollment';

interface ClaimAnswer {
  readonly claimId: string;
  readonly status: string;
  readonly documents: { required: string[]; complete: boolean };
  readonly deathRegister?: { holderClaimId: string; heldByThisClaim: boolean } | null;
}

export interface DecisionAnswer {
  readonly status: string;
  readonly decision?: {
    decisionId: string;
    total: number;
    checkerRequired: boolean;
    inputs: { membershipMonth?: number; masaIurMonths?: number; declaredIncome?: number };
    explanation: { components: { code: string; amount: number; legalBasis: string }[] };
  };
  readonly rejection?: {
    reasons: { code: string; message: string; details?: Record<string, unknown> }[];
  };
  readonly scholarshipEntitlementId?: string | null;
}

interface ApplicationAnswer {
  readonly applicationId: string;
  readonly outcome: 'proposed' | 'approved' | 'refused' | 'sent-back';
  readonly instalment: { amount?: number } | null;
  readonly reasons: { code: string }[];
}

/** Claims first learns of participants, heirs and coverage from Kafka: these codes mean "not yet". */
const NOT_YET_KNOWN = new Set(['PARTICIPANT_UNKNOWN', 'PAYEE_UNKNOWN', 'HEIR_UNKNOWN']);

/** The call's answer, or undefined when claims has not yet heard what it needs (poll again). */
async function unlessNotYetKnown<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof UnexpectedReply && error.code && NOT_YET_KNOWN.has(error.code))
      return undefined;
    throw error;
  }
}

export function monthsBetween(from: string, to: string): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7))
  );
}

export async function runClaims(context: ScenarioContext): Promise<void> {
  for (const claim of context.plan.claims) {
    await runClaim(context, claim);
  }
}

async function runClaim(context: ScenarioContext, claim: ClaimCase): Promise<void> {
  switch (claim.kind) {
    case 'jkk-death':
    case 'ctt':
      return workAccidentClaim(context, claim);
    case 'jkm-death':
      return jkmDeathClaim(context, claim);
    case 'duplicate-death':
      return duplicateDeathClaim(context, claim);
    case 'unpaid-coverage':
      return unpaidCoverageClaim(context, claim);
    default: {
      const _exhaustive: never = claim;
      return _exhaustive;
    }
  }
}

function subjectOf(context: ScenarioContext, caseId: string): ClaimSubject {
  const subject = context.state.subjects.get(caseId);
  if (subject === undefined) throw new Error(`${caseId}: its participant was not prepared`);
  return subject;
}

/** Submits, retrying while claims has not yet heard of the participant from enrollment.events. */
export async function submit(
  context: ScenarioContext,
  path: string,
  body: unknown,
): Promise<ClaimAnswer> {
  return poll(
    `claims to take in ${path}`,
    () =>
      unlessNotYetKnown(() =>
        context.http.call<ClaimAnswer>('claims', USERS.claimsOfficer, 'POST', path, {
          body,
          expect: [201],
        }),
      ),
    { timeoutMs: context.patienceMs },
  );
}

export async function recordDocuments(
  context: ScenarioContext,
  claim: ClaimAnswer,
): Promise<ClaimAnswer> {
  let last = claim;
  for (const document of claim.documents.required) {
    last = await context.http.call<ClaimAnswer>(
      'claims',
      USERS.claimsOfficer,
      'POST',
      `/claims/${claim.claimId}/documents`,
      {
        body: {
          document,
          reference: `arsip/klaim/${claim.claimId}/${document}.pdf`,
          receivedOn: context.plan.today,
        },
        expect: [200],
      },
    );
  }
  return last;
}

/**
 * The maker proposes. A claim whose incident month claims has not yet seen paid waits as
 * pending contribution and is re-assessed when the payment event arrives; then the maker
 * proposes again.
 */
export async function propose(
  context: ScenarioContext,
  claimId: string,
  body: Record<string, unknown>,
): Promise<DecisionAnswer> {
  return poll(
    `a decision on claim ${claimId}`,
    async () => {
      const current = await context.http.call<{ status: string }>(
        'claims',
        USERS.claimsOfficer,
        'GET',
        `/claims/${claimId}`,
      );
      if (current.status === 'pending-contribution') return undefined;
      const answer = await unlessNotYetKnown(() =>
        context.http.call<DecisionAnswer>(
          'claims',
          USERS.claimsOfficer,
          'POST',
          `/claims/${claimId}/decisions`,
          { body, expect: [201] },
        ),
      );
      return answer?.status === 'pending-contribution' ? undefined : answer;
    },
    { timeoutMs: context.patienceMs },
  );
}

export async function approve(
  context: ScenarioContext,
  claimId: string,
  decisionId: string,
): Promise<DecisionAnswer> {
  return context.http.call<DecisionAnswer>(
    'claims',
    USERS.supervisor,
    'POST',
    `/claims/${claimId}/decisions/${decisionId}/approval`,
    { expect: [200] },
  );
}

export function payeeConsents(subject: ClaimSubject): {
  nominatedPayeeId: string;
  consentsGivenBy: string[];
} {
  const [spouse, ...others] = subject.heirs;
  if (spouse === undefined) throw new Error('no spouse heir');
  return {
    nominatedPayeeId: spouse.heirId,
    // Tier 1 (widow/widower and children) consents to the payee; parents are a later tier.
    consentsGivenBy: others
      .filter((heir) => heir.relationship === 'child')
      .map((heir) => heir.heirId),
  };
}

async function decideAndApprove(
  context: ScenarioContext,
  claim: ClaimCase & { kind: 'jkk-death' | 'ctt' | 'jkm-death' },
  claimId: string,
  body: Record<string, unknown>,
  expected: { total: number; program: 'jkk' | 'jkm'; benefitType: string; components: string },
): Promise<string | null> {
  const { checks, log, state } = context;
  const proposed = await propose(context, claimId, body);
  checks.equal(`${claim.id} proposal status`, proposed.status, 'awaiting-checker');
  const decision = proposed.decision;
  if (decision === undefined) {
    checks.that(`${claim.id} has a proposed decision`, false, JSON.stringify(proposed.rejection));
    return null;
  }
  checks.equal(`${claim.id} total (${expected.components})`, decision.total, expected.total);
  checks.equal(`${claim.id} needs a checker (a death or CTT)`, decision.checkerRequired, true);
  checks.that(
    `${claim.id} every component has its legal basis`,
    decision.explanation.components.every((component) => component.legalBasis.length > 0),
  );
  const approved = await approve(context, claimId, decision.decisionId);
  checks.equal(`${claim.id} approval`, approved.status, 'approved');
  state.claims.set(claim.id, {
    status: 'approved',
    claimId,
    decisionId: decision.decisionId,
    total: decision.total,
    program: expected.program,
    benefitType: expected.benefitType,
  });
  state.payouts.push({
    decisionId: decision.decisionId,
    amount: decision.total,
    label: claim.id,
    fails: claim.payoutFails,
  });
  log(
    `  ${claim.id}: claim ${claimId.slice(0, 8)} approved Rp${rupiah(decision.total)} ` +
      `(${decision.explanation.components.map((c) => `${c.code} ${rupiah(c.amount)}`).join(' + ')}), ` +
      `maker ${USERS.claimsOfficer.id}, checker ${USERS.supervisor.id}`,
  );
  return approved.scholarshipEntitlementId ?? null;
}

async function workAccidentClaim(
  context: ScenarioContext,
  claim: ClaimCase & { kind: 'jkk-death' | 'ctt' },
): Promise<void> {
  const { plan, http } = context;
  const subject = subjectOf(context, claim.id);
  const death = claim.kind === 'jkk-death';
  // JKK stage I: the wadah reports the accident, a supervisor confirms it is a work accident.
  const report = await submitReport(context, subject, death);
  await http.call('claims', USERS.supervisor, 'POST', `/accident-reports/${report}/confirmation`, {
    body: { note: 'Kronologi, keterangan saksi dan laporan wadah sesuai.' },
    expect: [200],
  });
  const spouse = subject.heirs[0];
  const submitted = await submit(context, '/claims/jkk', {
    accidentReportId: report,
    benefits: [{ kind: death ? 'death' : 'total-permanent-disability' }],
    ...(death
      ? {
          dateOfDeath: plan.today,
          claimant: { kind: 'heir', fullName: spouse?.fullName, relationship: 'spouse' },
        }
      : {
          claimant: { kind: 'participant' },
          paymentAccount: {
            bankCode: 'BPDNTT',
            accountNumber: `5300${subject.worker.nik.slice(6, 14)}`,
            accountName: subject.worker.fullName,
          },
        }),
    lodgedOn: plan.today,
  });
  await recordDocuments(context, submitted);
  const income = subject.worker.declaredIncome;
  const entitlementId = await decideAndApprove(
    context,
    claim,
    submitted.claimId,
    death ? payeeConsents(subject) : {},
    death
      ? {
          total: jkkDeathBenefit(income),
          program: 'jkk',
          benefitType: 'jkk-death',
          components: `48 × ${rupiah(income)} + 12,000,000 + 10,000,000`,
        }
      : {
          total: cttBenefit(income),
          program: 'jkk',
          benefitType: 'jkk-total-permanent-disability',
          components: `56 × ${rupiah(income)} + 12,000,000`,
        },
  );
  if (entitlementId !== null && subject.children.length > 0) {
    await applyForScholarships(context, claim.id, subject, entitlementId);
  }
}

async function submitReport(
  context: ScenarioContext,
  subject: ClaimSubject,
  death: boolean,
): Promise<string> {
  const answer = await poll(
    'claims to take in the accident report',
    () =>
      unlessNotYetKnown(() =>
        context.http.call<{ reportId: string }>(
          'claims',
          USERS.claimsOfficer,
          'POST',
          '/accident-reports',
          {
            body: {
              participantId: subject.participantId,
              incidentKind: 'accident',
              incidentDate: context.plan.today,
              place: death ? 'Perairan Teluk Kupang' : 'Jalan Timor Raya km 12',
              chronology: death
                ? 'Perahu terbalik dihantam gelombang saat menarik jaring; korban meninggal di tempat.'
                : 'Tertimpa muatan kayu saat bekerja; kedua tungkai lumpuh menurut keterangan dokter.',
              trafficAccident: false,
              notifier: { kind: 'wadah', name: 'Koperasi Pekerja Rentan NTT' },
              witnesses: [{ name: 'Yakobus Manu' }, { name: 'Markus Tefa' }],
              reportedOn: context.plan.today,
            },
            expect: [201],
          },
        ),
      ),
    { timeoutMs: context.patienceMs },
  );
  return answer.reportId;
}

async function applyForScholarships(
  context: ScenarioContext,
  caseId: string,
  subject: ClaimSubject,
  entitlementId: string,
): Promise<void> {
  const { plan, http, checks, state, log } = context;
  await poll(
    `scholarship entitlement ${entitlementId}`,
    async () => {
      const entitlement = await http.call<{ status: string }>(
        'claims',
        USERS.claimsOfficer,
        'GET',
        `/scholarships/${entitlementId}`,
      );
      return entitlement.status === 'granted' ? entitlement : undefined;
    },
    { timeoutMs: context.patienceMs },
  );
  const guardian = subject.heirs[0];
  if (guardian?.bankAccount === undefined) throw new Error('the guardian has no bank account');
  for (const child of subject.children) {
    const school =
      child.level === 'PT'
        ? 'Universitas Nusa Cendana'
        : `${child.level.split('-').at(-1)} Negeri 1 Kupang`;
    const applied = await http.call<ApplicationAnswer>(
      'claims',
      USERS.claimsOfficer,
      'POST',
      `/scholarships/${entitlementId}/applications`,
      {
        body: {
          childId: child.childId,
          applicationDate: plan.today,
          schoolYear: scholarshipYearOf(plan.today),
          level: child.level,
          enrolment: {
            schoolName: school,
            evidenceReference: `arsip/sekolah/${child.childId}.pdf`,
          },
          child: { married: false, work: { kind: 'not-working' } },
          documents: [
            { code: 'birth-certificate', reference: `arsip/akta/${child.childId}.pdf` },
            { code: 'family-card', reference: `arsip/kk/${subject.participantId}.pdf` },
            { code: 'school-enrolment-letter', reference: `arsip/sekolah/${child.childId}.pdf` },
            { code: 'latest-report-card', reference: `arsip/rapor/${child.childId}.pdf` },
            { code: 'bank-account', reference: `arsip/bank/${guardian.heirId}.pdf` },
          ],
          payee: {
            holder: 'guardian',
            fullName: guardian.fullName,
            bankAccount: guardian.bankAccount,
          },
        },
        expect: [201],
      },
    );
    const amount = SCHOLARSHIP_PER_YEAR[child.level];
    const needsChecker = amount >= CHECKER_THRESHOLD;
    checks.equal(
      `${caseId} ${child.level} scholarship application`,
      applied.outcome,
      needsChecker ? 'proposed' : 'approved',
    );
    checks.equal(`${caseId} ${child.level} instalment amount`, applied.instalment?.amount, amount);
    if (needsChecker && applied.outcome === 'proposed') {
      const checked = await http.call<ApplicationAnswer>(
        'claims',
        USERS.supervisor,
        'POST',
        `/scholarships/${entitlementId}/applications/${applied.applicationId}/approval`,
        { expect: [200] },
      );
      checks.equal(`${caseId} ${child.level} instalment approval`, checked.outcome, 'approved');
    }
    state.scholarships.push({
      caseId,
      childId: child.childId,
      level: child.level,
      applicationId: applied.applicationId,
      amount,
      checked: needsChecker,
    });
    state.payouts.push({
      decisionId: applied.applicationId,
      amount,
      label: `${caseId} beasiswa ${child.level}`,
      fails: false,
    });
    log(
      `  ${caseId}: beasiswa ${child.level} ${scholarshipYearOf(plan.today)} Rp${rupiah(amount)}` +
        (needsChecker ? ' (maker–checker)' : ''),
    );
  }
}

async function jkmDeathClaim(
  context: ScenarioContext,
  claim: ClaimCase & { kind: 'jkm-death' },
): Promise<void> {
  const { plan } = context;
  const subject = subjectOf(context, claim.id);
  const spouse = subject.heirs[0];
  const submitted = await submit(context, '/claims/jkm', {
    participantId: subject.participantId,
    dateOfDeath: plan.today,
    claimant: { kind: 'heir', fullName: spouse?.fullName, relationship: 'spouse' },
    lodgedOn: plan.today,
  });
  await recordDocuments(context, submitted);
  // Membership month of the death, counted from the first paid month (product decision 2).
  const membershipMonth = monthsBetween(plan.firstMonth, plan.today.slice(0, 7)) + 1;
  await decideAndApprove(context, claim, submitted.claimId, payeeConsents(subject), {
    total: jkmDeathBenefit(membershipMonth),
    program: 'jkm',
    benefitType: 'jkm-death',
    components:
      membershipMonth <= 3
        ? `death in membership month ${membershipMonth}: Rp10,000,000 (Permenaker 1/2025)`
        : '20,000,000 + 12,000,000 + 10,000,000',
  });
}

async function duplicateDeathClaim(
  context: ScenarioContext,
  claim: ClaimCase & { kind: 'duplicate-death' },
): Promise<void> {
  const { plan, checks, state, log } = context;
  const first = state.claims.get(claim.of);
  const subject = subjectOf(context, claim.of);
  if (first === undefined) throw new Error(`${claim.id}: ${claim.of} was not decided`);
  const original = caseOf(plan, claim.of);
  const parent = subject.heirs.find((heir) => heir.relationship === 'parent');
  const submitted = await submit(context, '/claims/jkm', {
    participantId: subject.participantId,
    dateOfDeath: plan.today,
    claimant: { kind: 'heir', fullName: parent?.fullName, relationship: 'parent' },
    lodgedOn: plan.today,
  });
  const recorded = await recordDocuments(context, submitted);
  checks.equal(
    `${claim.id} death register holder`,
    recorded.deathRegister?.holderClaimId,
    first.claimId,
  );
  const decided = await propose(context, submitted.claimId, {});
  const reasons = decided.rejection?.reasons ?? [];
  checks.equal(`${claim.id} status`, decided.status, 'rejected');
  checks.equal(
    `${claim.id} reasons`,
    reasons.map((reason) => reason.code),
    ['DEATH_BENEFIT_ALREADY_CLAIMED'],
  );
  checks.that(
    `${claim.id} rejection names the first claim`,
    reasons.some((reason) => reason.message.includes(first.claimId)),
    JSON.stringify(reasons),
  );
  state.claims.set(claim.id, {
    status: 'rejected',
    claimId: submitted.claimId,
    reasons: reasons.map((reason) => reason.code),
  });
  log(
    `  ${claim.id}: second death claim (JKM, by the parent) for ${original.id}'s death rejected: ` +
      `${reasons.map((reason) => reason.code).join(', ')} — first claim ${first.claimId.slice(0, 8)}`,
  );
}

async function unpaidCoverageClaim(
  context: ScenarioContext,
  claim: ClaimCase & { kind: 'unpaid-coverage' },
): Promise<void> {
  const { plan, checks, state, log } = context;
  const subject = subjectOf(context, claim.id);
  const spouse = subject.heirs[0];
  const submitted = await submit(context, '/claims/jkm', {
    participantId: subject.participantId,
    dateOfDeath: plan.today,
    claimant: { kind: 'heir', fullName: spouse?.fullName, relationship: 'spouse' },
    lodgedOn: plan.today,
  });
  await recordDocuments(context, submitted);
  const decided = await propose(context, submitted.claimId, payeeConsents(subject));
  const codes = (decided.rejection?.reasons ?? []).map((reason) => reason.code);
  checks.equal(`${claim.id} status`, decided.status, 'rejected');
  // Product decision 1: a self-paying month covers an incident only if paid by the incident.
  checks.equal(`${claim.id} reasons`, codes, ['INCIDENT_MONTH_NOT_PAID']);
  state.claims.set(claim.id, { status: 'rejected', claimId: submitted.claimId, reasons: codes });
  log(`  ${claim.id}: JKM claim for an unpaid self-paying month rejected: ${codes.join(', ')}`);
}
