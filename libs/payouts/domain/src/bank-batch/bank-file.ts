/** One credit transfer in a bank file: the account the instruction pays, as instructed. */
export interface BankFileLine {
  readonly payoutId: string;
  readonly attempt: number;
  readonly bankCode: string;
  readonly accountNumber: string;
  readonly accountName: string;
  readonly beneficiaryName: string;
  readonly amount: number;
}

export const BANK_FILE_COLUMNS = [
  'payout_id',
  'attempt',
  'bank_code',
  'account_number',
  'account_name',
  'beneficiary_name',
  'amount',
  'currency',
  'remittance_info',
] as const;

/** The file's name: the batch, the day, and nothing personal. */
export function bankFileName(batchId: string, instructedOn: string): string {
  return `santunan-payouts-${instructedOn}-${batchId}.csv`;
}

// A spreadsheet would run a cell starting with these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180 CSV (CRLF, quoted where needed), one line per payout, amounts in whole rupiah;
 * the remittance information carries the payout id so a settlement can be matched back.
 */
export function renderBankFile(lines: readonly BankFileLine[]): string {
  const rows = lines.map((line) =>
    [
      line.payoutId,
      String(line.attempt),
      line.bankCode,
      line.accountNumber,
      line.accountName,
      line.beneficiaryName,
      String(line.amount),
      'IDR',
      `SANTUNAN ${line.payoutId}`,
    ]
      .map(cell)
      .join(','),
  );
  return [BANK_FILE_COLUMNS.join(','), ...rows].map((row) => `${row}\r\n`).join('');
}
