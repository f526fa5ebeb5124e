import type { EmployerEvent } from '@santunan/contracts/employers';
import { workingDayCalendar, type WorkingDayCalendar } from '@santunan/rules';
import type { RegisterEmployer, RegencyDirectory } from '../employer/employer.commands';
import {
  evolveEmployer,
  initialEmployerState,
  type EmployerState,
} from '../employer/employer.state';

export const regions: RegencyDirectory = {
  regencyName: (code) =>
    ({
      '5371': 'Kota Kupang',
      '5304': 'Kabupaten Timor Tengah Selatan',
      '3171': 'Jakarta Selatan',
    })[code],
};

/** Weekends only, so the working-day counts below are easy to check by hand. */
export const weekdays: WorkingDayCalendar = (() => {
  const calendar = workingDayCalendar({ id: 'weekdays-only', holidays: [], coverage: null });
  if (!calendar.ok) throw new Error(calendar.error.message);
  return calendar.value;
})();

export const registration: RegisterEmployer = {
  type: 'RegisterEmployer',
  npp: '12345678',
  name: 'CV Laut Sawu',
  npwp: '012345678912000',
  nib: '1234567890123',
  kbli: '03111',
  businessScale: 'medium',
  riskClass: 3,
  riskClassBasis: 'Lampiran I PP 44/2015: perikanan tangkap',
  riskClassEffectiveFrom: '2026-01-01',
  address: { line: 'Jl. Timor Raya 5, Oesapa', regencyCode: '5371' },
  bankAccount: { bankCode: 'BNI', accountNumber: '0123456789', accountName: 'CV Laut Sawu' },
};

export function employerAfter(...events: EmployerEvent[]): EmployerState {
  return events.reduce(evolveEmployer, initialEmployerState());
}

export const registered: Extract<EmployerEvent, { type: 'EmployerRegistered' }> = {
  type: 'EmployerRegistered',
  data: (() => {
    const { type: _type, ...data } = registration;
    return { ...data, riskClass: 3 as const, provinceCode: '53' };
  })(),
};
