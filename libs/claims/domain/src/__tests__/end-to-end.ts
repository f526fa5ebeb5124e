// A claim taken from stage I (JKK) or submission (JKM) through the death register, the
// documents, the maker's proposal and the checker's approval — every step a pure decider.
import type { ClaimApproved, IsoDate, IsoMonth, JkkBenefitLine } from '@santunan/contracts';
import type { WorkingDayCalendar } from '@santunan/rules';
import {
  accidentReportFacts,
  decideAccidentReport,
  evolveAccidentReport,
  initialAccidentReportState,
  type AccidentReportCommand,
  type AccidentReportState,
} from '../accident-report/accident-report';
import type { ClaimCommand } from '../claim/claim.commands';
import type { ClaimEvent } from '../claim/claim.state';
import {
  deathRegisterFacts,
  decideDeathRegister,
  evolveDeathRegister,
  initialDeathRegisterState,
  type DeathRegisterCommand,
  type DeathRegisterState,
} from '../death-register/death-register';
import type { ClaimFacts, RegisteredChildFact, ScholarshipAccountFact } from '../facts/claim-facts';
import { allDocuments, claimDecider, only, submitJkk, submitJkm } from './claims';
import {
  account,
  CALENDAR,
  child1,
  child2,
  context,
  coverage,
  facts,
  monthsPaid,
  participant,
  son,
  WEEKDAY_CALENDAR,
  widow,
} from './fixtures';
import { historyOf } from './history';

export interface Scenario {
  readonly program: 'jkk' | 'jkm';
  readonly segment: 'bpu' | 'pu';
  readonly wage: number;
  readonly incidentDate: IsoDate;
  readonly lodgedOn: IsoDate;
  readonly firstPaidMonth: IsoMonth;
  /** JKK only. */
  readonly benefits?: readonly JkkBenefitLine[];
  readonly children?: readonly RegisteredChildFact[];
  readonly scholarshipAccount?: ScholarshipAccountFact | null;
  readonly calendar?: WorkingDayCalendar;
}

/** The rules reference's BPU at Rp1,000,000 who dies in a work accident on 12 August 2025. */
export const BPU_JKK_DEATH: Scenario = {
  program: 'jkk',
  segment: 'bpu',
  wage: 1_000_000,
  incidentDate: '2025-08-12',
  lodgedOn: '2025-08-20',
  firstPaidMonth: '2022-01',
  benefits: [{ kind: 'death' }],
};

/** The rules reference's pre-PP 82/2019 JKK death: a PU at Rp4,000,000, the flat scholarship to a guardian. */
export const PRE_PP82_JKK_DEATH: Scenario = {
  program: 'jkk',
  segment: 'pu',
  wage: 4_000_000,
  incidentDate: '2019-06-15',
  lodgedOn: '2019-07-01',
  firstPaidMonth: '2015-07',
  benefits: [{ kind: 'death' }],
  scholarshipAccount: {
    holder: 'guardian',
    childId: 'c-1',
    fullName: 'Maria Bria',
    bankAccount: account('Maria Bria', '0777'),
  },
  calendar: WEEKDAY_CALENDAR,
};

export interface ScenarioResult {
  readonly approved: ClaimApproved;
  readonly history: readonly ClaimEvent[];
  readonly facts: ClaimFacts;
}

const claimId = 'claim-1';

/** The whole claim, maker `officer-1` and checker `supervisor-1`, decided on the lodging date. */
export function decideScenario(scenario: Scenario): ScenarioResult {
  const at = context(scenario.lodgedOn, scenario.calendar ?? CALENDAR);
  const benefits = scenario.benefits ?? [];
  const death = scenario.program === 'jkm' || benefits.some((line) => line.kind === 'death');

  let report: ClaimFacts['accidentReport'] = null;
  let submit: ClaimCommand;
  if (scenario.program === 'jkk') {
    const reportCommands: AccidentReportCommand[] = [
      {
        type: 'ReportAccident',
        reportId: 'r-1',
        participantId: 'p-1',
        incidentKind: 'accident',
        incidentDate: scenario.incidentDate,
        place: 'Kupang',
        chronology: 'kecelakaan kerja',
        trafficAccident: false,
        notifier: { kind: 'wadah', name: 'Koperasi' },
        witnesses: [],
        reportedOn: scenario.incidentDate,
        officerId: 'officer-1',
      },
      { type: 'ConfirmWorkAccident', note: 'terverifikasi', officerId: 'officer-2' },
    ];
    const reportDecider = {
      decide: (command: AccidentReportCommand, state: AccidentReportState) =>
        decideAccidentReport(command, state, { today: scenario.lodgedOn }),
      evolve: evolveAccidentReport,
      initialState: initialAccidentReportState,
    };
    const reportState = historyOf(reportDecider, reportCommands).reduce(
      evolveAccidentReport,
      initialAccidentReportState(),
    );
    report = accidentReportFacts(reportState);
    if (report === null) throw new Error('no report');
    submit = submitJkk(scenario.incidentDate, benefits, {
      accidentReport: report,
      lodgedOn: scenario.lodgedOn,
    });
  } else {
    submit = submitJkm(scenario.incidentDate, { lodgedOn: scenario.lodgedOn });
  }

  let deathRegister: ClaimFacts['deathRegister'] = null;
  if (death) {
    const registerDecider = {
      decide: (command: DeathRegisterCommand, state: DeathRegisterState) =>
        decideDeathRegister(command, state, { today: scenario.lodgedOn }),
      evolve: evolveDeathRegister,
      initialState: initialDeathRegisterState,
    };
    const registered = historyOf(registerDecider, [
      {
        type: 'ClaimDeathBenefit',
        participantId: 'p-1',
        claimId,
        program: scenario.program,
        dateOfDeath: scenario.incidentDate,
        deathCertificateReference: 'akta-kematian-1',
        officerId: 'officer-1',
      },
    ]);
    deathRegister = deathRegisterFacts(
      registered.reduce(evolveDeathRegister, initialDeathRegisterState()),
    );
  }

  const claimFacts = facts({
    participant: participant({
      segment: scenario.segment,
      registeredOn: `${scenario.firstPaidMonth}-01`,
      incomeHistory: [{ declaredIncome: scenario.wage, effectiveFrom: scenario.firstPaidMonth }],
    }),
    coverage: coverage({
      paidMonths: monthsPaid(scenario.firstPaidMonth, scenario.incidentDate.slice(0, 7)),
    }),
    accidentReport: report,
    deathRegister,
    heirs: death ? { heirs: [widow, son], consentsGivenBy: ['h-son'] } : null,
    children: scenario.children ?? [child1, child2],
    scholarshipAccount: scenario.scholarshipAccount ?? null,
  });

  const decider = claimDecider(at);
  const submitted = historyOf(decider, [submit]);
  const history = historyOf(
    decider,
    [
      ...allDocuments(submitted, scenario.lodgedOn),
      {
        type: 'ProposeClaimDecision',
        decisionId: 'd-1',
        officerId: 'officer-1',
        facts: claimFacts,
      },
      { type: 'ApproveClaimDecision', decisionId: 'd-1', supervisorId: 'supervisor-1' },
    ],
    submitted,
  );
  return { approved: only(history, 'ClaimApproved').data, history, facts: claimFacts };
}
