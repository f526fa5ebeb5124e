import { Readable } from 'node:stream';
import { createCsvParser, fieldsByColumn, recordBatches } from './csv-records';

async function batchesOf(csv: string, skip: number, size: number) {
  const parser = createCsvParser();
  Readable.from([Buffer.from(csv)]).pipe(parser);
  const batches: { header: string[]; indexes: number[]; rows: number[] }[] = [];
  for await (const { header, records } of recordBatches(parser, skip, size)) {
    batches.push({
      header,
      indexes: records.map((record) => record.index),
      rows: records.map((record) => record.rowNumber),
    });
  }
  return batches;
}

describe('reading a stored worker file in batches', () => {
  const csv = 'NIK,Full_Name\n1,a\n2,b\n\n3,"c\nd"\n4,e\n5,f\n';

  it('numbers records from 1 after the header and rows by the line they end on', async () => {
    expect(await batchesOf(csv, 0, 2)).toEqual([
      { header: ['nik', 'full_name'], indexes: [1, 2], rows: [2, 3] },
      { header: ['nik', 'full_name'], indexes: [3, 4], rows: [6, 7] },
      { header: ['nik', 'full_name'], indexes: [5], rows: [8] },
    ]);
  });

  it('skips the records a resumed job has already dealt with', async () => {
    expect((await batchesOf(csv, 3, 10)).map((batch) => batch.indexes)).toEqual([[4, 5]]);
    expect(await batchesOf(csv, 5, 10)).toEqual([]);
  });

  it('maps fields to columns, the first of a repeated column winning', () => {
    expect(fieldsByColumn(['nik', 'phone', 'nik'], ['1', '0812'])).toEqual({
      nik: '1',
      phone: '0812',
    });
  });
});
