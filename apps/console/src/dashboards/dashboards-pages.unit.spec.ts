import type { SignedInUser } from '../auth/session-user';
import { translator } from '../i18n/messages';
import type { SignedInContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { ClaimsDashboardPageView } from './claims-dashboard.page';
import type { ClaimsDashboard, PayoutStatistics, ProgramDashboard } from './dashboards.api';
import { compactRupiah, regencyLabel } from './dashboard-format';
import { ProgramsDashboardPageView } from './programs-dashboard.page';

const supervisor: SignedInUser = {
  id: 'supervisor-1',
  name: 'Budi',
  username: 'budi',
  roles: ['claims-supervisor'],
};

function pageFor(lang: 'id' | 'en' = 'id', path = '/dashboards/claims'): SignedInContext {
  return {
    lang,
    t: translator(lang),
    user: supervisor,
    csrfToken: 'token-1',
    path,
    notice: null,
    accessToken: 'access',
  };
}

const claims: ClaimsDashboard = {
  asOf: '2026-12-07',
  openClaims: [
    { benefitType: 'jkm-death', status: 'open', count: 4 },
    { benefitType: 'jkm-death', status: 'awaiting-checker', count: 2 },
  ],
  openSla: [
    { program: 'jkm', sla: 'on-time', count: 5 },
    { program: 'jkm', sla: 'overdue', count: 1 },
  ],
  decisionSla: [{ program: 'jkm', workingDays: [3], approved: 5, approvedByDueDate: 4 }],
  decided: [
    {
      month: '2026-11',
      regencyCode: '5371',
      approved: 3,
      rejected: 1,
      approvedAmount: 126_000_000,
    },
  ],
};

const payouts: PayoutStatistics = {
  asOf: '2026-12-07',
  paymentSla: [{ program: 'jkm', paidOnTime: 2, paidLate: 1, overdue: 1, pending: 0 }],
  paid: [
    {
      month: '2026-11',
      regencyCode: '5371',
      payouts: 2,
      benefitAmount: 84_000_000,
      compensationAmount: 420_000,
      compensations: 1,
    },
  ],
  compensation: { paidCount: 1, paidAmount: 420_000, outstandingCount: 0, outstandingAmount: 0 },
};

describe('the claims dashboard page', () => {
  it('states the counts, the SLA compliance with its working days, and compensation', () => {
    const html = renderDocument(
      ClaimsDashboardPageView({
        page: pageFor(),
        claims,
        claimsError: null,
        payouts,
        payoutsError: null,
      }),
    );

    expect(html).toContain('Klaim terbuka: 6');
    expect(html).toContain('Lewat batas waktu bayar dan belum diputuskan: 1');
    expect(html).toContain('JKM (3 hari kerja): 66,7% dibayar dalam batas waktu (2 dari 3');
    expect(html).toContain('Kompensasi keterlambatan dibayar: 1 kali, Rp420.000');
    expect(html).toContain('Kota Kupang (5371)');
    expect(html).toContain('Rp126.000.000');
    expect(html).not.toMatch(/style=/);
  });

  it('shows what one service answered when the other refused, in English too', () => {
    const html = renderDocument(
      ClaimsDashboardPageView({
        page: pageFor('en'),
        claims,
        claimsError: null,
        payouts: null,
        payoutsError: 'You may not see payouts.',
      }),
    );

    expect(html).toContain('Open claims: 6');
    expect(html).toContain('You may not see payouts.');
    expect(html).toContain('Open claims by benefit and status');
    expect(html).not.toContain('chart-payment-sla');
  });
});

describe('the programs dashboard page', () => {
  const program: ProgramDashboard = {
    programs: [
      {
        programId: 'kupang-2026',
        name: 'Kota Kupang 2026',
        firstMonth: '2026-01',
        lastMonth: '2026-02',
      },
    ],
    programId: 'kupang-2026',
    budget: 1_000_000,
    quota: 29,
    enrolled: 2,
    months: [
      {
        month: '2026-01',
        workers: 2,
        committed: 33_600,
        billed: 33_600,
        received: 33_600,
        paid: 33_600,
        committedToDate: 33_600,
        receivedToDate: 33_600,
        paidToDate: 33_600,
      },
      {
        month: '2026-02',
        workers: 2,
        committed: 33_600,
        billed: 33_600,
        received: 0,
        paid: 0,
        committedToDate: 67_200,
        receivedToDate: 33_600,
        paidToDate: 33_600,
      },
    ],
  };

  it('shows the chosen program’s budget, workers by regency and months', () => {
    const html = renderDocument(
      ProgramsDashboardPageView({
        page: pageFor('id', '/dashboards/programs'),
        program,
        programError: null,
        workers: {
          programId: 'kupang-2026',
          regencies: [{ regencyCode: '5371', active: 2, deceased: 0 }],
        },
        workersError: null,
      }),
    );

    expect(html).toContain('Anggaran: Rp1.000.000');
    expect(html).toContain('Pekerja terdaftar: 2 dari kuota 29');
    expect(html).toContain('Anggaran terikat: Rp67.200');
    expect(html).toContain('<option value="kupang-2026" selected>');
    expect(html).toContain('id="chart-workers-regency"');
    expect(html).toContain('id="chart-budget-use"');
    expect(html).toContain('id="chart-collection"');
  });

  it('says so when the operator has no program', () => {
    const html = renderDocument(
      ProgramsDashboardPageView({
        page: pageFor('en', '/dashboards/programs'),
        program: { ...program, programs: [], programId: null, months: [] },
        programError: null,
        workers: null,
        workersError: null,
      }),
    );

    expect(html).toContain('There is no sponsor program you may see.');
    expect(html).not.toContain('<svg');
  });
});

describe('dashboard formats', () => {
  it('writes short amounts for the axes and names regencies', () => {
    expect(compactRupiah(0, 'id')).toBe('Rp0');
    expect(compactRupiah(42_000_000, 'en')).toBe('Rp42m');
    expect(compactRupiah(9_000_000_000_000, 'en')).toBe('Rp9tn');
    expect(regencyLabel(translator('id'), '5371')).toBe('Kota Kupang (5371)');
    expect(regencyLabel(translator('id'), null)).toBe('Belum diketahui');
    expect(regencyLabel(translator('en'), '9999')).toBe('9999');
  });
});
