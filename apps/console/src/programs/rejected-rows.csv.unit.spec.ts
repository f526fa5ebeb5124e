import { csvCell, neutralised, rejectedRowsCsv } from './rejected-rows.csv';

const HEADINGS = { row: 'row', field: 'field', code: 'code', reason: 'reason' };

describe('rejected rows as CSV', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","klik")', `'=HYPERLINK("http://evil.example","klik")`],
    ['+62812345678', `'+62812345678`],
    ['-5', `'-5`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('neutralises a cell a spreadsheet would run: %j', (cell, expected) => {
    expect(neutralised(cell)).toBe(expected);
  });

  it.each([['Maria Goreti'], ['5371014508900001'], [''], ['a=b'], ["'quoted already"]])(
    'leaves an ordinary cell alone: %j',
    (cell) => {
      expect(neutralised(cell)).toBe(cell);
    },
  );

  it('quotes a neutralised cell with a comma or a quote, doubling quotes (RFC 4180)', () => {
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell('Jl. Timor Raya, Oebobo')).toBe('"Jl. Timor Raya, Oebobo"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('writes one line per refused row, its problems joined, then its cells under the file’s columns', () => {
    const cells = [
      { column: 'nik', value: '12345' },
      { column: 'full_name', value: '=cmd|"/c calc"!A1' },
      { column: 'phone', value: '+6281' },
    ];
    const csv = rejectedRowsCsv(
      [
        { rowNumber: 3, field: 'nik', code: 'NIK_FORMAT', reason: 'must be 16 digits', cells },
        {
          rowNumber: 3,
          field: 'phone',
          code: 'PHONE_FORMAT',
          reason: 'must be 8–15 digits',
          cells,
        },
        {
          rowNumber: 2,
          field: 'birth_date',
          code: 'DATE_INVALID',
          reason: 'must be YYYY-MM-DD',
          cells: [
            { column: 'nik', value: '5371014508900001' },
            { column: 'full_name', value: '@Maria' },
            { column: 'phone', value: '081234567890' },
          ],
        },
      ],
      HEADINGS,
    );
    expect(csv.split('\r\n')).toEqual([
      'row,field,code,reason,nik,full_name,phone',
      `2,birth_date,DATE_INVALID,must be YYYY-MM-DD,5371014508900001,'@Maria,081234567890`,
      `3,nik; phone,NIK_FORMAT; PHONE_FORMAT,must be 16 digits; must be 8–15 digits,12345,"'=cmd|""/c calc""!A1",'+6281`,
      '',
    ]);
  });

  it('neutralises what the service wrote too, and works without the cells', () => {
    const csv = rejectedRowsCsv(
      [{ rowNumber: 9, field: 'row', code: 'COLUMN_COUNT', reason: '-1 columns' }],
      HEADINGS,
    );
    expect(csv).toBe(`row,field,code,reason\r\n9,row,COLUMN_COUNT,'-1 columns\r\n`);
  });
});
