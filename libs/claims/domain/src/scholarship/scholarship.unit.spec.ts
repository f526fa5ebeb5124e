import type { ClaimApproved, ScholarshipLevel } from '@santunan/contracts';
import { recompute } from '@santunan/rules';
import { deciderSpec } from '@santunan/testing';
import {
  BPU_JKK_DEATH,
  decideScenario,
  PRE_PP82_JKK_DEATH,
  type Scenario,
} from '../__tests__/end-to-end';
import { account, child1, child2, child3, THRESHOLD } from '../__tests__/fixtures';
import { eventsOf, historyOf } from '../__tests__/history';
import type { RegisteredChildFact } from '../facts/claim-facts';
import type { DecideScholarshipApplication, ScholarshipCommand } from './scholarship.commands';
import { decideScholarship } from './scholarship.decide';
import {
  evolveScholarship,
  initialScholarshipState,
  type ScholarshipEvent,
  type ScholarshipState,
} from './scholarship.state';

const decider = (today: string) => ({
  decide: (command: ScholarshipCommand, state: ScholarshipState) =>
    decideScholarship(command, state, { today, makerCheckerThreshold: THRESHOLD }),
  evolve: evolveScholarship,
  initialState: initialScholarshipState,
});
const spec = (today: string) => deciderSpec(decider(today));

const jkkDeath = (children: readonly RegisteredChildFact[] = [child1, child2]): Scenario => ({
  ...BPU_JKK_DEATH,
  children,
});
const jkmDeath = (firstPaidMonth: string): Scenario => ({
  program: 'jkm',
  segment: 'bpu',
  wage: 1_000_000,
  incidentDate: '2025-08-12',
  lodgedOn: '2025-08-20',
  firstPaidMonth,
});
const grant = (decision: ClaimApproved) =>
  ({
    type: 'GrantScholarshipEntitlement',
    entitlementId: 'e-1',
    decision,
    officerId: 'officer-1',
  }) as const;

const olderChild: RegisteredChildFact = {
  childId: 'c-9',
  fullName: 'Yosef Bria',
  birthDate: '2003-09-01',
  registeredOn: '2022-02-01',
};

function apply(
  childId: string,
  applicationDate: string,
  level: ScholarshipLevel,
  overrides: Partial<DecideScholarshipApplication> = {},
): DecideScholarshipApplication {
  const [year, month] = applicationDate.split('-').map(Number) as [number, number];
  const first = month >= 7 ? year : year - 1;
  return {
    type: 'DecideScholarshipApplication',
    applicationId: `a-${childId}-${applicationDate}`,
    childId,
    applicationDate,
    schoolYear: `${first}/${first + 1}`,
    level,
    enrolment: { schoolName: 'SMP Negeri 1 Kupang', evidenceReference: 'dms/surat-aktif-sekolah' },
    child: { married: false, work: { kind: 'not-working' } },
    documents: [
      { code: 'birth-certificate', reference: 'dms/akta' },
      { code: 'family-card', reference: 'dms/kk' },
      { code: 'school-enrolment-letter', reference: 'dms/surat-aktif-sekolah' },
      { code: 'latest-report-card', reference: 'dms/rapor' },
      { code: 'bank-account', reference: 'dms/rekening' },
    ],
    payee: {
      holder: 'guardian',
      fullName: 'Maria Bria',
      bankAccount: account('Maria Bria', '0001'),
    },
    officerId: 'officer-1',
    ...overrides,
  };
}

