// The users and the one flow several end-to-end tests start from: a self-paying BPU worker in
// Kota Kupang, registered with his wife as heir, pays this month and dies today; his widow's
// JKM claim is taken in, documented, proposed by a maker and approved by a checker — all over
// HTTP, the services talking only through their topics.
import { randomUUID } from 'node:crypto';
import type { PlatformDatabase, Role } from '@santunan/platform';
import { eventually } from '@santunan/testing';
import request from 'supertest';
import type { SantunanPlatform, ServiceName } from './santunan-platform';

/** JKK Rp10,000 (1% of Rp1,000,000) + JKM Rp6,800: one month of a BPU at the income floor. */
export const MONTHLY_CONTRIBUTION = 16_800;
/** Asynchronous hops (relay → Kafka → consumer → projection) on a loaded 2-core machine. */
export const PATIENCE = { timeoutMs: 180_000 };

export interface User {
  readonly id: string;
  readonly role: Role;
}
export const enrollmentOfficer: User = { id: 'enrol-officer-yustina', role: 'enrollment-officer' };
export const claimsOfficer: User = { id: 'claims-officer-ani', role: 'claims-officer' };
export const supervisor: User = { id: 'claims-supervisor-budi', role: 'claims-supervisor' };
export const finance: User = { id: 'finance-fransiska', role: 'finance' };
export const financeChecker: User = { id: 'finance-gabriel', role: 'finance' };

export interface Worker {
  readonly nik: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  readonly widow: { readonly fullName: string; readonly birthDate: string };
  readonly account: { readonly bankCode: string; readonly accountNumber: string };
}

/** An approved JKM death, as claims decided it, with the contribution payment behind it. */
export interface ApprovedDeath {
  readonly participantId: string;
  readonly claimId: string;
  readonly decisionId: string;
  readonly total: number;
  /** The month paid and its payment reference. */
  readonly month: string;
  readonly paymentReference: string;
}

/** supertest against one service's real HTTP port, as `user`. */
export function actingAs(platform: SantunanPlatform, user: User, service: ServiceName) {
  const authorization = platform.bearer([user.role], user.id);
  const server = request(platform.urls[service]);
  return {
    get: (path: string) => server.get(path).set('Authorization', authorization),
    post: (path: string, body: object = {}) =>
      server.post(path).set('Authorization', authorization).send(body),
    put: (path: string, body: object) =>
      server.put(path).set('Authorization', authorization).send(body),
  };
}

/** A JKM death claim taken in with every document it needs, not yet proposed. */
export interface LodgedDeath {
  readonly participantId: string;
  readonly heirId: string;
  readonly claimId: string;
  /** The month paid and its payment reference. */
  readonly month: string;
  readonly paymentReference: string;
}

/**
 * The flow up to a lodged claim. `claimsProbe` reads claims' own database: no claims endpoint
 * shows whether its projections have the participant, heir and paid month yet. With
 * `recordDocuments: false` the claim waits for its documents (an officer records them).
 */
