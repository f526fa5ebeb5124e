import type { SignedInUser } from '../auth/session-user';
import { translator } from '../i18n/messages';
import type { ClaimDetail, WorkQueueItem } from '../services/claims.api';
import type { ParticipantProfile } from '../services/participants.api';
import { EMPTY_FORM } from '../web/form-state';
import type { SignedInContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { ClaimDetailPage, type ClaimDetailProps } from './claim-detail.page';
import { contributionStrip } from './contribution-strip';
import { eligibilityOf } from './eligibility';
import { queueFiltersOf, queueHref, workQueueQueryOf } from './queue-filters';

const SCRIPT = '<script>alert(1)</script>';

function pageFor(user: SignedInUser, lang: 'id' | 'en' = 'id'): SignedInContext {
  return {
    lang,
    t: translator(lang),
    user,
    csrfToken: 'token-1',
    path: '/claims/c',
    notice: null,
    accessToken: 'access',
  };
}

const officer: SignedInUser = {
  id: 'officer-1',
  name: 'Ani Lestari',
  username: 'ani',
  roles: ['claims-officer'],
};
const officerAndSupervisor: SignedInUser = {
  ...officer,
  roles: ['claims-officer', 'claims-supervisor'],
};
const supervisor: SignedInUser = {
  id: 'supervisor-1',
  name: 'Budi',
  username: 'budi',
  roles: ['claims-supervisor'],
};

const item: WorkQueueItem = {
  claimId: '8d1c0f8e-0000-4000-8000-000000000001',
  participantId: '11111111-0000-4000-8000-000000000001',
  regencyCode: '5371',
  program: 'jkm',
  benefitType: 'jkm-death',
  status: 'open',
  incidentDate: '2026-11-10',
  dateOfDeath: '2026-11-10',
  submittedOn: '2026-11-12',
  submittedBy: 'officer-1',
  documentsComplete: false,
  missingDocuments: ['death-certificate'],
  sla: { state: 'not-started', dueDate: null, overdue: false, daysOverdue: 0 },
  pendingDecisionId: null,
  proposedBy: null,
  proposedTotal: null,
  checkerRequired: null,
  lastDecisionId: null,
  approvedTotal: null,
  rejectionCodes: [],
  scholarshipEntitlementId: null,
  updatedAt: '2026-11-12T03:00:00.000Z',
};

const claim: ClaimDetail = {
  ...item,
  claimDate: '2026-11-12',
  accidentReportId: null,
  claimant: { kind: 'heir', fullName: SCRIPT, relationship: 'spouse' },
  benefits: [],
  paymentAccount: null,
  documents: {
    required: ['death-certificate', 'heir-certificate'],
    received: [{ document: 'heir-certificate', reference: SCRIPT, receivedOn: '2026-11-12' }],
    outstanding: [],
    missing: ['death-certificate'],
    complete: false,
  },
  decision: null,
  rejection: null,
  pending: null,
  timeline: [
    {
      type: 'JkmClaimSubmitted',
      summary: 'JKM death claim submitted',
      actor: { id: 'officer-1', kind: 'user' },
      occurredAt: '2026-11-12T03:00:00.000Z',
      recordedAt: '2026-11-12T03:00:00.000Z',
      streamId: 'claim-8d1c',
      version: 1,
      details: {},
    },
  ],
};

const participant: ParticipantProfile = {
  participantId: item.participantId,
  status: 'deceased',
  nik: '5371********0001',
  fullName: SCRIPT,
  birthDate: '1990-**-**',
  sex: 'male',
  regencyCode: '5371',
  declaredIncome: 1_000_000,
  personalData: 'masked',
  address: { regencyCode: '5371', regencyName: 'Kota Kupang' },
  occupation: 'nelayan',
  heirs: [{ heirId: 'heir-1', fullName: SCRIPT, relationship: 'spouse' }],
  children: [],
};

function props(page: SignedInContext, overrides: Partial<ClaimDetailProps> = {}): ClaimDetailProps {
  return {
    page,
    claim,
    today: '2026-11-24',
    participant: { value: participant },
    coverage: { unavailable: 'coverage down' },
    payouts: null,
    chain: {
      value: {
        claimId: claim.claimId,
        verified: true,
        verifiedAt: '2026-11-24T03:00:00.000Z',
        streams: [{ streamId: 'claim-8d1c', events: 1, verified: true, problems: [] }],
      },
    },
    forms: {
      recordDocument: EMPTY_FORM,
      requestDocuments: EMPTY_FORM,
      propose: EMPTY_FORM,
      approve: EMPTY_FORM,
      sendBack: EMPTY_FORM,
      reject: EMPTY_FORM,
      rejectProposal: EMPTY_FORM,
      scholarship: EMPTY_FORM,
    },
    people: new Map(),
    ...overrides,
  };
}

const render = (p: ClaimDetailProps): string => renderDocument(ClaimDetailPage(p));

describe('the claim page', () => {
  it('shows a participant named <script>alert(1)</script> as text, never as markup', () => {
    const html = render(props(pageFor(officer)));
    expect(html).not.toContain(SCRIPT);
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html.match(/<script/g)).toHaveLength(2); // only the two static script files
  });

  it('names the people the events name, escaped, and keeps an unknown actor as its id', () => {
    const named = render(props(pageFor(supervisor), { people: new Map([['officer-1', SCRIPT]]) }));
    expect(named).toContain('title="officer-1">&lt;script>alert(1)&lt;/script></span>');
    expect(named).not.toContain(SCRIPT);
    const unknown = render(props(pageFor(supervisor)));
    expect(unknown).toContain('title="officer-1">officer-1</span>');
    const own = render(
      props(pageFor(officer), { people: new Map([['officer-1', 'Ani Lestari']]) }),
    );
    expect(own).toContain('title="officer-1">Anda (Ani Lestari)</span>');
  });

  it('carries the CSRF token in every form and labels every field', () => {
    const html = render(props(pageFor(officer)));
    const forms = html.match(/<form /g)?.length ?? 0;
    expect(forms).toBeGreaterThan(3);
    expect(html.match(/name="_csrf" value="token-1"/g)).toHaveLength(forms);
    for (const [, id] of html.matchAll(/<(?:input|select|textarea)[^>]* id="([^"]+)"/g)) {
      expect(html).toContain(`for="${id}"`);
    }
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists all nine eligibility policies, not assessed yet, and the chain as verified', () => {
    expect(eligibilityOf(claim).map((result) => result.outcome)).toEqual(
      Array(9).fill('not-assessed'),
    );
    const html = render(props(pageFor(officer, 'en')));
    expect(html).toContain('Hash chain verified');
    expect(html).toContain('Propose approval');
    expect(html).toContain('Propose rejection');
  });

  const awaiting: ClaimDetail = {
    ...claim,
    status: 'awaiting-checker',
    pendingDecisionId: '2f4a0000-0000-4000-8000-000000000002',
    decision: {
      decisionId: '2f4a0000-0000-4000-8000-000000000002',
      total: 42_000_000,
      ruleSetId: 'PP82-2019',
      supersedesDecisionId: null,
      explanation: {
        schemaVersion: 1,
        ruleSetId: 'PP82-2019',
        total: 42_000_000,
        components: [
          {
            code: 'JKM_LUMP_SUM',
            legalBasis: 'PP 82/2019 Pasal 34',
            confidence: 'H',
            formula: 'Rp42,000,000',
            inputs: {},
            amount: 42_000_000,
          },
        ],
      },
      inputs: {} as never,
      checks: [],
      payment: { disbursements: [], retainedByFund: null },
      scholarship: { kind: 'not-applicable' },
      proposedBy: 'officer-1',
      proposedOn: '2026-11-24',
      checkerRequired: true,
      checkerReasons: ['death'],
      approval: null,
      sla: null,
    },
  };

  it('never offers an enabled approve button on the user’s own proposal', () => {
    const own = render(props(pageFor(officerAndSupervisor), { claim: awaiting }));
    expect(own).toMatch(
      /<button type="submit" disabled aria-describedby="own-proposal">Setujui<\/button>/,
    );
    const other = render(props(pageFor(supervisor), { claim: awaiting }));
    expect(other).toMatch(/<button type="submit">Setujui<\/button>/);
    expect(other).toContain('Rp42.000.000');
    expect(other).toContain('PP 82/2019 Pasal 34');
    // An officer without the checker's role sees no checker's forms at all.
    expect(render(props(pageFor(officer), { claim: awaiting }))).not.toContain('Setujui</button>');
  });

  it('shows field errors next to their fields, linked by aria-describedby, with the values kept', () => {
    const html = render(
      props(pageFor(supervisor), {
        claim: awaiting,
        forms: {
          ...props(pageFor(supervisor)).forms,
          rejectProposal: {
            values: { note: 'catatan <b>saya</b>' },
            fieldErrors: { reasonCode: ['Pilih kode alasan penolakan.'] },
            formError: null,
          },
        },
      }),
    );
    expect(html).toContain('id="f-reasonCode-error"');
    expect(html).toMatch(
      /<select id="f-reasonCode"[^>]*aria-invalid="true"[^>]*aria-describedby="f-reasonCode-error"/,
    );
    expect(html).toContain('catatan &lt;b>saya&lt;/b>');
  });
});