describe('a scholarship entitlement follows the approved death or CTT decision', () => {
  it('JKK death: yearly scholarships for the two registered children', () => {
    const { approved } = decideScenario(jkkDeath());
    spec('2025-08-21')
      .given([])
      .when(grant(approved))
      .then([
        {
          type: 'ScholarshipEntitlementGranted',
          data: {
            entitlementId: 'e-1',
            participantId: 'p-1',
            claimId: 'claim-1',
            decisionId: 'd-1',
            route: 'jkk-death',
            incidentDate: '2025-08-12',
            masaIurMonths: null,
            ruleSetId: 'PERMENAKER1-2025',
            maxChildren: 2,
            perChildMax: 87_000_000,
            children: [child1, child2],
            excludedChildren: [],
            grantedOn: '2025-08-21',
            grantedBy: 'officer-1',
          },
        },
      ]);
  });

  it('a third registered child is excluded, and its application refused', () => {
    const { approved } = decideScenario(jkkDeath([child1, child2, child3]));
    const granted = historyOf(decider('2025-08-21'), [grant(approved)]);
    expect(granted[0]).toMatchObject({
      type: 'ScholarshipEntitlementGranted',
      data: {
        children: [child1, child2],
        excludedChildren: [{ childId: 'c-3', reason: 'CHILD_LIMIT_REACHED' }],
      },
    });
    spec('2025-08-25')
      .given(granted)
      .when(apply('c-3', '2025-08-25', 'TK-SD'))
      .thenRejects({
        code: 'CHILD_NOT_IN_ENTITLEMENT',
        details: { childId: 'c-3', exclusion: 'CHILD_LIMIT_REACHED' },
      });
  });

  it.each<[string, number, string]>([
    ['2022-10', 35, 'ScholarshipEntitlementRefused'],
    ['2022-09', 36, 'ScholarshipEntitlementGranted'],
  ])('JKM death with masa iur from %s (%i months) → %s', (firstPaidMonth, masaIur, type) => {
    const { approved } = decideScenario(jkmDeath(firstPaidMonth));
    expect(approved.inputs.masaIurMonths).toBe(masaIur);
    const events = eventsOf(
      decider('2025-08-21').decide(grant(approved), initialScholarshipState()),
    );
    expect(events.map((event) => event.type)).toEqual([type]);
    if (type === 'ScholarshipEntitlementRefused')
      expect(events[0]?.data).toMatchObject({ code: 'MASA_IUR_TOO_SHORT' });
    else expect(events[0]?.data).toMatchObject({ route: 'jkm-death', masaIurMonths: 36 });
  });

  it('a BPU death in the first three months opens no scholarship', () => {
    const { approved } = decideScenario({
      ...jkmDeath('2025-05'),
      incidentDate: '2025-06-20',
      lodgedOn: '2025-06-30',
    });
    spec('2025-07-01')
      .given([])
      .when(grant(approved))
      .then([
        expect.objectContaining({
          type: 'ScholarshipEntitlementRefused',
          data: expect.objectContaining({ code: 'BPU_EARLY_DEATH' }),
        }) as ScholarshipEvent,
      ]);
  });

  it('before PP 82/2019 the flat scholarship was paid with the benefit: no yearly entitlement', () => {
    const { approved } = decideScenario({ ...jkkDeath(), ...PRE_PP82_JKK_DEATH });
    spec('2019-07-02')
      .given([])
      .when(grant(approved))
      .then([
        expect.objectContaining({
          type: 'ScholarshipEntitlementRefused',
          data: expect.objectContaining({ code: 'FLAT_SCHOLARSHIP_PAID_WITH_BENEFIT' }),
        }) as ScholarshipEvent,
      ]);
  });

  it('STMB opens no scholarship; a grant is made once', () => {
    const { approved } = decideScenario({
      ...jkkDeath(),
      benefits: [{ kind: 'stmb', months: 15 }],
      incidentDate: '2025-01-10',
      lodgedOn: '2026-05-04',
    });
    spec('2026-05-05').given([]).when(grant(approved)).thenRejects('NO_SCHOLARSHIP_ROUTE');
    const death = decideScenario(jkkDeath()).approved;
    const granted = historyOf(decider('2025-08-21'), [grant(death)]);
    spec('2025-08-21').given(granted).when(grant(death)).thenNothingHappened();
    spec('2025-08-21')
      .given(granted)
      .when(grant({ ...death, decisionId: 'd-2' }))
      .thenRejects('ENTITLEMENT_ALREADY_DECIDED');
  });
});

