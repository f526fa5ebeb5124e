import { deciderSpec } from '@santunan/testing';
import {
  accidentReportFacts,
  decideAccidentReport,
  evolveAccidentReport,
  initialAccidentReportState,
  type AccidentReportEvent,
  type ReportAccident,
} from './accident-report';

const spec = (today: string) =>
  deciderSpec({
    decide: (
      command: Parameters<typeof decideAccidentReport>[0],
      state: ReturnType<typeof initialAccidentReportState>,
    ) => decideAccidentReport(command, state, { today }),
    evolve: evolveAccidentReport,
    initialState: initialAccidentReportState,
  });

const report: ReportAccident = {
  type: 'ReportAccident',
  reportId: 'r-1',
  participantId: 'p-1',
  incidentKind: 'accident',
  incidentDate: '2026-03-15',
  place: 'Pelabuhan Tenau, Kupang',
  chronology: 'Jatuh dari perahu saat menurunkan muatan',
  trafficAccident: false,
  notifier: { kind: 'wadah', name: 'Koperasi Nelayan Tenau' },
  witnesses: [{ name: 'Petrus' }, { name: 'Stefanus' }],
  officerId: 'officer-1',
};

const reported: AccidentReportEvent = {
  type: 'AccidentReported',
  data: {
    reportId: 'r-1',
    participantId: 'p-1',
    incidentKind: 'accident',
    incidentDate: '2026-03-15',
    place: 'Pelabuhan Tenau, Kupang',
    chronology: 'Jatuh dari perahu saat menurunkan muatan',
    trafficAccident: false,
    notifier: { kind: 'wadah', name: 'Koperasi Nelayan Tenau' },
    witnesses: [{ name: 'Petrus' }, { name: 'Stefanus' }],
    reportedOn: '2026-03-16',
    reportedBy: 'officer-1',
    daysAfterIncident: 1,
  },
};

describe('JKK accident report (stage I)', () => {
  it('records the report, with how many days after the incident it came', () => {
    spec('2026-03-16').given([]).when(report).then([reported]);
  });

  it.each<[string, Partial<ReportAccident>, string]>([
    ['an incident date in the future', { incidentDate: '2026-03-17' }, 'INCIDENT_DATE_IN_FUTURE'],
    ['an impossible date', { incidentDate: '2026-02-30' }, 'DATE_INVALID'],
    ['a report dated before the incident', { reportedOn: '2026-03-14' }, 'REPORT_BEFORE_INCIDENT'],
    ['no chronology', { chronology: ' ' }, 'REPORT_INCOMPLETE'],
  ])('refuses %s', (_label, change, code) => {
    spec('2026-03-16')
      .given([])
      .when({ ...report, ...change })
      .thenRejects(code);
  });

  it('treats the same report again as a retry, another one as a conflict', () => {
    spec('2026-03-16').given([reported]).when(report).thenNothingHappened();
    spec('2026-03-16')
      .given([reported])
      .when({ ...report, chronology: 'lain' })
      .thenRejects('REPORT_ALREADY_FILED');
  });

  it('confirms a work accident within 30 days, once', () => {
    const confirm = {
      type: 'ConfirmWorkAccident',
      note: 'kronologi dan saksi cocok',
      officerId: 'officer-2',
    } as const;
    const confirmed: AccidentReportEvent = {
      type: 'WorkAccidentConfirmed',
      data: {
        reportId: 'r-1',
        participantId: 'p-1',
        incidentDate: '2026-03-15',
        confirmedOn: '2026-03-20',
        confirmedBy: 'officer-2',
        daysAfterReport: 4,
        note: 'kronologi dan saksi cocok',
      },
    };
    spec('2026-03-20').given([reported]).when(confirm).then([confirmed]);
    spec('2026-03-21')
      .given([reported, confirmed])
      .when(confirm)
      .thenRejects('WORK_ACCIDENT_ALREADY_DECIDED');
    spec('2026-03-21').given([]).when(confirm).thenRejects('REPORT_NOT_FOUND');
    expect(
      accidentReportFacts(
        evolveAccidentReport(
          evolveAccidentReport(initialAccidentReportState(), reported),
          confirmed,
        ),
      ),
    ).toEqual({
      reportId: 'r-1',
      participantId: 'p-1',
      incidentDate: '2026-03-15',
      trafficAccident: false,
      status: 'confirmed',
    });
  });

  it('refutes a work accident with a reason', () => {
    spec('2026-03-20')
      .given([reported])
      .when({
        type: 'RefuteWorkAccident',
        reason: 'terjadi di luar kegiatan kerja',
        officerId: 'officer-2',
      })
      .then([
        {
          type: 'WorkAccidentRefuted',
          data: {
            reportId: 'r-1',
            participantId: 'p-1',
            refutedOn: '2026-03-20',
            refutedBy: 'officer-2',
            daysAfterReport: 4,
            reason: 'terjadi di luar kegiatan kerja',
          },
        },
      ]);
    spec('2026-03-20')
      .given([reported])
      .when({ type: 'RefuteWorkAccident', reason: '', officerId: 'o' })
      .thenRejects('REASON_REQUIRED');
  });
});
