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
    for (let i = 0; i < 100_000; i += 1) {
      const worker = syntheticWorker(i);
      niks.add(worker.nik);
      if (i % 997 === 0) {
        expect(checkNik(worker.nik, worker, regions)).toMatchObject({ ok: true });
        const fields = workerCsvLine(worker).split(',');
        const record = Object.fromEntries(
          WORKER_CSV_COLUMNS.map((column, at) => [column, fields[at]]),
        );
        expect(checkWorkerRow(2, record)).toMatchObject({ ok: true });
      }
    }
    expect(niks.size).toBe(100_000);
  });
});
