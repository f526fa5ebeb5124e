import type { ExecutionContext } from '@nestjs/common';
import type { EvidenceStep, Explanation } from '@santunan/audit';
import { accessTokenVerifier, authConfig, mintAccessToken, type Role } from '@santunan/platform';
import { translator } from '../i18n/messages';
import { EMPTY_FORM } from '../web/form-state';
import type { SignedInContext } from '../web/page-context';
import { PageForbidden } from '../web/page-exceptions';
import { renderDocument } from '../web/render';
import { chainSummary, stepsOf, type ExplanationView } from './audit-explorer';
import { AuditorGuard, auditorTokenConfig } from './auditor-access';
import { ExplanationPage } from './explanation.page';
import { VerifyJobPage } from './verify-job.page';
import type { VerifyJob } from './verify-jobs';

const page: SignedInContext = {
  lang: 'id',
  t: translator('id'),
  user: { id: 'auditor-sari', name: 'Sari', username: 'sari', roles: ['auditor'] },
  csrfToken: 'form-token-123',
  path: '/audit/payouts/p-1',
  notice: null,
  accessToken: 'unused',
};

function step(type: string, version: number, overrides: Partial<EvidenceStep> = {}): EvidenceStep {
  return {
    service: 'payouts',
    type,
    eventId: `00000000-0000-4000-8000-00000000000${version}`,
    streamId: 'payout-p-1',
    version,
    occurredAt: '2026-03-01T03:00:00.000Z',
    recordedAt: '2026-03-01T03:00:00.000Z',
    actor: 'system:payouts',
    hash: 'a'.repeat(64),
    previousHash: null,
    hashVerified: true,
    chainLinked: true,
    ...overrides,
  };
}

function explanationView(overrides: Partial<Explanation> = {}): ExplanationView {
  const explanation: Explanation = {
    subject: { kind: 'payout', id: 'p-1' },
    personalData: 'masked',
    payouts: [
      {
        payoutId: 'p-1',
        amount: 42_000_000,
        status: 'settled',
        beneficiary: { beneficiaryId: 'heir:h-1', fullName: '<script>alert(1)</script>' },
        components: [{ code: 'JKM_DEATH', amount: 42_000_000 }],
        decisionId: 'd-1',
        claimId: 'c-1',
        settlement: { bankReference: 'BRI-1', settledOn: '2026-03-20' },
        events: [step('PayoutScheduled', 1), step('PayoutSettled', 2, { chainLinked: false })],
      },
    ],
    decision: null,
    claimEvents: [],
    contributions: [],
    coverageEvents: [],
    participant: {
      participantId: 'participant-1',
      details: { fullName: '[personal data: masked]' },
      events: [
        step('ParticipantRegistered', 3, { service: 'enrollment', streamId: 'participant-1' }),
      ],
    },
    ...overrides,
  };
  return {
    explanation,
    claimId: 'c-1',
    participantId: 'participant-1',
    revealed: false,
    chain: chainSummary(stepsOf(explanation)),
  };
}

