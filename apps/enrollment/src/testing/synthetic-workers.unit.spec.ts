import {
  checkNik,
  checkWorkerRow,
  kemendagriRegions,
  WORKER_CSV_COLUMNS,
} from '@santunan/enrollment-domain';
import { syntheticWorker, workerCsvLine } from './synthetic-workers';

describe('synthetic NTT workers (tests and the benchmark)', () => {
  const regions = kemendagriRegions();

  it('are valid and distinct over the benchmark range', () => {
    const niks = new Set<string>();
    const refused: string[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const worker = syntheticWorker(i);
      niks.add(worker.nik);
      // Every NIK against the Kemendagri kecamatan; the rest of the row for a sample.
      if (!checkNik(worker.nik, worker, regions).ok) refused.push(worker.nik);
      if (i % 997 === 0) {
        const fields = workerCsvLine(worker).split(',');
        const record = Object.fromEntries(
          WORKER_CSV_COLUMNS.map((column, at) => [column, fields[at]]),
        );
        expect(checkWorkerRow(2, record)).toMatchObject({ ok: true });
      }
    }
    expect(refused).toEqual([]);
    expect(niks.size).toBe(100_000);
  });
});
