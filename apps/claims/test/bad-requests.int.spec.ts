// Requests the claims service refuses with problem details and a stable code, leaving no
// partial state: unknown participant, incident date in the future, wrong role, malformed
// body, unknown claim, the maker acting as checker (approvals and rejections alike), a
// rejection without its reason code or note. Also the threshold: a small claim is
// final on the maker's word, a large one waits for a different person.
import { randomUUID } from 'node:crypto';
import { SwaggerModule, DocumentBuilder } from '@nestjs/swagger';
import { eventually } from '@santunan/testing';
import {
  ClaimsHarness,
  TODAY,
  admin,
  auditor,
  officer,
  supervisor,
  bodyOf,
  type User,
} from './claims-harness';
import type { ReportAccidentDto } from '../src/report-accident/report-accident.dto';

const makerAndChecker: User = {
  id: 'officer-fajar',
  roles: ['claims-officer', 'claims-supervisor'],
};

describe('requests the claims service refuses', () => {
  let h: ClaimsHarness;
  const kornelis = randomUUID();

  const problem = (code: string, status: number): unknown =>
    expect.objectContaining({
      type: `urn:santunan:problem:${code.toLowerCase().replace(/_/g, '-')}`,
      status,
      code,
      title: expect.any(String),
      detail: expect.any(String),
    });

  const report = (participantId: string, incidentDate: string): ReportAccidentDto => ({
    participantId,
    incidentKind: 'accident',
    incidentDate,
    place: 'Pasar Inpres Naikoten',
    chronology: 'Tertimpa karung beras saat bongkar muat.',
    trafficAccident: false,
    notifier: { kind: 'union', name: 'Serikat Buruh Angkut Kupang' },
    witnesses: [{ name: 'Dominggus Tlonaen' }, { name: 'Ishak Bana' }],
  });

  /** A JKK claim for Kornelis, documents complete, ready for the maker's proposal. */
  async function readyClaim(benefits: object[]): Promise<string> {
    const { claimId, documents } = await h.lodgeJkkClaim(report(kornelis, '2026-11-02'), benefits, {
      bankCode: 'BRI',
      accountNumber: '7788990011',
      accountName: 'Kornelis Bani',
    });
    await h.recordDocuments(claimId, documents.required);
    return claimId;
  }

  beforeAll(async () => {
    h = await ClaimsHarness.start('bad_requests');
    await h.enrolPaidFor2026({
      id: kornelis,
      nik: '5371011508900021',
      fullName: 'Kornelis Bani',
      addressLine: 'Kelurahan Naikoten I',
      phone: '+6281234500021',
      occupation: 'buruh angkut',
    });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('refuses a claim for a participant enrollment never registered, writing nothing', async () => {
    const before = await h.eventCount();
    const unknown = randomUUID();
    const reported = await h
      .http(officer)
      .post('/accident-reports', report(unknown, '2026-11-02'))
      .expect(422);
    expect(reported.body).toEqual(problem('PARTICIPANT_UNKNOWN', 422));
    expect(reported.body.participantId).toBe(unknown);
    const jkm = await h
      .http(officer)
      .post('/claims/jkm', {
        participantId: unknown,
        dateOfDeath: '2026-11-10',
        claimant: { kind: 'heir', fullName: 'Yuliana Bani', relationship: 'spouse' },
      })
      .expect(422);
    expect(jkm.body).toEqual(problem('PARTICIPANT_UNKNOWN', 422));
    expect(await h.eventCount()).toBe(before);
  });

  it('refuses an incident or a death dated after today, writing nothing', async () => {
    const before = await h.eventCount();
    const reported = await h
      .http(officer)
      .post('/accident-reports', report(kornelis, '2026-12-01'))
      .expect(422);
    expect(reported.body).toEqual(problem('INCIDENT_DATE_IN_FUTURE', 422));
    expect(reported.body.detail).toContain('2026-12-01');
    const jkm = await h
      .http(officer)
      .post('/claims/jkm', {
        participantId: kornelis,
        dateOfDeath: '2026-11-25',
        claimant: { kind: 'heir', fullName: 'Yuliana Bani', relationship: 'spouse' },
      })
      .expect(422);
    expect(jkm.body).toEqual(problem('INCIDENT_DATE_IN_FUTURE', 422));
    expect(await h.eventCount()).toBe(before);
  });

  it('refuses the wrong role (admin is no bypass) and a missing token', async () => {
    const before = await h.eventCount();
    for (const user of [supervisor, auditor, admin]) {
      const refused = await h
        .http(user)
        .post('/accident-reports', report(kornelis, '2026-11-02'))
        .expect(403);
      expect(refused.body).toEqual(problem('AUTH_FORBIDDEN_ROLE', 403));
      expect(refused.body.requiredRoles).toEqual(['claims-officer']);
    }
    await h.http(admin).get('/claims').expect(403);
    const anonymous = await h.http(null).get('/claims').expect(401);
    expect(anonymous.body).toEqual(problem('AUTH_TOKEN_MISSING', 401));
    await h.http(auditor).get('/claims').expect(200);
    expect(await h.eventCount()).toBe(before);
  });

  it('refuses a malformed body with the fields at fault, and an unknown claim with 404', async () => {
    const before = await h.eventCount();
    const malformed = await h
      .http(officer)
      .post('/claims/jkk', {
        accidentReportId: randomUUID(),
        benefits: [{ kind: 'stmb' }, { kind: 'transport', legs: [{ mode: 'rocket', amount: 1 }] }],
        claimant: { kind: 'heir' },
        amountInDollars: 5,
      })
      .expect(400);
    expect(malformed.body).toEqual(problem('VALIDATION_FAILED', 400));
    const fields = bodyOf<{ errors: { field: string }[] }>(malformed).errors.map(
      (error) => error.field,
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        '/benefits/0/months',
        '/benefits/1/legs/0/mode',
        '/claimant/fullName',
        '/claimant/relationship',
        '/amountInDollars',
      ]),
    );
    const missing = randomUUID();
    const detail = await h.http(auditor).get(`/claims/${missing}`).expect(404);
    expect(detail.body).toEqual(problem('CLAIM_NOT_FOUND', 404));
    const document = await h
      .http(officer)
      .post(`/claims/${missing}/documents`, { document: 'ktp', reference: 'arsip/ktp' })
      .expect(404);
    expect(document.body).toEqual(problem('CLAIM_NOT_FOUND', 404));
    const report404 = await h
      .http(officer)
      .post('/claims/jkk', {
        accidentReportId: missing,
        benefits: [{ kind: 'stmb', months: 1 }],
        claimant: { kind: 'participant' },
      })
      .expect(404);
    expect(report404.body).toEqual(problem('REPORT_NOT_FOUND', 404));
    expect(await h.eventCount()).toBe(before);
  });

  it('refuses a claimant or a witness whose name is only spaces, naming the field', async () => {
    const before = await h.eventCount();
    const jkm = await h
      .http(officer)
      .post('/claims/jkm', {
        participantId: kornelis,
        dateOfDeath: '2026-11-20',
        claimant: { kind: 'heir', fullName: ' \t ', relationship: 'spouse' },
      })
      .expect(400);
    expect(bodyOf<{ errors: { field: string; constraint: string }[] }>(jkm).errors).toEqual([
      expect.objectContaining({ field: '/claimant/fullName', constraint: 'isNotBlank' }),
    ]);
    const reported = await h
      .http(officer)
      .post('/accident-reports', {
        ...report(kornelis, '2026-11-02'),
        witnesses: [{ name: '   ' }],
      })
      .expect(400);
    expect(
      bodyOf<{ errors: { field: string; constraint: string }[] }>(reported).errors.map(
        (error) => `${error.field}:${error.constraint}`,
      ),
    ).toContain('/witnesses/0/name:isNotBlank');
    expect(await h.eventCount()).toBe(before);
  });

  it('refuses the maker as checker of a claim at or above the threshold, leaving it waiting', async () => {
    // 12 months of STMB at Rp1,000,000: Rp12,000,000, at or above the Rp10,000,000 threshold.
    const claimId = await readyClaim([{ kind: 'stmb', months: 12 }]);
    const proposed = await h.http(makerAndChecker).post(`/claims/${claimId}/decisions`).expect(201);
    expect(proposed.body).toMatchObject({
      status: 'awaiting-checker',
      decision: { total: 12_000_000, checkerRequired: true, proposedBy: makerAndChecker.id },
    });
    const { decisionId } = proposed.body.decision;
    const before = await h.eventCount();
    const same = await h
      .http(makerAndChecker)
      .post(`/claims/${claimId}/decisions/${decisionId}/approval`)
      .expect(403);
    expect(same.body).toEqual(problem('MAKER_CHECKER_SAME_PERSON', 403));
    const sentBack = await h
      .http(makerAndChecker)
      .post(`/claims/${claimId}/decisions/${decisionId}/send-back`, { reason: 'saya sendiri' })
      .expect(403);
    expect(sentBack.body.code).toBe('MAKER_CHECKER_SAME_PERSON');
    const stale = await h
      .http(supervisor)
      .post(`/claims/${claimId}/decisions/${randomUUID()}/approval`)
      .expect(409);
    expect(stale.body).toEqual(problem('DECISION_NOT_PENDING', 409));
    expect(await h.eventCount()).toBe(before);
    await eventually(async () => {
      const detail = await h.http(auditor).get(`/claims/${claimId}`).expect(200);
      expect(detail.body).toMatchObject({
        status: 'awaiting-checker',
        pendingDecisionId: decisionId,
      });
    });
    const approved = await h
      .http(supervisor)
      .post(`/claims/${claimId}/decisions/${decisionId}/approval`)
      .expect(200);
    expect(approved.body.decision.approval).toMatchObject({
      mode: 'maker-checker',
      makerId: makerAndChecker.id,
      checkerId: supervisor.id,
      approvedOn: TODAY,
    });
  });

  it('refuses a rejection without a known reason code or a note, naming the field', async () => {
    const claimId = await readyClaim([{ kind: 'stmb', months: 1 }]);
    const before = await h.eventCount();
    const fieldsOf = (body: { errors: { field: string }[] }): string[] =>
      [...new Set(body.errors.map((error) => error.field))].sort();
    const cases: [body: object, fields: string[]][] = [
      [{}, ['/note', '/reasonCode']],
      [{ reasonCode: 'CLAIM_WITHDRAWN' }, ['/note']],
      [{ reasonCode: 'CLAIM_WITHDRAWN', note: '' }, ['/note']],
      [{ reasonCode: 'CLAIM_WITHDRAWN', note: '  \n ' }, ['/note']],
      [{ reasonCode: 'CLAIM_WITHDRAWN', note: 42 }, ['/note']],
      [{ note: 'Peserta mencabut klaim.' }, ['/reasonCode']],
      // A policy's code is no reason a person may give.
      [{ reasonCode: 'MEMBERSHIP_LAPSED', note: 'Iuran menunggak.' }, ['/reasonCode']],
      [{ reasonCode: 'claim-withdrawn', note: 'Peserta mencabut klaim.' }, ['/reasonCode']],
    ];
    const paths: [User, string][] = [
      [officer, `/claims/${claimId}/rejection-proposals`],
      [supervisor, `/claims/${claimId}/decisions/${randomUUID()}/rejection`],
    ];
    for (const [user, path] of paths) {
      for (const [body, fields] of cases) {
        const refused = await h.http(user).post(path, body).expect(400);
        expect(refused.body).toEqual(problem('VALIDATION_FAILED', 400));
        expect(fieldsOf(refused.body as { errors: { field: string }[] })).toEqual(fields);
      }
    }
    expect(await h.eventCount()).toBe(before);
  });

  it('lets no one check their own proposal, of either kind, and keeps each side to its role', async () => {
    const withdrawn = { reasonCode: 'CLAIM_WITHDRAWN', note: 'Peserta mencabut klaim.' };
    const claimId = await readyClaim([{ kind: 'stmb', months: 1 }]);
    await h.http(supervisor).post(`/claims/${claimId}/rejection-proposals`, withdrawn).expect(403);
    const proposed = await h
      .http(makerAndChecker)
      .post(`/claims/${claimId}/rejection-proposals`, withdrawn)
      .expect(201);
    const { decisionId } = (proposed.body as { proposal: { decisionId: string } }).proposal;
    const before = await h.eventCount();
    const decisions = `/claims/${claimId}/decisions/${decisionId}`;
    const ownApproval = await h.http(makerAndChecker).post(`${decisions}/approval`).expect(403);
    expect(ownApproval.body).toEqual(problem('MAKER_CHECKER_SAME_PERSON', 403));
    const ownSendBack = await h
      .http(makerAndChecker)
      .post(`${decisions}/send-back`, { reason: 'saya ragu' })
      .expect(403);
    expect(ownSendBack.body).toEqual(problem('MAKER_CHECKER_SAME_PERSON', 403));
    // An officer without the supervisor role cannot check anyone's proposal.
    const byRole = await h.http(officer).post(`${decisions}/approval`).expect(403);
    expect(byRole.body).toEqual(problem('AUTH_FORBIDDEN_ROLE', 403));
    await h.http(officer).post(`${decisions}/rejection`, withdrawn).expect(403);
    expect(await h.eventCount()).toBe(before);

    const approvalClaim = await readyClaim([{ kind: 'stmb', months: 12 }]);
    const approval = await h
      .http(makerAndChecker)
      .post(`/claims/${approvalClaim}/decisions`)
      .expect(201);
    expect(approval.body).toMatchObject({
      status: 'awaiting-checker',
      proposal: { kind: 'approval', proposedBy: makerAndChecker.id, reasonCode: null },
    });
    const own = await h
      .http(makerAndChecker)
      .post(
        `/claims/${approvalClaim}/decisions/${approval.body.decision.decisionId}/rejection`,
        withdrawn,
      )
      .expect(403);
    expect(own.body).toEqual(problem('MAKER_CHECKER_SAME_PERSON', 403));
  });

  it('makes a claim below the threshold final on the maker’s proposal (single actor)', async () => {
    const claimId = await readyClaim([{ kind: 'medical-care', claimedAmount: 2_500_000 }]);
    const proposed = await h.http(officer).post(`/claims/${claimId}/decisions`).expect(201);
    expect(proposed.body).toMatchObject({
      status: 'approved',
      decision: {
        total: 2_500_000,
        checkerRequired: false,
        approval: { mode: 'single-actor', makerId: officer.id, checkerId: null },
      },
      scholarshipEntitlementId: null,
    });
    const again = await h.http(officer).post(`/claims/${claimId}/decisions`).expect(409);
    expect(again.body).toEqual(problem('CLAIM_ALREADY_DECIDED', 409));
  });

  it('describes every route in the OpenAPI document', () => {
    const document = SwaggerModule.createDocument(
      h.app,
      new DocumentBuilder().setTitle('claims').addBearerAuth().build(),
    );
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/accident-reports',
        '/accident-reports/{reportId}/confirmation',
        '/claims/jkk',
        '/claims/jkm',
        '/claims/{claimId}/documents',
        '/claims/{claimId}/document-requests',
        '/claims/{claimId}/decisions',
        '/claims/{claimId}/decisions/{decisionId}/approval',
        '/claims/{claimId}/decisions/{decisionId}/send-back',
        '/claims/{claimId}/decisions/{decisionId}/rejection',
        '/claims/{claimId}/rejection-proposals',
        '/claims/rejection-reasons',
        '/claims/{claimId}/chain-verification',
        '/claims/{claimId}/reopening',
        '/claims',
        '/claims/{claimId}',
        '/scholarships/{entitlementId}/applications',
      ]),
    );
  });
});
