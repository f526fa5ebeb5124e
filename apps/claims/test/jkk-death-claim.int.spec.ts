// A sponsored BPU worker in Kota Kupang, enrolled and covered through enrollment's and
// contributions' own events, dies in a work accident. The claim waits for the sponsor's
// November contribution, is re-assessed when it arrives, is proposed by the maker and approved
// by one of two supervisors racing each other; claims.events carries the decision with an
// explanation that recomputes to the same amount.
import { randomUUID } from 'node:crypto';
import type { MonthlyContribution } from '@santunan/contracts';
import { recompute, type StoredExplanation } from '@santunan/rules';
import { eventually } from '@santunan/testing';
import {
  ClaimsHarness,
  TODAY,
  admin,
  auditor,
  officer,
  supervisor,
  supervisor2,
  bodyOf,
  type QueueBody,
  type ReasonBody,
  type TimelineBody,
} from './claims-harness';

const NTT = 'ntt-2026';
const TARIFF: MonthlyContribution = { jkk: 10_000, jkm: 6_800, total: 16_800 };
const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`);

describe('a JKK death claim, from upstream events to an approved decision on claims.events', () => {
  let h: ClaimsHarness;
  const yohanes = randomUUID();
  const maria = randomUUID();
  const widow = 'heir-maria';
  const son = 'heir-paulus';
  let reportId: string;
  let claimId: string;
  let decisionId: string;
  let required: string[];

  beforeAll(async () => {
    h = await ClaimsHarness.start('jkk_death');
    const { enrollment, contributions } = h;
    await enrollment.decide(
      yohanes,
      {
        type: 'RegisterParticipant',
        participantId: yohanes,
        nik: '5371011508900001',
        fullName: 'Yohanes Bria',
        birthDate: '1990-08-15',
        sex: 'male',
        address: { line: 'Jl. El Tari 10, Oebobo', regencyCode: '5371' },
        phone: '+6281234567890',
        occupation: 'nelayan',
        declaredIncome: 1_000_000,
        incomeEffectiveFrom: '2026-01',
        membership: { kind: 'sponsored', programId: NTT },
      },
      '2026-01-05',
    );
    await enrollment.decide(
      yohanes,
      {
        type: 'DesignateHeirs',
        heirs: [
          {
            heirId: widow,
            fullName: 'Maria Bria',
            relationship: 'spouse',
            birthDate: '1991-03-01',
            bankAccount: {
              bankCode: 'BRI',
              accountNumber: '0011223344',
              accountName: 'Maria Bria',
            },
          },
          { heirId: son, fullName: 'Paulus Bria', relationship: 'child', birthDate: '2007-07-01' },
        ],
      },
      '2026-01-05',
    );
    for (const [childId, fullName, birthDate] of [
      ['child-paulus', 'Paulus Bria', '2007-07-01'],
      ['child-agnes', 'Agnes Bria', '2013-09-10'],
    ] as const) {
      await enrollment.decide(
        yohanes,
        { type: 'RegisterChild', childId, fullName, birthDate, relationship: 'biological' },
        '2026-02-02',
      );
    }
    // Another participant, in Kabupaten Kupang (5301), for the work queue's regency filter.
    await enrollment.decide(
      maria,
      {
        type: 'RegisterParticipant',
        participantId: maria,
        nik: '5301044503920002',
        fullName: 'Maria Lake',
        birthDate: '1992-03-05',
        sex: 'female',
        address: { line: 'Desa Oelnasi, Kupang Tengah', regencyCode: '5301' },
        phone: '+6281234567891',
        occupation: 'petani',
        declaredIncome: 1_000_000,
        incomeEffectiveFrom: '2026-01',
        membership: { kind: 'self-paying' },
      },
      '2026-01-05',
    );

    await contributions.decide(
      yohanes,
      {
        type: 'OpenContributionAccount',
        participantId: yohanes,
        sector: 'other',
        declaredIncome: 1_000_000,
        incomeEffectiveFrom: '2026-01',
        membership: { kind: 'sponsored', programId: NTT },
      },
      '2026-01-05',
    );
    await contributions.decide(
      yohanes,
      {
        type: 'StartSponsorship',
        programId: NTT,
        payerType: 'apbd',
        fromMonth: '2026-01',
        toMonth: '2026-12',
        contribution: TARIFF,
      },
      '2026-01-05',
    );
    for (const month of MONTHS) {
      await contributions.decide(
        yohanes,
        {
          type: 'RecordSponsoredContribution',
          programId: NTT,
          month,
          paymentReference: `ntt-${month}`,
          contribution: TARIFF,
          paidAt: `${month}-20T02:00:00.000Z`,
          paidOn: `${month}-20`,
        },
        `${month}-20`,
      );
    }
    await h.untilKnown(yohanes, MONTHS.length);
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('takes in the stage I report and its confirmation as a work accident', async () => {
    const reported = await h
      .http(officer)
      .post('/accident-reports', {
        participantId: yohanes,
        incidentKind: 'accident',
        incidentDate: '2026-11-03',
        place: 'Perairan Teluk Kupang',
        chronology: 'Perahu terbalik dihantam gelombang saat menarik jaring.',
        trafficAccident: false,
        notifier: { kind: 'wadah', name: 'Koperasi Nelayan Oesapa' },
        witnesses: [{ name: 'Yakobus Manu' }, { name: 'Markus Tefa' }],
        reportedOn: '2026-11-04',
      })
      .expect(201);
    expect(reported.body).toMatchObject({ status: 'reported', daysAfterIncident: 1 });
    reportId = reported.body.reportId;
    const confirmed = await h
      .http(supervisor)
      .post(`/accident-reports/${reportId}/confirmation`, {
        note: 'Keterangan wadah dan saksi sesuai.',
      })
      .expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', decidedOn: TODAY });
  });

  it('lodges the JKK death claim and lists the documents it needs', async () => {
    const submitted = await h
      .http(officer)
      .post('/claims/jkk', {
        accidentReportId: reportId,
        benefits: [{ kind: 'death' }],
        dateOfDeath: '2026-11-03',
        claimant: { kind: 'heir', fullName: 'Maria Bria', relationship: 'spouse' },
        lodgedOn: '2026-11-20',
      })
      .expect(201);
    claimId = submitted.body.claimId;
    required = submitted.body.documents.required;
    expect(submitted.body).toMatchObject({
      participantId: yohanes,
      program: 'jkk',
      benefitType: 'jkk-death',
      status: 'open',
    });
    expect(submitted.body.documents.required).toEqual(
      expect.arrayContaining([
        'death-certificate',
        'heir-certificate',
        'marriage-book',
        'bank-book',
      ]),
    );
  });

  it('records the checklist; the death certificate enters the death register (DeathRecorded)', async () => {
    let last: { documents: { complete: boolean }; deathRegister: unknown } | undefined;
    for (const document of required) {
      const recorded = await h
        .http(officer)
        .post(`/claims/${claimId}/documents`, {
          document,
          reference: `arsip/${claimId}/${document}.pdf`,
          receivedOn: '2026-11-20',
        })
        .expect(200);
      last = recorded.body;
    }
    expect(last).toMatchObject({
      documents: { complete: true },
      deathRegister: { holderClaimId: claimId, heldByThisClaim: true },
    });
    expect(await h.eventTypesOf(`death-${yohanes}`)).toEqual([
      'DeathRecorded',
      'DeathBenefitClaimed',
    ]);
    await h.untilPublished('DeathRecorded');
    const [recorded] = await h.publishedOfType('DeathRecorded');
    expect(recorded?.data).toMatchObject({
      participantId: yohanes,
      dateOfDeath: '2026-11-03',
      claimId,
    });
  });

  it('waits for the sponsor’s November contribution (pending contribution)', async () => {
    const proposed = await h
      .http(officer)
      .post(`/claims/${claimId}/decisions`, { nominatedPayeeId: widow, consentsGivenBy: [son] })
      .expect(201);
    expect(proposed.body).toMatchObject({
      status: 'pending-contribution',
      eligibility: { outcome: 'pending-contribution' },
      pending: { month: '2026-11', programId: NTT, graceEndsOn: '2027-02-28' },
    });
    const { checks } = bodyOf<{ eligibility: { checks: ReasonBody[] } }>(proposed).eligibility;
    const coverage = checks.find((check) => check.policy === 'covered-on-incident-date');
    expect(coverage).toMatchObject({ outcome: 'pending', code: 'PENDING_CONTRIBUTION' });
  });

  it('re-assesses the claim when the sponsor’s payment event arrives', async () => {
    await h.contributions.decide(
      yohanes,
      {
        type: 'RecordSponsoredContribution',
        programId: NTT,
        month: '2026-11',
        paymentReference: 'ntt-2026-11',
        contribution: TARIFF,
        paidAt: `${TODAY}T02:00:00.000Z`,
        paidOn: TODAY,
      },
      TODAY,
    );
    await eventually(
      async () => {
        expect(await h.eventTypesOf(`claim-${claimId}`)).toContain('ClaimEligibilityAssessed');
        const types = await h.eventTypesOf(`claim-${claimId}`);
        expect(types.filter((type) => type === 'ClaimEligibilityAssessed')).toHaveLength(2);
      },
      { timeoutMs: 180_000 },
    );
    await eventually(async () => {
      const detail = await h.http(officer).get(`/claims/${claimId}`).expect(200);
      expect(detail.body.status).toBe('open');
      const reassessed = bodyOf<TimelineBody>(detail).timeline.filter(
        (entry) => entry.type === 'ClaimEligibilityAssessed',
      );
      expect(reassessed.at(-1)).toMatchObject({
        actor: { id: 'claims.pending-contribution', kind: 'system' },
        details: { outcome: 'eligible' },
      });
    });
  });

  it('proposes the decision with its explanation; a death needs a checker', async () => {
    const proposed = await h
      .http(officer)
      .post(`/claims/${claimId}/decisions`, { nominatedPayeeId: widow, consentsGivenBy: [son] })
      .expect(201);
    expect(proposed.body).toMatchObject({
      status: 'awaiting-checker',
      eligibility: { outcome: 'eligible' },
      decision: {
        total: 70_000_000,
        proposedBy: officer.id,
        checkerRequired: true,
        checkerReasons: expect.arrayContaining(['a death benefit']),
        inputs: { declaredIncome: 1_000_000, incidentDate: '2026-11-03', masaIurMonths: 11 },
      },
    });
    decisionId = proposed.body.decision.decisionId;
    const components = proposed.body.decision.explanation.components as {
      code: string;
      amount: number;
      legalBasis: string;
    }[];
    expect(components.map(({ code, amount }) => [code, amount])).toEqual([
      ['JKK_DEATH_LUMP_SUM', 48_000_000],
      ['JKK_DEATH_PERIODIC', 12_000_000],
      ['JKK_FUNERAL', 10_000_000],
    ]);
    expect(components.every((component) => component.legalBasis.length > 0)).toBe(true);
    expect(proposed.body.decision.payment.disbursements).toEqual([
      expect.objectContaining({
        amount: 70_000_000,
        payee: expect.objectContaining({
          kind: 'heir',
          heirId: widow,
          fullName: 'Maria Bria',
          bankAccount: { bankCode: 'BRI', accountNumber: '0011223344', accountName: 'Maria Bria' },
        }),
      }),
    ]);
  });

  it('refuses the maker as checker, and roles that may not check', async () => {
    const both = { id: officer.id, roles: ['claims-officer', 'claims-supervisor'] } as const;
    const same = await h
      .http(both)
      .post(`/claims/${claimId}/decisions/${decisionId}/approval`)
      .expect(403);
    expect(same.body).toMatchObject({ code: 'MAKER_CHECKER_SAME_PERSON', makerId: officer.id });
    for (const user of [officer, admin, auditor]) {
      const refused = await h
        .http(user)
        .post(`/claims/${claimId}/decisions/${decisionId}/approval`)
        .expect(403);
      expect(refused.body.code).toBe('AUTH_FORBIDDEN_ROLE');
    }
    expect(await h.eventTypesOf(`claim-${claimId}`)).not.toContain('ClaimApproved');
  });

  it('lets exactly one of two supervisors approving at once decide', async () => {
    const [first, second] = await Promise.all(
      [supervisor, supervisor2].map((user) =>
        h.http(user).post(`/claims/${claimId}/decisions/${decisionId}/approval`),
      ),
    );
    const statuses = [first?.status, second?.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first?.status === 409 ? first : second;
    expect(loser?.body).toMatchObject({ code: 'CLAIM_ALREADY_DECIDED', decisionId });
    const winner = first?.status === 200 ? first : second;
    expect(winner?.body).toMatchObject({
      status: 'approved',
      decision: {
        decisionId,
        total: 70_000_000,
        approval: { mode: 'maker-checker', makerId: officer.id },
      },
      scholarshipEntitlementId: decisionId,
    });
    const types = await h.eventTypesOf(`claim-${claimId}`);
    expect(types.filter((type) => type === 'ClaimApproved')).toHaveLength(1);
  });

  it('publishes ClaimApproved with an explanation that recomputes to the approved total', async () => {
    await h.untilPublished('ClaimApproved');
    const [approved] = await h.publishedOfType('ClaimApproved');
    if (approved === undefined) throw new Error('ClaimApproved was not published');
    const data = approved.data as {
      claimId: string;
      total: number;
      explanation: StoredExplanation;
      approval: { makerId: string; checkerId: string };
      sla: { dueDate: string; workingDays: number };
      payment: { disbursements: { payee: { fullName: string } }[] };
    };
    expect(data.claimId).toBe(claimId);
    const recomputed = recompute(data.explanation);
    expect(recomputed.ok && recomputed.value.total).toBe(70_000_000);
    expect(data.total).toBe(70_000_000);
    expect(data.approval.makerId).toBe(officer.id);
    expect([supervisor.id, supervisor2.id]).toContain(data.approval.checkerId);
    expect(data.sla.workingDays).toBe(7);
    expect(data.payment.disbursements[0]?.payee.fullName).toBe('Maria Bria');
    expect(approved.metadata.actor.id).toBe(data.approval.checkerId);
    // On the wire the payee's name and account are sealed with the participant's key.
    const [wire] = h.rawPublished('ClaimApproved');
    expect(JSON.stringify(wire?.data)).not.toContain('Maria Bria');
    expect(JSON.stringify(wire?.data)).not.toContain('0011223344');
  });

  it('grants the scholarship entitlement with the approval; a third child is not in it', async () => {
    const entitlement = await h.http(auditor).get(`/scholarships/${decisionId}`).expect(200);
    expect(entitlement.body).toMatchObject({
      status: 'granted',
      entitlement: { route: 'jkk-death', maxChildren: 2, claimId },
    });
    expect(
      bodyOf<{ children: { child: { childId: string } }[] }>(entitlement).children.map(
        (ledger) => ledger.child.childId,
      ),
    ).toEqual(['child-paulus', 'child-agnes']);
    const application = {
      applicationDate: TODAY,
      schoolYear: '2026/2027',
      level: 'SMP',
      enrolment: {
        schoolName: 'SMP Negeri 2 Kupang',
        evidenceReference: 'arsip/sekolah/paulus-2026.pdf',
      },
      child: { married: false, work: { kind: 'not-working' } },
      documents: [
        { code: 'birth-certificate', reference: 'arsip/akta/paulus.pdf' },
        { code: 'family-card', reference: 'arsip/kk/bria.pdf' },
        { code: 'school-enrolment-letter', reference: 'arsip/sekolah/paulus-2026.pdf' },
        { code: 'latest-report-card', reference: 'arsip/rapor/paulus-2026.pdf' },
        { code: 'bank-account', reference: 'arsip/bank/maria.pdf' },
      ],
      payee: {
        holder: 'guardian',
        fullName: 'Maria Bria',
        bankAccount: { bankCode: 'BRI', accountNumber: '0011223344', accountName: 'Maria Bria' },
      },
    };
    // Agnes at junior high: Rp2,000,000, below the threshold, final on the maker's decision.
    const agnes = await h
      .http(officer)
      .post(`/scholarships/${decisionId}/applications`, { ...application, childId: 'child-agnes' })
      .expect(201);
    expect(agnes.body).toMatchObject({
      outcome: 'approved',
      childId: 'child-agnes',
      instalment: { level: 'SMP', amount: 2_000_000, scholarshipYear: '2026/2027' },
    });
    // Paulus at university: Rp12,000,000, at or above the threshold, checked by a supervisor.
    const paulus = await h
      .http(officer)
      .post(`/scholarships/${decisionId}/applications`, {
        ...application,
        childId: 'child-paulus',
        level: 'PT',
        enrolment: {
          schoolName: 'Universitas Nusa Cendana',
          evidenceReference: 'arsip/undana.pdf',
        },
      })
      .expect(201);
    expect(paulus.body).toMatchObject({
      outcome: 'proposed',
      instalment: { level: 'PT', amount: 12_000_000 },
    });
    const { applicationId } = bodyOf<{ applicationId: string }>(paulus);
    await h
      .http(officer)
      .post(`/scholarships/${decisionId}/applications/${applicationId}/approval`)
      .expect(403);
    const checked = await h
      .http(supervisor)
      .post(`/scholarships/${decisionId}/applications/${applicationId}/approval`)
      .expect(200);
    expect(checked.body).toMatchObject({
      outcome: 'approved',
      childId: 'child-paulus',
      instalment: {
        amount: 12_000_000,
        approval: { mode: 'maker-checker', makerId: officer.id, checkerId: supervisor.id },
        payee: { kind: 'scholarship-account', fullName: 'Maria Bria' },
      },
    });
    const third = await h
      .http(officer)
      .post(`/scholarships/${decisionId}/applications`, { ...application, childId: 'child-kevin' })
      .expect(422);
    expect(third.body.code).toBe('CHILD_NOT_IN_ENTITLEMENT');
  });

  it('shows the claim in the work queue by status, type, regency and SLA', async () => {
    await h
      .http(officer)
      .post('/claims/jkm', {
        participantId: maria,
        dateOfDeath: '2026-11-18',
        claimant: { kind: 'heir', fullName: 'Yosef Lake', relationship: 'spouse' },
      })
      .expect(201);
    const ids = async (query: string): Promise<string[]> => {
      const page = await h.http(auditor).get(`/claims?${query}`).expect(200);
      return bodyOf<QueueBody>(page).items.map((item) => item.claimId);
    };
    await eventually(async () => {
      expect(await ids(`status=approved&regencyCode=5371`)).toEqual([claimId]);
      expect(await ids(`regencyCode=5301`)).toHaveLength(1);
      expect(await ids(`regencyCode=5301`)).not.toContain(claimId);
      expect(await ids(`benefitType=jkk-death`)).toEqual([claimId]);
      expect(await ids(`program=jkm&status=open`)).toHaveLength(1);
      // Decided claims leave the SLA filters; Maria's claim has no documents yet.
      expect(await ids(`sla=on-time`)).toEqual([]);
      expect(await ids(`sla=not-started`)).toEqual(await ids(`regencyCode=5301`));
      // The approved death opened the children's scholarship entitlement.
      expect(await ids(`scholarship=true`)).toEqual([claimId]);
    });
    const page = await h.http(supervisor).get(`/claims?participantId=${yohanes}`).expect(200);
    expect(page.body.items[0]).toMatchObject({
      claimId,
      regencyCode: '5371',
      status: 'approved',
      approvedTotal: 70_000_000,
      scholarshipEntitlementId: decisionId,
      sla: { state: 'running', dueDate: '2026-12-01', overdue: false },
    });
  });

  it('shows the claim’s timeline with who did what', async () => {
    const detail = await eventually(async () => {
      const response = await h.http(auditor).get(`/claims/${claimId}`).expect(200);
      const body = bodyOf<TimelineBody & Record<string, unknown>>(response);
      expect(body.timeline.map((entry) => entry.type)).toContain('ScholarshipInstalmentApproved');
      return body;
    });
    const who = (type: string): string[] =>
      detail.timeline.filter((entry) => entry.type === type).map((entry) => entry.actor.id);
    expect(who('AccidentReported')).toEqual([officer.id]);
    expect(who('WorkAccidentConfirmed')).toEqual([supervisor.id]);
    expect(who('JkkClaimSubmitted')).toEqual([officer.id]);
    expect(who('DeathRecorded')).toEqual([officer.id]);
    expect(who('ClaimPendingContribution')).toEqual([officer.id]);
    expect(who('ClaimDecisionProposed')).toEqual([officer.id]);
    expect(who('ClaimApproved')).toHaveLength(1);
    expect([supervisor.id, supervisor2.id]).toContain(who('ClaimApproved')[0]);
    expect(who('ScholarshipEntitlementGranted')).toEqual(who('ClaimApproved'));
    expect(detail.claimant).toEqual({
      kind: 'heir',
      fullName: 'Maria Bria',
      relationship: 'spouse',
    });
    expect(detail.decision).toMatchObject({ decisionId, total: 70_000_000 });
  });

  it('verifies the claim’s hash chains on request, and notices an edited event', async () => {
    const verification = async () =>
      (await h.http(auditor).get(`/claims/${claimId}/chain-verification`).expect(200)).body as {
        verified: boolean;
        streams: { streamId: string; events: number; verified: boolean; problems: unknown[] }[];
      };
    const intact = await verification();
    expect(intact.verified).toBe(true);
    const streamIds = intact.streams.map((stream) => stream.streamId);
    expect(streamIds).toEqual(expect.arrayContaining([`claim-${claimId}`]));
    expect(streamIds.some((id) => id.startsWith('accident-report-'))).toBe(true);
    expect(intact.streams.every((stream) => stream.verified && stream.events > 0)).toBe(true);

    const claimStream = `claim-${claimId}`;
    const [original] = await h.runtime.database.query<{ data: unknown }>(
      'select data from events where stream_id = $1 and version = 1',
      [claimStream],
    );
    await h.runtime.database.query(
      `update events set data = jsonb_set(data, '{submittedOn}', '"2026-01-01"') where stream_id = $1 and version = 1`,
      [claimStream],
    );
    try {
      const edited = await verification();
      expect(edited.verified).toBe(false);
      expect(edited.streams.find((stream) => stream.streamId === claimStream)).toMatchObject({
        verified: false,
        problems: [expect.objectContaining({ kind: 'altered', version: 1 })],
      });
    } finally {
      await h.runtime.database.query(
        'update events set data = $2::jsonb where stream_id = $1 and version = 1',
        [claimStream, JSON.stringify(original?.data)],
      );
    }
    expect((await verification()).verified).toBe(true);
    await h.http(auditor).get(`/claims/${randomUUID()}/chain-verification`).expect(404);
  });

  it('rebuilds both read models from the event store to exactly the live ones', async () => {
    await h.caughtUp();
    const live = await h.readModels();
    expect(live.workQueue.length).toBe(2);
    await h.rebuildReadModels();
    expect(await h.readModels()).toEqual(live);
  });
});