export async function lodgedJkmDeath(
  platform: SantunanPlatform,
  claimsProbe: PlatformDatabase,
  worker: Worker,
  options: { readonly recordDocuments?: boolean } = {},
): Promise<LodgedDeath> {
  const as = (user: User, service: ServiceName) => actingAs(platform, user, service);
  const today = platform.clock.today();
  const month = today.slice(0, 7);
  const enrollment = as(enrollmentOfficer, 'enrollment');
  const registered = await enrollment
    .post('/participants', {
      nik: worker.nik,
      fullName: worker.fullName,
      birthDate: worker.birthDate,
      sex: worker.sex,
      address: { line: 'Jl. El Tari 10, Oebobo', regencyCode: '5371' },
      phone: '+6281234567890',
      occupation: 'nelayan',
      declaredIncome: 1_000_000,
      incomeEffectiveFrom: month,
    })
    .expect(201);
  const participantId = (registered.body as { participantId: string }).participantId;
  const heirId = randomUUID();
  await enrollment
    .put(`/participants/${participantId}/heirs`, {
      heirs: [
        {
          heirId,
          fullName: worker.widow.fullName,
          relationship: 'spouse',
          birthDate: worker.widow.birthDate,
          bankAccount: { ...worker.account, accountName: worker.widow.fullName },
        },
      ],
    })
    .expect(200);

  // Contributions opened the account from enrollment.events and billed this month.
  await eventually(async () => {
    const coverage = await as(claimsOfficer, 'contributions')
      .get(`/participants/${participantId}/coverage`)
      .expect(200);
    expect(coverage.body).toMatchObject({
      dues: [{ month, total: MONTHLY_CONTRIBUTION, status: 'unpaid' }],
    });
  }, PATIENCE);
  const paymentReference = `VA-${participantId}`;
  await as(finance, 'contributions')
    .post(`/participants/${participantId}/self-payments`, {
      paymentReference,
      firstMonth: month,
      months: 1,
      amount: MONTHLY_CONTRIBUTION,
      paidAt: platform.clock.now(),
      paidOn: today,
    })
    .expect(200);

  // Claims decides on its own projections of enrollment.events and contributions.events.
  await eventually(async () => {
    const [known] = await claimsProbe.query<{ heirs: number; paid: number }>(
      `select jsonb_array_length(h.heirs) as heirs,
              jsonb_array_length(c.coverage->'paidMonths') as paid
         from participants p
         join participant_heirs h using (participant_id)
         join participant_coverage c using (participant_id)
        where p.participant_id = $1`,
      [participantId],
    );
    expect(known).toEqual({ heirs: 1, paid: 1 });
  }, PATIENCE);

  const maker = as(claimsOfficer, 'claims');
  const submitted = await maker
    .post('/claims/jkm', {
      participantId,
      dateOfDeath: today,
      claimant: { kind: 'heir', fullName: worker.widow.fullName, relationship: 'spouse' },
      lodgedOn: today,
    })
    .expect(201);
  const { claimId, documents } = submitted.body as {
    claimId: string;
    documents: { required: string[] };
  };
  expect(documents.required).toEqual(
    expect.arrayContaining(['death-certificate', 'heir-certificate', 'bank-book']),
  );
  if (options.recordDocuments === false) {
    return { participantId, heirId, claimId, month, paymentReference };
  }
  for (const document of documents.required) {
    await maker
      .post(`/claims/${claimId}/documents`, {
        document,
        reference: `arsip/${claimId}/${document}.pdf`,
        receivedOn: today,
      })
      .expect(200);
  }

  return { participantId, heirId, claimId, month, paymentReference };
}

/** The flow up to the approval: lodged, proposed by a maker, approved by a checker. */
export async function approvedJkmDeath(
  platform: SantunanPlatform,
  claimsProbe: PlatformDatabase,
  worker: Worker,
): Promise<ApprovedDeath> {
  const { participantId, heirId, claimId, month, paymentReference } = await lodgedJkmDeath(
    platform,
    claimsProbe,
    worker,
  );
  const as = (user: User, service: ServiceName) => actingAs(platform, user, service);
  const maker = as(claimsOfficer, 'claims');
  const proposed = await maker
    .post(`/claims/${claimId}/decisions`, { nominatedPayeeId: heirId })
    .expect(201);
  expect(proposed.body).toMatchObject({
    status: 'awaiting-checker',
    eligibility: { outcome: 'eligible' },
    decision: { proposedBy: claimsOfficer.id, checkerRequired: true },
  });
  const { decisionId, total } = (
    proposed.body as { decision: { decisionId: string; total: number } }
  ).decision;
  // Maker–checker: the maker cannot approve; a supervisor can.
  await as({ ...claimsOfficer, role: 'claims-supervisor' }, 'claims')
    .post(`/claims/${claimId}/decisions/${decisionId}/approval`)
    .expect(403);
  const approved = await as(supervisor, 'claims')
    .post(`/claims/${claimId}/decisions/${decisionId}/approval`)
    .expect(200);
  expect(approved.body).toMatchObject({
    status: 'approved',
    decision: {
      decisionId,
      total,
      approval: { mode: 'maker-checker', makerId: claimsOfficer.id },
    },
  });
  return { participantId, claimId, decisionId, total, month, paymentReference };
}
