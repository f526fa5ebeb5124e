import { WORKER_CSV_HEADER } from '../testing/synthetic-workers';
import { CsvUploadScanner, type ScanResult } from './csv-upload.scanner';

async function scan(...chunks: (string | Buffer)[]): Promise<ScanResult> {
  const scanner = new CsvUploadScanner();
  for (const chunk of chunks) scanner.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return scanner.end();
}

const row =
  '5371011508900001,Yohanes Bria,1990-08-15,L,Jl. El Tari,5371,081234567890,nelayan,1000000';

describe('checking an upload as it streams in', () => {
  it('counts the data rows of a good file, in whatever chunks it arrives', async () => {
    const file = Buffer.from(`${WORKER_CSV_HEADER}\n${row}\n\n${row}\r\n`);
    const pieces = Array.from({ length: file.length }, (_, i) => file.subarray(i, i + 1));
    expect(await scan(...pieces)).toEqual({ ok: true, totalRows: 2 });
  });

  it('names the missing columns (header names in any case, padded)', async () => {
    expect(await scan('NIK, Full_Name ,birth_date\n', `${row}\n`)).toMatchObject({
      ok: false,
      refusal: {
        code: 'CSV_COLUMNS_MISSING',
        extras: {
          missingColumns: [
            'sex',
            'address',
            'regency_code',
            'phone',
            'occupation',
            'declared_income',
          ],
        },
      },
    });
  });

  it.each([
    ['nothing at all', [''], 'CSV_EMPTY'],
    ['blank lines only', ['\n\n\n'], 'CSV_EMPTY'],
    ['a header without rows', [`${WORKER_CSV_HEADER}\n`], 'CSV_NO_ROWS'],
    [
      'a quote left open',
      [`${WORKER_CSV_HEADER}\n${row}\n"Maria,`, `x\n${row}\n`],
      'CSV_MALFORMED',
    ],
    ['a quote inside a bare field', [`${WORKER_CSV_HEADER}\nab"c,${row}\n`], 'CSV_MALFORMED'],
    [
      'a record of 70 KB',
      [`${WORKER_CSV_HEADER}\n${row},${'x'.repeat(70_000)}\n`],
      'CSV_RECORD_TOO_LARGE',
    ],
  ])('refuses %s', async (_label, chunks, code) => {
    expect(await scan(...chunks)).toMatchObject({ ok: false, refusal: { code } });
  });

  it('does not echo the offending value of a malformed record (it may be a name)', async () => {
    const result = await scan(`${WORKER_CSV_HEADER}\nSecret"Name,x\n`);
    expect(JSON.stringify(result)).not.toContain('Secret');
  });
});