describe('the explanation page', () => {
  const html = renderDocument(
    ExplanationPage({
      page,
      view: explanationView(),
      revealRequested: false,
      revealForm: EMPTY_FORM,
    }),
  );

  it('shows what the stores hold as text, never as markup', () => {
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('marks a broken link on its event and says the chain is broken', () => {
    expect(html).toContain('Rantai hash rusak: 1 dari 3 peristiwa tidak cocok.');
    expect(html).toContain('Rantai putus');
    expect(html).toContain('href="#event-00000000-0000-4000-8000-000000000002"');
    expect(html).toContain('Rp42.000.000');
  });

  it('links the payout to its claim and the participant, and offers the reveal form with the form token', () => {
    expect(html).toContain('href="/audit/claims/c-1"');
    expect(html).toContain('href="/audit/participants/participant-1"');
    expect(html).toContain('action="/audit/participants/participant-1/reveal"');
    expect(html).toContain('name="_csrf" value="form-token-123"');
    expect(html).toContain('<label for="f-reason">Alasan membuka data pribadi');
  });
});

describe('the verification page', () => {
  const job: VerifyJob = {
    jobId: 'job-1',
    startedBy: 'auditor-sari',
    startedAt: '2026-03-01T03:00:00.000Z',
    status: 'running',
    stores: [
      {
        service: 'claims',
        status: 'verified',
        eventsVerified: 1200,
        streamsVerified: 40,
        problems: 0,
      },
      {
        service: 'payouts',
        status: 'verifying',
        eventsVerified: 0,
        streamsVerified: 0,
        problems: 0,
      },
    ],
    topics: null,
    fraction: 1 / 3,
    finishedAt: null,
    result: null,
    error: null,
  };

  it('shows the progress while running, with no result and no new-run button', () => {
    const html = renderDocument(VerifyJobPage({ page, job }));
    expect(html).toContain('<progress id="verify-progress" max="100" value="33">');
    expect(html).toContain('1.200');
    expect(html).toContain('Sedang diperiksa');
    expect(html).not.toContain('id="verify-result"');
    expect(html).not.toContain('action="/audit/verify"');
  });

  it('names each chain break and topic mismatch of a finished run', () => {
    const html = renderDocument(
      VerifyJobPage({
        page,
        job: {
          ...job,
          status: 'done',
          fraction: 1,
          finishedAt: '2026-03-01T03:01:00.000Z',
          result: {
            ok: false,
            notes: [],
            stores: [
              {
                service: 'claims',
                eventsVerified: 1200,
                streamsVerified: 40,
                problems: [
                  {
                    service: 'claims',
                    kind: 'altered',
                    streamId: 'claim-c-1',
                    version: 4,
                    detail: 'data.total: 1 → 2',
                  },
                ],
              },
            ],
            topics: [
              {
                service: 'claims',
                topic: 'claims.events',
                messages: 1199,
                matched: 1199,
                duplicates: 0,
                awaitingPublication: 0,
                problems: [],
              },
            ],
          },
        },
      }),
    );
    expect(html).toContain('Ditemukan masalah: 1 rantai putus, 0 ketidakcocokan topik.');
    expect(html).toContain('claim-c-1');
    expect(html).toContain('data.total: 1 → 2');
    expect(html).toContain('action="/audit/verify"');
  });
});

describe('the auditor guard', () => {
  const secret = 'santunan-console-audit-unit-secret-of-length';
  const config = authConfig({ secret });
  const guard = new AuditorGuard(accessTokenVerifier(config));
  const execution = (session: object) =>
    ({ switchToHttp: () => ({ getRequest: () => ({ session }) }) }) as unknown as ExecutionContext;
  const sessionOf = (subject: string, roles: Role[], userId = subject) => ({
    user: { id: userId, name: subject, username: subject, roles: ['auditor'] },
    tokens: { accessToken: mintAccessToken({ subject, roles, ttl: '5m' }, config) },
  });

  it('lets through the token’s own subject with the auditor role', async () => {
    await expect(
      guard.canActivate(execution(sessionOf('auditor-sari', ['auditor']))),
    ).resolves.toBe(true);
  });

  it('refuses a token without the role, of another subject, forged, or none', async () => {
    for (const session of [
      sessionOf('officer-ani', ['claims-officer']),
      sessionOf('auditor-sari', ['auditor'], 'someone-else'),
      { ...sessionOf('auditor-sari', ['auditor']), tokens: { accessToken: 'not.a.token' } },
      { user: sessionOf('auditor-sari', ['auditor']).user },
    ]) {
      await expect(guard.canActivate(execution(session))).rejects.toThrow(PageForbidden);
    }
  });

  it('checks as the services do when told how, else against the console’s identity provider', () => {
    expect(auditorTokenConfig('http://kc/realms/santunan', {})).toMatchObject({
      mode: 'jwks',
      issuer: 'http://kc/realms/santunan',
      jwksUrl: 'http://kc/realms/santunan/protocol/openid-connect/certs',
      audience: 'santunan-api',
    });
    expect(
      auditorTokenConfig('http://kc/realms/santunan', {
        AUTH_MODE: 'hs256',
        AUTH_JWT_SECRET: secret,
      }),
    ).toMatchObject({ mode: 'hs256' });
  });
});
