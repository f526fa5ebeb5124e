// Claims the policies refuse, each for a reason that comes from another context's events:
// a lapsed self-paying membership, a JKK claim lodged after its expiry, a second claim for a
// death already claimed (named in the rejection), and a JKM scholarship refused for a masa iur
// under three years. Also the payment SLA: an undecided claim past its due date is overdue,
// and a request for documents pauses the clock.
import { randomUUID } from 'node:crypto';
import { eventually } from '@santunan/testing';
import {
  ClaimsHarness,
  TODAY,
  auditor,
  bodyOf,
  officer,
  supervisor,
  type ClaimBody,
  type QueueBody,
  type ReasonBody,
  type User,
} from './claims-harness';

interface Person {
  readonly id: string;
  readonly nik: string;
  readonly fullName: string;
}

const person = (serial: number, fullName: string): Person => ({
  id: randomUUID(),
  nik: `53710115089${String(serial).padStart(5, '0')}`,
  fullName,
});

describe('claims the eligibility policies reject, and the payment SLA', () => {
  let h: ClaimsHarness;
  const lapsed = person(11, 'Agustinus Nome');
  const late = person(12, 'Benediktus Seran');
  const deceased = person(13, 'Fransiskus Kolo');

  const enrol = (who: Person, on: string): Promise<void> =>
    h.enrolSelfPaying({ ...who, occupation: 'tukang ojek perahu' }, on);
  const pay = (who: Person, firstMonth: string, months: number, paidOn: string): Promise<void> =>
    h.paySelf(who.id, firstMonth, months, paidOn);

  /** Stage I reported and confirmed, then a JKK STMB claim lodged today with its documents. */
  async function stmbClaim(who: Person, incidentDate: string): Promise<string> {
    const { claimId, documents } = await h.lodgeJkkClaim(
      {
        participantId: who.id,
        incidentKind: 'accident',
        incidentDate,
        place: 'Pelabuhan Tenau',
        chronology: 'Terjatuh dari dermaga saat memuat barang.',
        trafficAccident: false,
        notifier: { kind: 'health-facility', name: 'RSUD W.Z. Johannes' },
        witnesses: [{ name: 'Simon Bani' }, { name: 'Petrus Nuban' }],
      },
      [{ kind: 'stmb', months: 2 }],
      { bankCode: 'BNI', accountNumber: '9900112233', accountName: who.fullName },
    );
    await h.recordDocuments(claimId, documents.required, TODAY);
    return claimId;
  }

  async function jkmClaim(
    claimant: { fullName: string; relationship: string },
    lodgedOn: string,
    dateOfDeath = '2026-11-10',
  ): Promise<{ claimId: string; required: string[] }> {
    const claim = await h
      .http(officer)
      .post('/claims/jkm', {
        participantId: deceased.id,
        dateOfDeath,
        claimant: { kind: 'heir', ...claimant },
        lodgedOn,
      })
      .expect(201);
    const { claimId, documents } = bodyOf<ClaimBody>(claim);
    return { claimId, required: documents.required };
  }

  const queue = async (user: User, query: string): Promise<string[]> => {
    const page = await h.http(user).get(`/claims?${query}`).expect(200);
    return bodyOf<QueueBody>(page).items.map((item) => item.claimId);
  };

  beforeAll(async () => {
    h = await ClaimsHarness.start('rejections');
    // Paid January to March, then nothing: the fourth unpaid month (July) ends the membership.
    await enrol(lapsed, '2026-01-05');
    await pay(lapsed, '2026-01', 3, '2026-01-10');
    await h.contributions.decide(
      lapsed.id,
      { type: 'CloseContributionMonth', month: '2026-07' },
      '2026-08-01',
    );
    // Covered in 2021, claiming in 2026: more than five years after the accident.
    await enrol(late, '2021-01-04');
    await pay(late, '2021-01', 12, '2021-01-10');
    // Dies in November 2026 after eleven months of contributions (masa iur < 36).
    await enrol(deceased, '2026-01-05');
    await pay(deceased, '2026-01', 12, '2026-01-10');
    await h.enrollment.decide(
      deceased.id,
      {
        type: 'DesignateHeirs',
        heirs: [
          {
            heirId: 'heir-theresia',
            fullName: 'Theresia Kolo',
            relationship: 'spouse',
            bankAccount: {
              bankCode: 'BRI',
              accountNumber: '5566778899',
              accountName: 'Theresia Kolo',
            },
          },
          { heirId: 'heir-mother', fullName: 'Anna Kolo', relationship: 'parent' },
        ],
      },
      '2026-01-05',
    );
    await h.enrollment.decide(
      deceased.id,
      {
        type: 'RegisterChild',
        childId: 'child-kolo-1',
        fullName: 'Maria Kolo',
        birthDate: '2015-05-05',
        relationship: 'biological',
      },
      '2026-01-05',
    );
    await h.untilKnown(lapsed.id, 3);
    await h.untilKnown(late.id, 12);
    await h.untilKnown(deceased.id, 12);
    await eventually(async () => {
      const [row] = await h.runtime.database.query<{ lapses: number }>(
        `select jsonb_array_length(coverage->'lapses') as lapses from participant_coverage
          where participant_id = $1`,
        [lapsed.id],
      );
      expect(row?.lapses).toBe(1);
    });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('rejects an accident while the self-paying membership had lapsed, with every reason', async () => {
    const claimId = await stmbClaim(lapsed, '2026-08-15');
    const decided = await h.http(officer).post(`/claims/${claimId}/decisions`).expect(201);
    expect(decided.body).toMatchObject({
      status: 'rejected',
      eligibility: { outcome: 'ineligible' },
    });
    const { reasons } = bodyOf<{ rejection: { reasons: ReasonBody[] } }>(decided).rejection;
    const codes = reasons.map((reason) => reason.code);
    expect(codes).toEqual(expect.arrayContaining(['INCIDENT_MONTH_NOT_PAID', 'MEMBERSHIP_LAPSED']));
    const lapse = reasons.find((reason) => reason.code === 'MEMBERSHIP_LAPSED');
    expect(lapse?.details).toMatchObject({
      lapsedFrom: '2026-04-01',
      cause: 'self-paying-arrears',
    });
    await eventually(async () => {
      expect(await queue(auditor, 'status=rejected')).toContain(claimId);
    });
  });

  it('rejects a JKK claim lodged more than five years after the accident', async () => {
    const claimId = await stmbClaim(late, '2021-03-01');
    const decided = await h.http(officer).post(`/claims/${claimId}/decisions`).expect(201);
    expect(decided.body.status).toBe('rejected');
    expect(decided.body.rejection.reasons).toEqual([
      expect.objectContaining({
        policy: 'within-claim-expiry',
        code: 'CLAIM_EXPIRED',
        details: expect.objectContaining({ lastClaimDate: '2026-03-01', claimDate: TODAY }),
      }),
    ]);
  });

  let first: { claimId: string; required: string[] };

  it('shows an undecided claim past its payment due date as overdue', async () => {
    first = await jkmClaim({ fullName: 'Theresia Kolo', relationship: 'spouse' }, '2026-11-12');
    await h.recordDocuments(first.claimId, first.required, '2026-11-12');
    // JKM: 3 working days from Thursday 12 November → Tuesday 17 November.
    await eventually(async () => {
      const page = await h.http(supervisor).get(`/claims?sla=overdue`).expect(200);
      expect(page.body.items).toEqual([
        expect.objectContaining({
          claimId: first.claimId,
          sla: { state: 'running', dueDate: '2026-11-17', overdue: true, daysOverdue: 7 },
        }),
      ]);
    });
  });

  let second: { claimId: string; required: string[] };

  it('takes in a second claim for the same death; its clock pauses while documents are out', async () => {
    second = await jkmClaim({ fullName: 'Anna Kolo', relationship: 'parent' }, TODAY);
    const certificate = await h
      .http(officer)
      .post(`/claims/${second.claimId}/documents`, {
        document: 'death-certificate',
        reference: 'arsip/akta-kematian-kolo-2',
      })
      .expect(200);
    expect(certificate.body.deathRegister).toEqual({
      holderClaimId: first.claimId,
      heldByThisClaim: false,
    });
    await h.recordDocuments(
      second.claimId,
      second.required.filter((document) => document !== 'death-certificate'),
      TODAY,
    );
    await eventually(async () => {
      expect(await queue(auditor, 'sla=on-time')).toEqual([second.claimId]);
    });
    const requested = await h
      .http(officer)
      .post(`/claims/${second.claimId}/document-requests`, {
        documents: ['heir-ktp'],
        note: 'KTP ahli waris tidak terbaca.',
      })
      .expect(200);
    expect(requested.body.documents).toMatchObject({ complete: false, outstanding: ['heir-ktp'] });
    await eventually(async () => {
      expect(await queue(auditor, 'sla=paused')).toEqual([second.claimId]);
    });
    await h
      .http(officer)
      .post(`/claims/${second.claimId}/documents`, {
        document: 'heir-ktp',
        reference: `arsip/${second.claimId}/heir-ktp-legible`,
      })
      .expect(200);
    await eventually(async () => {
      const page = await h.http(auditor).get(`/claims?sla=on-time`).expect(200);
      // JKM: 3 working days from Tuesday 24 November; the pause cost no working day.
      expect(page.body.items).toEqual([
        expect.objectContaining({
          claimId: second.claimId,
          sla: { state: 'running', dueDate: '2026-11-27', overdue: false, daysOverdue: 0 },
        }),
      ]);
    });
  });

  it('narrows the queue to claims due soon and to the caller’s own, sorted by due date', async () => {
    // Today is Tuesday 24 November: the second claim is due Friday 27th, the first was due 17th.
    expect(await queue(auditor, 'sla=due-soon')).toEqual([second.claimId]);
    expect(await queue(auditor, 'sla=due-soon&dueWithinDays=2')).toEqual([]);
    expect(
      await queue(auditor, `sla=due-soon&dueWithinDays=3&participantId=${deceased.id}`),
    ).toEqual([second.claimId]);
    const own = `participantId=${deceased.id}&mine=true`;
    expect(await queue(officer, `${own}&sort=due-date`)).toEqual([first.claimId, second.claimId]);
    expect(await queue(officer, `${own}&sort=submitted-on`)).toEqual([
      first.claimId,
      second.claimId,
    ]);
    expect(await queue(supervisor, own)).toEqual([]);
    expect(await queue(officer, `participantId=${deceased.id}&scholarship=true`)).toEqual([]);
    await h.http(auditor).get('/claims?sort=newest').expect(400);
    await h.http(auditor).get('/claims?mine=perhaps').expect(400);
  });

  it('rejects the second claim for the same death, naming the first', async () => {
    const decided = await h.http(officer).post(`/claims/${second.claimId}/decisions`).expect(201);
    expect(decided.body.status).toBe('rejected');
    expect(decided.body.rejection.reasons).toEqual([
      expect.objectContaining({
        policy: 'one-death-benefit-per-death',
        code: 'DEATH_BENEFIT_ALREADY_CLAIMED',
        message: expect.stringContaining(first.claimId),
        details: expect.objectContaining({ firstClaimId: first.claimId, firstClaimProgram: 'jkm' }),
      }),
    ]);
    // The first claim still holds the one death benefit: the rejection released nothing.
    expect(await h.eventTypesOf(`death-${deceased.id}`)).toEqual([
      'DeathRecorded',
      'DeathBenefitClaimed',
    ]);
  });

  it('refuses a death certificate for another date of death, recording neither it nor the register entry', async () => {
    const other = await jkmClaim(
      { fullName: 'Anna Kolo', relationship: 'parent' },
      TODAY,
      '2026-11-09',
    );
    const conflict = await h
      .http(officer)
      .post(`/claims/${other.claimId}/documents`, {
        document: 'death-certificate',
        reference: 'arsip/akta-kematian-kolo-3',
      })
      .expect(409);
    expect(conflict.body).toMatchObject({
      code: 'DEATH_DATE_CONFLICT',
      recordedDateOfDeath: '2026-11-10',
    });
    expect(await h.eventTypesOf(`claim-${other.claimId}`)).toEqual(['JkmClaimSubmitted']);
    expect(await h.eventTypesOf(`death-${deceased.id}`)).toEqual([
      'DeathRecorded',
      'DeathBenefitClaimed',
    ]);
  });

  it('approves the first JKM claim and refuses its scholarship: masa iur under three years', async () => {
    const proposed = await h
      .http(officer)
      .post(`/claims/${first.claimId}/decisions`, { nominatedPayeeId: 'heir-theresia' })
      .expect(201);
    expect(proposed.body).toMatchObject({
      status: 'awaiting-checker',
      decision: {
        total: 42_000_000,
        inputs: { masaIurMonths: 11, membershipMonth: 11 },
        scholarship: { kind: 'none', reason: 'MASA_IUR_TOO_SHORT' },
      },
    });
    const { decisionId } = proposed.body.decision;
    const approved = await h
      .http(supervisor)
      .post(`/claims/${first.claimId}/decisions/${decisionId}/approval`)
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      scholarshipEntitlementId: decisionId,
    });
    const scholarship = await h.http(auditor).get(`/scholarships/${decisionId}`).expect(200);
    expect(scholarship.body).toMatchObject({
      status: 'refused',
      refusal: { code: 'MASA_IUR_TOO_SHORT', claimId: first.claimId, decisionId },
    });
    await eventually(async () => {
      expect(await queue(auditor, 'sla=overdue')).toEqual([]);
      expect(await queue(auditor, 'status=approved&program=jkm')).toEqual([first.claimId]);
    });
  });

  it('reopens the rejected duplicate for an appeal; the new decision names the one it supersedes', async () => {
    const duplicate = second.claimId;
    const reopened = await h
      .http(officer)
      .post(`/claims/${duplicate}/reopening`, {
        kind: 'appeal',
        reason: 'Ahli waris mengajukan keberatan.',
      })
      .expect(200);
    expect(reopened.body).toMatchObject({ status: 'open' });
    const decided = await h.http(officer).post(`/claims/${duplicate}/decisions`).expect(201);
    expect(decided.body.rejection).toMatchObject({
      supersedesDecisionId: reopened.body.previousDecisionId,
      reasons: [expect.objectContaining({ code: 'DEATH_BENEFIT_ALREADY_CLAIMED' })],
    });
  });
});
