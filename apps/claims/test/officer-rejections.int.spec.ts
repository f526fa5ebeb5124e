// Rejections claims staff decide on the evidence, under maker–checker (ADR 0009, "Officer
// rejections"): the officer proposes a rejection with a reason code and a note; it takes effect
// only when a supervisor approves it, and can be sent back. A supervisor can also reject a
// claim whose approval was proposed. The pending proposal shows on the claim and in the work
// queue; the rejection is published on claims.events with who proposed and who confirmed it,
// and the claim is reopened as any rejected claim.
import { randomUUID } from 'node:crypto';
import { eventually } from '@santunan/testing';
import {
  ClaimsHarness,
  TODAY,
  auditor,
  bodyOf,
  officer,
  supervisor,
  type QueueBody,
  type TimelineBody,
} from './claims-harness';

interface Outcome {
  readonly status: string;
  readonly proposal: {
    readonly kind: string;
    readonly decisionId: string;
    readonly proposedBy: string;
  } | null;
  readonly decision: { readonly decisionId: string } | null;
}

describe('officer rejections: proposed by the maker, confirmed or sent back by the checker', () => {
  let h: ClaimsHarness;
  const yosef = randomUUID();
  const forged = {
    reasonCode: 'DOCUMENTS_NOT_AUTHENTIC',
    note: 'Surat keterangan dokter tidak tercatat di RSUD W.Z. Johannes.',
  };

  /** Stage I confirmed and a JKK STMB claim lodged for Yosef; its documents when asked. */
  async function stmbClaim(months: number, withDocuments: boolean): Promise<string> {
    const { claimId, documents } = await h.lodgeJkkClaim(
      {
        participantId: yosef,
        incidentKind: 'accident',
        incidentDate: '2026-11-02',
        place: 'Pelabuhan Tenau',
        chronology: 'Terjepit tali tambat saat kapal merapat.',
        trafficAccident: false,
        notifier: { kind: 'union', name: 'Serikat Buruh Pelabuhan Tenau' },
        witnesses: [{ name: 'Markus Laka' }],
      },
      [{ kind: 'stmb', months }],
      { bankCode: 'BRI', accountNumber: '6655443322', accountName: 'Yosef Nda' },
    );
    if (withDocuments) await h.recordDocuments(claimId, documents.required);
    return claimId;
  }

  const queue = async (query: string): Promise<QueueBody['items']> => {
    const page = await h.http(auditor).get(`/claims?participantId=${yosef}&${query}`).expect(200);
    return bodyOf<QueueBody>(page).items;
  };

  /** The work queue is a read model: it shows a command's effect a moment later. */
  const inQueue = (query: string, check: (items: QueueBody['items']) => void): Promise<void> =>
    eventually(async () => check(await queue(query)));

  beforeAll(async () => {
    h = await ClaimsHarness.start('officer_rejections');
    await h.enrolPaidFor2026({
      id: yosef,
      nik: '5371011508900031',
      fullName: 'Yosef Nda',
      addressLine: 'Kelurahan Alak',
      phone: '+6281234500031',
      occupation: 'buruh pelabuhan',
    });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('lists the reason codes to any signed-in user, with the keys of their labels', async () => {
    const listed = await h.http(auditor).get('/claims/rejection-reasons').expect(200);
    expect(listed.body).toEqual({
      reasons: [
        'DOCUMENTS_NOT_AUTHENTIC',
        'FACTS_NOT_PROVEN',
        'CLAIMANT_NOT_ENTITLED',
        'DUPLICATE_CLAIM',
        'CLAIM_WITHDRAWN',
      ].map((code) => ({ code, labelKey: `rejectionReason.${code}` })),
    });
    const anonymous = await h.http(null).get('/claims/rejection-reasons').expect(401);
    expect(anonymous.body.code).toBe('AUTH_TOKEN_MISSING');
  });

  it('a proposed rejection waits for the checker, shows on the claim, and takes effect when approved', async () => {
    const claimId = await stmbClaim(2, true);
    const proposed = await h
      .http(officer)
      .post(`/claims/${claimId}/rejection-proposals`, { ...forged, note: `  ${forged.note} ` })
      .expect(201);
    const decisionId = bodyOf<Outcome>(proposed).proposal?.decisionId ?? '';
    expect(proposed.body).toMatchObject({
      claimId,
      status: 'awaiting-checker',
      proposal: {
        kind: 'rejection',
        decisionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        proposedBy: officer.id,
        proposedOn: TODAY,
        reasonCode: 'DOCUMENTS_NOT_AUTHENTIC',
        note: forged.note,
        total: null,
      },
      decision: null,
      rejection: null,
    });

    // The checker's queue finds it under awaiting-checker, as a rejection.
    await inQueue('status=awaiting-checker', (awaiting) =>
      expect(awaiting).toEqual([
        expect.objectContaining({
          claimId,
          status: 'awaiting-checker',
          proposalKind: 'rejection',
          pendingDecisionId: decisionId,
          proposedBy: officer.id,
          proposedTotal: null,
          checkerRequired: true,
        }),
      ]),
    );
    expect((await queue('proposalKind=rejection')).map((item) => item.claimId)).toEqual([claimId]);
    expect(await queue('proposalKind=approval')).toEqual([]);
    await h.http(auditor).get('/claims?proposalKind=refusal').expect(400);

    const detail = await eventually(async () => {
      const read = await h.http(supervisor).get(`/claims/${claimId}`).expect(200);
      expect(bodyOf<TimelineBody>(read).timeline.map((entry) => entry.type)).toContain(
        'ClaimRejectionProposed',
      );
      return read;
    });
    expect(detail.body).toMatchObject({
      status: 'awaiting-checker',
      proposalKind: 'rejection',
      proposal: {
        kind: 'rejection',
        decisionId,
        proposedBy: officer.id,
        reasonCode: 'DOCUMENTS_NOT_AUTHENTIC',
        note: forged.note,
      },
      decision: null,
    });
    expect(bodyOf<TimelineBody>(detail).timeline).toContainEqual(
      expect.objectContaining({
        type: 'ClaimRejectionProposed',
        actor: expect.objectContaining({ id: officer.id }),
        details: expect.objectContaining({ decisionId, reasonCode: 'DOCUMENTS_NOT_AUTHENTIC' }),
      }),
    );

    // Nothing is decided yet: documents wait for the checker's answer, as with an approval.
    await h
      .http(officer)
      .post(`/claims/${claimId}/documents`, { document: 'police-report', reference: 'arsip/x' })
      .expect(409);

    const review = {
      proposal: 'rejection',
      makerId: officer.id,
      proposedOn: TODAY,
      checkerId: supervisor.id,
    };
    const confirmed = await h
      .http(supervisor)
      .post(`/claims/${claimId}/decisions/${decisionId}/approval`)
      .expect(200);
    expect(confirmed.body).toMatchObject({
      status: 'rejected',
      proposal: null,
      decision: null,
      rejection: {
        decisionId,
        rejectedBy: supervisor.id,
        rejectedOn: TODAY,
        reasons: [
          {
            policy: 'officer-review',
            code: 'DOCUMENTS_NOT_AUTHENTIC',
            message: forged.note,
            details: review,
          },
        ],
      },
    });

    await h.untilPublished('ClaimRejected');
    const [published] = (await h.publishedOfType('ClaimRejected')).filter(
      (event) => event.data['claimId'] === claimId,
    );
    expect(published?.data).toMatchObject({
      decisionId,
      rejectedBy: supervisor.id,
      checks: [],
      reasons: [{ policy: 'officer-review', code: 'DOCUMENTS_NOT_AUTHENTIC', details: review }],
    });
    expect(
      (await h.publishedOfType('ClaimRejectionProposed')).map((event) => event.data),
    ).toContainEqual(
      expect.objectContaining({ claimId, decisionId, proposedBy: officer.id, note: forged.note }),
    );

    await inQueue('status=rejected', (rejected) =>
      expect(rejected).toContainEqual(
        expect.objectContaining({
          claimId,
          proposalKind: null,
          lastDecisionId: decisionId,
          rejectionCodes: ['DOCUMENTS_NOT_AUTHENTIC'],
        }),
      ),
    );
    const after = await eventually(async () => {
      const read = await h.http(auditor).get(`/claims/${claimId}`).expect(200);
      expect(bodyOf<TimelineBody>(read).timeline.map((entry) => entry.type)).toContain(
        'ClaimRejected',
      );
      return read;
    });
    expect(after.body).toMatchObject({ status: 'rejected', proposal: null });
    expect(bodyOf<TimelineBody>(after).timeline).toContainEqual(
      expect.objectContaining({
        type: 'ClaimRejected',
        actor: expect.objectContaining({ id: supervisor.id }),
        details: expect.objectContaining({
          reasons: [
            {
              policy: 'officer-review',
              code: 'DOCUMENTS_NOT_AUTHENTIC',
              message: forged.note,
              review,
            },
          ],
        }),
      }),
    );

    // Decided: the appeal reopens it like any rejection, and a new decision supersedes it.
    await h
      .http(supervisor)
      .post(`/claims/${claimId}/decisions/${decisionId}/approval`)
      .expect(409);
    const decided = await h
      .http(officer)
      .post(`/claims/${claimId}/rejection-proposals`, forged)
      .expect(409);
    expect(decided.body.code).toBe('CLAIM_ALREADY_DECIDED');
    await h
      .http(officer)
      .post(`/claims/${claimId}/reopening`, {
        kind: 'appeal',
        reason: 'Surat asli dari RSUD diserahkan ahli waris.',
      })
      .expect(200);
    const anew = await h.http(officer).post(`/claims/${claimId}/decisions`).expect(201);
    expect(anew.body).toMatchObject({
      status: 'approved',
      decision: { supersedesDecisionId: decisionId },
    });
  });

  it('a rejection proposal sent back leaves the claim open for the maker', async () => {
    const claimId = await stmbClaim(2, false);
    const proposed = await h
      .http(officer)
      .post(`/claims/${claimId}/rejection-proposals`, {
        reasonCode: 'CLAIM_WITHDRAWN',
        note: 'Peserta menyatakan mencabut klaim secara lisan.',
      })
      .expect(201);
    const decisionId = bodyOf<Outcome>(proposed).proposal?.decisionId ?? '';
    const second = await h
      .http(officer)
      .post(`/claims/${claimId}/rejection-proposals`, forged)
      .expect(409);
    expect(second.body.code).toBe('DECISION_ALREADY_PROPOSED');
    const refusedRejection = await h
      .http(supervisor)
      .post(`/claims/${claimId}/decisions/${decisionId}/rejection`, forged)
      .expect(409);
    expect(refusedRejection.body.code).toBe('REJECTION_ALREADY_PROPOSED');

    const sentBack = await h
      .http(supervisor)
      .post(`/claims/${claimId}/decisions/${decisionId}/send-back`, {
        reason: 'Pencabutan harus tertulis dan ditandatangani.',
      })
      .expect(200);
    expect(sentBack.body).toMatchObject({ status: 'open', proposal: null, rejection: null });
    await inQueue('status=open', (open) =>
      expect(open).toContainEqual(
        expect.objectContaining({ claimId, proposalKind: null, pendingDecisionId: null }),
      ),
    );
    expect(await queue('proposalKind=rejection')).toEqual([]);
    const again = await h
      .http(officer)
      .post(`/claims/${claimId}/rejection-proposals`, {
        reasonCode: 'CLAIM_WITHDRAWN',
        note: 'Surat pencabutan bertanda tangan diterima.',
      })
      .expect(201);
    expect(bodyOf<Outcome>(again).proposal?.decisionId).not.toBe(decisionId);
  });

  it('a supervisor rejects a claim whose approval was proposed, instead of approving it', async () => {
    const claimId = await stmbClaim(12, true);
    const proposed = await h.http(officer).post(`/claims/${claimId}/decisions`).expect(201);
    const outcome = bodyOf<Outcome>(proposed);
    expect(outcome).toMatchObject({
      status: 'awaiting-checker',
      proposal: { kind: 'approval', proposedBy: officer.id, reasonCode: null, note: null },
    });
    const decisionId = outcome.decision?.decisionId ?? '';
    expect(outcome.proposal?.decisionId).toBe(decisionId);
    await inQueue('proposalKind=approval', (items) =>
      expect(items.map((item) => item.claimId)).toEqual([claimId]),
    );

    const note = 'Rekam medis menunjukkan cedera terjadi di luar jam kerja.';
    const rejected = await h
      .http(supervisor)
      .post(`/claims/${claimId}/decisions/${decisionId}/rejection`, {
        reasonCode: 'FACTS_NOT_PROVEN',
        note,
      })
      .expect(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      proposal: null,
      decision: null,
      rejection: {
        decisionId,
        rejectedBy: supervisor.id,
        reasons: [
          {
            policy: 'officer-review',
            code: 'FACTS_NOT_PROVEN',
            message: note,
            details: {
              proposal: 'approval',
              makerId: officer.id,
              proposedOn: TODAY,
              checkerId: supervisor.id,
            },
          },
        ],
      },
    });
    const again = await h
      .http(supervisor)
      .post(`/claims/${claimId}/decisions/${decisionId}/rejection`, {
        reasonCode: 'FACTS_NOT_PROVEN',
        note,
      })
      .expect(409);
    expect(again.body.code).toBe('CLAIM_ALREADY_DECIDED');
    await h.untilPublished('ClaimRejected', 2);
    const [published] = (await h.publishedOfType('ClaimRejected')).filter(
      (event) => event.data['claimId'] === claimId,
    );
    // The eligibility checks of the proposal stay with the rejection.
    expect((published?.data['checks'] as unknown[]).length).toBeGreaterThan(0);
    // An approval never reached payouts for this claim.
    expect(
      (await h.publishedOfType('ClaimApproved')).filter(
        (event) => event.data['claimId'] === claimId,
      ),
    ).toEqual([]);
  });

  it('rebuilds both read models from the event store to exactly the live ones', async () => {
    await h.caughtUp();
    const live = await h.readModels();
    await h.rebuildReadModels();
    expect(await h.readModels()).toEqual(live);
  });
});