describe('the work queue’s filters', () => {
  it('keeps known values, drops the rest, and pages by 25', () => {
    const filters = queueFiltersOf({
      benefit: 'scholarship',
      status: 'approved',
      regencyCode: '53x1',
      sla: 'due-soon',
      mine: '1',
      sort: 'newest',
      page: '3',
    });
    expect(filters).toEqual({
      benefit: 'scholarship',
      status: 'approved',
      regencyCode: null,
      sla: 'due-soon',
      mine: true,
      sort: 'urgency',
      page: 3,
    });
    expect(workQueueQueryOf(filters)).toEqual({
      scholarship: true,
      status: 'approved',
      sla: 'due-soon',
      mine: true,
      sort: 'urgency',
      limit: 25,
      offset: 50,
    });
    expect(queueHref('/claims', filters, { page: 4 })).toBe(
      '/claims?benefit=scholarship&status=approved&sla=due-soon&mine=1&page=4',
    );
    expect(workQueueQueryOf(queueFiltersOf({ benefit: 'jkm' }))).toMatchObject({ program: 'jkm' });
  });
});

describe('the contribution strip', () => {
  const line = (month: string, status: 'paid' | 'unpaid', extra: object = {}) => ({
    month,
    payer: { kind: 'program' as const, programId: 'ntt' },
    total: 16_800,
    dueDate: `${month}-15`,
    status,
    paymentReference: null,
    paidOn: status === 'paid' ? `${month}-10` : null,
    withinGrace: null,
    ...extra,
  });

  it('shows paid, late (unpaid) and not-yet-late (pending) months up to the incident month', () => {
    const strip = contributionStrip(
      [
        line('2026-08', 'paid'),
        line('2026-09', 'unpaid'),
        line('2026-10', 'unpaid', { withinGrace: true }),
        line('2026-11', 'unpaid'),
        line('2026-12', 'unpaid'),
      ],
      '2026-11',
      '2026-11-12',
    );
    expect(strip.map((month) => [month.month, month.state, month.incident])).toEqual([
      ['2026-08', 'paid', false],
      ['2026-09', 'unpaid', false],
      ['2026-10', 'pending', false],
      ['2026-11', 'pending', true],
    ]);
  });
});