describe('each child’s yearly application', () => {
  const { approved } = decideScenario(jkkDeath([child1, olderChild]));
  const granted = historyOf(decider('2025-08-21'), [grant(approved)]);

  it('pays the level’s yearly amount to the guardian’s account, recomputable from the event', () => {
    const events = eventsOf(
      decider('2025-08-25').decide(
        apply('c-1', '2025-08-25', 'SMP'),
        granted.reduce(evolveScholarship, initialScholarshipState()),
      ),
    );
    expect(events).toHaveLength(1);
    const approvedInstalment = events[0];
    if (approvedInstalment?.type !== 'ScholarshipInstalmentApproved')
      throw new Error('expected an approval');
    expect(approvedInstalment.data).toMatchObject({
      childId: 'c-1',
      scholarshipYear: '2025/2026',
      level: 'SMP',
      amount: 2_000_000,
      ruleSetId: 'PERMENAKER1-2025',
      payee: {
        kind: 'scholarship-account',
        holder: 'guardian',
        childId: 'c-1',
        fullName: 'Maria Bria',
      },
      approval: { mode: 'single-actor', makerId: 'officer-1', checkerId: null },
    });
    const recomputed = recompute(approvedInstalment.data.explanation);
    expect(recomputed.ok && recomputed.value.total).toBe(2_000_000);
  });

  it('pays once per school year (July–June) and counts each level’s years under this entitlement', () => {
    const years = historyOf(
      decider('2028-08-01'),
      [
        apply('c-1', '2025-08-25', 'SMP'),
        apply('c-1', '2026-07-20', 'SMP'),
        apply('c-1', '2027-07-20', 'SMP'),
      ],
      granted,
    );
    spec('2026-06-30')
      .given(years.slice(0, 2))
      .when({ ...apply('c-1', '2026-06-30', 'SMP'), applicationId: 'again' })
      .then([
        expect.objectContaining({
          type: 'ScholarshipInstalmentRefused',
          data: expect.objectContaining({
            reasons: [expect.objectContaining({ code: 'ALREADY_PAID_THIS_SCHOLARSHIP_YEAR' })],
          }),
        }) as ScholarshipEvent,
      ]);
    spec('2028-08-01')
      .given(years)
      .when(apply('c-1', '2028-07-20', 'SMP'))
      .then([
        expect.objectContaining({
          type: 'ScholarshipInstalmentRefused',
          data: expect.objectContaining({
            reasons: [expect.objectContaining({ code: 'LEVEL_YEARS_EXHAUSTED' })],
          }),
        }) as ScholarshipEvent,
      ]);
    const sma = eventsOf(
      decider('2028-08-01').decide(
        apply('c-1', '2028-07-20', 'SMA'),
        years.reduce(evolveScholarship, initialScholarshipState()),
      ),
    );
    expect(sma[0]).toMatchObject({
      type: 'ScholarshipInstalmentApproved',
      data: { amount: 3_000_000 },
    });
  });

  it('a university year of Rp12,000,000 needs a checker who is not the maker', () => {
    const proposed = historyOf(
      decider('2025-08-25'),
      [
        apply('c-9', '2025-08-25', 'PT', {
          payee: {
            holder: 'child',
            fullName: 'Yosef Bria',
            bankAccount: account('Yosef Bria', '0303'),
          },
        }),
      ],
      granted,
    );
    const proposal = proposed[proposed.length - 1];
    expect(proposal).toMatchObject({
      type: 'ScholarshipInstalmentProposed',
      data: { amount: 12_000_000, proposedBy: 'officer-1' },
    });
    const applicationId = 'a-c-9-2025-08-25';
    spec('2025-08-26')
      .given(proposed)
      .when({ type: 'ApproveScholarshipInstalment', applicationId, supervisorId: 'officer-1' })
      .thenRejects('MAKER_CHECKER_SAME_PERSON');
    spec('2025-08-26')
      .given(proposed)
      .when(apply('c-9', '2025-08-26', 'PT', { applicationId: 'other' }))
      .thenRejects('INSTALMENT_PENDING');
    const approvedEvents = eventsOf(
      decider('2025-08-26').decide(
        { type: 'ApproveScholarshipInstalment', applicationId, supervisorId: 'supervisor-1' },
        proposed.reduce(evolveScholarship, initialScholarshipState()),
      ),
    );
    expect(approvedEvents[0]).toMatchObject({
      type: 'ScholarshipInstalmentApproved',
      data: {
        applicationId,
        amount: 12_000_000,
        approval: {
          mode: 'maker-checker',
          makerId: 'officer-1',
          checkerId: 'supervisor-1',
          approvedOn: '2025-08-26',
        },
      },
    });
    const done = [...proposed, ...approvedEvents];
    spec('2025-08-27')
      .given(done)
      .when({ type: 'ApproveScholarshipInstalment', applicationId, supervisorId: 'supervisor-2' })
      .thenRejects('APPLICATION_ALREADY_DECIDED');
  });

  it('the scholarship ends when the child turns 23', () => {
    // Yosef turns 23 on 1 September 2026.
    spec('2026-09-01')
      .given(granted)
      .when(apply('c-9', '2026-08-31', 'PT'))
      .then([
        expect.objectContaining({ type: 'ScholarshipInstalmentProposed' }) as ScholarshipEvent,
      ]);
    const refused = eventsOf(
      decider('2026-09-02').decide(
        apply('c-9', '2026-09-02', 'PT'),
        granted.reduce(evolveScholarship, initialScholarshipState()),
      ),
    );
    expect(refused.map((event) => event.type)).toEqual([
      'ScholarshipInstalmentRefused',
      'ScholarshipEndedForChild',
    ]);
    expect(refused[1]?.data).toMatchObject({
      childId: 'c-9',
      reason: 'age-limit',
      endedOn: '2026-09-02',
    });
    spec('2027-08-01')
      .given([...granted, ...refused])
      .when(apply('c-9', '2027-07-20', 'PT'))
      .thenRejects('SCHOLARSHIP_ENDED_FOR_CHILD');
  });

  it.each<[string, DecideScholarshipApplication['child'], string[]]>([
    [
      'married',
      { married: true, work: { kind: 'not-working' } },
      ['ScholarshipInstalmentRefused', 'ScholarshipEndedForChild'],
    ],
    [
      'working',
      { married: false, work: { kind: 'other-work' } },
      ['ScholarshipInstalmentRefused', 'ScholarshipEndedForChild'],
    ],
    [
      'in a short PU job (allowed from 2025)',
      { married: false, work: { kind: 'pu-job', months: 3 } },
      ['ScholarshipInstalmentProposed'],
    ],
  ])('a child %s', (_label, child, types) => {
    const events = eventsOf(
      decider('2025-08-25').decide(
        apply('c-9', '2025-08-25', 'PT', { child }),
        granted.reduce(evolveScholarship, initialScholarshipState()),
      ),
    );
    expect(events.map((event) => event.type)).toEqual(types);
  });

  it.each<[string, Partial<DecideScholarshipApplication>, string]>([
    [
      'without a report card',
      {
        documents: [
          { code: 'birth-certificate', reference: 'x' },
          { code: 'family-card', reference: 'x' },
          { code: 'school-enrolment-letter', reference: 'x' },
          { code: 'bank-account', reference: 'x' },
        ],
      },
      'SCHOLARSHIP_DOCUMENTS_INCOMPLETE',
    ],
    ['for another school year', { schoolYear: '2024/2025' }, 'SCHOOL_YEAR_MISMATCH'],
    [
      'dated in the future',
      { applicationDate: '2025-08-26', schoolYear: '2025/2026' },
      'APPLICATION_DATE_IN_FUTURE',
    ],
  ])('refuses an application %s', (_label, change, code) => {
    spec('2025-08-25')
      .given(granted)
      .when(apply('c-1', '2025-08-25', 'SMP', change))
      .thenRejects(code);
  });

  it('needs no report card in a child’s first year at TK-SD', () => {
    const younger: RegisteredChildFact = {
      childId: 'c-5',
      fullName: 'Lusi Bria',
      birthDate: '2021-03-01',
      registeredOn: '2022-02-01',
    };
    const { approved: decision } = decideScenario(jkkDeath([younger]));
    const entitled = historyOf(decider('2025-08-21'), [grant(decision)]);
    const application = apply('c-5', '2025-08-25', 'TK-SD');
    const noReportCard = application.documents.filter((doc) => doc.code !== 'latest-report-card');
    const events = eventsOf(
      decider('2025-08-25').decide(
        { ...application, documents: noReportCard },
        entitled.reduce(evolveScholarship, initialScholarshipState()),
      ),
    );
    expect(events[0]).toMatchObject({
      type: 'ScholarshipInstalmentApproved',
      data: { amount: 1_500_000 },
    });
  });

  it('records a marriage reported between applications; the age limit only once reached', () => {
    spec('2025-09-01')
      .given(granted)
      .when({
        type: 'EndScholarshipForChild',
        childId: 'c-9',
        reason: 'married',
        endedOn: '2025-08-30',
        officerId: 'officer-1',
      })
      .then([
        {
          type: 'ScholarshipEndedForChild',
          data: {
            entitlementId: 'e-1',
            participantId: 'p-1',
            childId: 'c-9',
            reason: 'married',
            endedOn: '2025-08-30',
            recordedBy: 'officer-1',
          },
        },
      ]);
    spec('2025-09-01')
      .given(granted)
      .when({
        type: 'EndScholarshipForChild',
        childId: 'c-9',
        reason: 'age-limit',
        endedOn: '2025-09-01',
        officerId: 'officer-1',
      })
      .thenRejects('AGE_LIMIT_NOT_REACHED');
    spec('2026-09-01')
      .given(granted)
      .when({
        type: 'EndScholarshipForChild',
        childId: 'c-9',
        reason: 'age-limit',
        endedOn: '2026-09-01',
        officerId: 'officer-1',
      })
      .then([expect.objectContaining({ type: 'ScholarshipEndedForChild' }) as ScholarshipEvent]);
  });
});
