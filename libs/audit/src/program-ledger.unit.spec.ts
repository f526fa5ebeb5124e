import { programLedgerOf, renderProgramLedger } from './program-ledger';

const event = (type: string, data: Record<string, unknown>) => ({ type, data });

describe('a sponsor program’s ledger read from its events', () => {
  const program = [
    event('SponsorProgramOpened', { name: 'Desa Oebelo 2026', budget: 403_200 }),
    event('ParticipantSponsored', { participantId: 'p-1' }),
    event('ParticipantSponsored', { participantId: 'p-2' }),
    event('SponsorStatementIssued', { month: '2026-01', total: 33_600 }),
    event('SponsorPaymentReceived', { month: '2026-01', amount: 20_000, allocatedAmount: 16_800 }),
    event('SponsorStatementIssued', { month: '2026-02', total: 33_600 }),
    event('SponsorPaymentReceived', { month: '2026-02', amount: 33_600, allocatedAmount: 33_600 }),
    // Paid ahead: received for a month not billed yet.
    event('SponsorPaymentReceived', { month: '2026-03', amount: 16_800, allocatedAmount: 16_800 }),
    event('ParticipantSponsorshipEnded', { participantId: 'p-2' }),
  ];
  const refunds = [
    event('RefundDue', {
      lines: [{ month: '2026-03', paymentReference: 'SP2D-3', amount: 16_800 }],
      amount: 16_800,
    }),
    // Other events the containment query finds for the program are not refunds.
    event('ContributionPaid', { month: '2026-01', amount: 16_800 }),
  ];

  it('adds up budget, enrolment, statements, receipts and refunds to the rupiah', () => {
    expect(programLedgerOf('desa-oebelo-2026', program, refunds)).toEqual({
      programId: 'desa-oebelo-2026',
      name: 'Desa Oebelo 2026',
      budget: 403_200,
      enrolled: 1,
      sponsorshipsEnded: 1,
      billed: 67_200,
      received: 70_400,
      paid: 67_200,
      refunded: 16_800,
      remaining: 403_200 - 70_400 + 16_800,
      statements: [
        { month: '2026-01', billed: 33_600, received: 20_000, refunded: 0 },
        { month: '2026-02', billed: 33_600, received: 33_600, refunded: 0 },
      ],
    });
  });

  it('refuses an amount that is not integer rupiah rather than add it', () => {
    expect(() =>
      programLedgerOf('p', [event('SponsorStatementIssued', { month: '2026-01', total: 1.5 })], []),
    ).toThrow(/integer total/);
  });

  it('prints the totals and each statement month', () => {
    const text = renderProgramLedger(programLedgerOf('desa-oebelo-2026', program, refunds));
    expect(text).toContain('remaining budget  Rp349,600');
    expect(text).toMatch(/2026-01 +Rp33,600 +Rp20,000 +Rp0/);
  });
});
