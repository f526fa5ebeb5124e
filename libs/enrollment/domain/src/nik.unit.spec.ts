import { checkNik, type NikRejection, type Sex } from './nik';
import { kemendagriDistrictCodes, kemendagriRegions } from './regions';

const regions = kemendagriRegions();

describe('checkNik', () => {
  it.each<[string, string, Sex, string]>([
    ['Kota Kupang, man born 1990-08-15', '5371011508900001', 'male', '1990-08-15'],
    [
      'Kab. Kupang (Semau), woman born 1992-03-05 (day + 40)',
      '5301044503920002',
      'female',
      '1992-03-05',
    ],
    ['Kab. Sumba Barat Daya, woman born 2001-12-31', '5318047112010123', 'female', '2001-12-31'],
    ['Kab. Malaka, man born 1975-02-28', '5321032802750456', 'male', '1975-02-28'],
    ['Kab. Manggarai Timur, leap day 2000-02-29', '5319012902000007', 'male', '2000-02-29'],
  ])('accepts %s', (_label, nik, sex, birthDate) => {
    const result = checkNik(nik, { birthDate, sex }, regions);
    expect(result).toMatchObject({ ok: true, nik: { provinceCode: '53', sex } });
  });

  it.each<[string, string, Sex, string, NikRejection]>([
    ['15 digits', '537101150890001', 'male', '1990-08-15', 'NIK_FORMAT'],
    ['letters', '53710115089000A1', 'male', '1990-08-15', 'NIK_FORMAT'],
    ['spaces', '5371 0115 0890 0001', 'male', '1990-08-15', 'NIK_FORMAT'],
    ['unknown province 99', '9901011508900001', 'male', '1990-08-15', 'NIK_PROVINCE_UNKNOWN'],
    ['unknown NTT regency 5399', '5399011508900001', 'male', '1990-08-15', 'NIK_REGENCY_UNKNOWN'],
    ['kecamatan 00', '5371001508900001', 'male', '1990-08-15', 'NIK_DISTRICT_INVALID'],
    [
      'kecamatan 99 of Kota Kupang',
      '5371991508900001',
      'male',
      '1990-08-15',
      'NIK_DISTRICT_UNKNOWN',
    ],
    [
      'kecamatan 07 of Kota Kupang (it has 01–06)',
      '5371071508900001',
      'male',
      '1990-08-15',
      'NIK_DISTRICT_UNKNOWN',
    ],
    [
      'kecamatan 02 of Kab. Kupang (not in the data)',
      '5301024503920002',
      'female',
      '1992-03-05',
      'NIK_DISTRICT_UNKNOWN',
    ],
    ['serial 0000', '5371011508900000', 'male', '1990-08-15', 'NIK_SERIAL_INVALID'],
    ['month 13', '5371011513900001', 'male', '1990-08-15', 'NIK_DATE_INVALID'],
    ['day 32', '5371013208900001', 'male', '1990-08-15', 'NIK_DATE_INVALID'],
    ['day 00', '5371010008900001', 'male', '1990-08-15', 'NIK_DATE_INVALID'],
    ['Feb 29 in a non-leap year', '5371012902010001', 'male', '2001-03-01', 'NIK_DATE_INVALID'],
    ['woman day 72 (= 32)', '5371017208900001', 'female', '1990-08-15', 'NIK_DATE_INVALID'],
    [
      'other birth date than declared',
      '5371011508900001',
      'male',
      '1990-08-16',
      'NIK_BIRTH_DATE_MISMATCH',
    ],
    [
      'other birth year than declared',
      '5371011508900001',
      'male',
      '1991-08-15',
      'NIK_BIRTH_DATE_MISMATCH',
    ],
    [
      'woman declared, NIK of a man',
      '5371011508900001',
      'female',
      '1990-08-15',
      'NIK_SEX_MISMATCH',
    ],
    ['man declared, NIK of a woman', '5301044503920002', 'male', '1992-03-05', 'NIK_SEX_MISMATCH'],
  ])('rejects %s', (_label, nik, sex, birthDate, code) => {
    expect(checkNik(nik, { birthDate, sex }, regions)).toMatchObject({ ok: false, code });
  });

  it('knows every kecamatan of Kota Kupang, and checks none of a regency the data lists without them', () => {
    for (const district of kemendagriDistrictCodes('5371')) {
      expect(
        checkNik(`${district}1508900001`, { birthDate: '1990-08-15', sex: 'male' }, regions).ok,
      ).toBe(true);
    }
    expect(kemendagriDistrictCodes('5371')).toEqual([
      '537101',
      '537102',
      '537103',
      '537104',
      '537105',
      '537106',
    ]);
    const withNewRegency = kemendagriRegions({}, { '5399': 'KAB. BARU' });
    expect(withNewRegency.districtExists('539999')).toBeUndefined();
    expect(
      checkNik('5399991508900001', { birthDate: '1990-08-15', sex: 'male' }, withNewRegency).ok,
    ).toBe(true);
  });

  it('knows the regions added after the package data through extra regencies', () => {
    const withPapuaSelatan = kemendagriRegions(
      { '93': 'PAPUA SELATAN' },
      { '9301': 'KAB. MERAUKE' },
    );
    expect(
      checkNik('9301011508900001', { birthDate: '1990-08-15', sex: 'male' }, withPapuaSelatan).ok,
    ).toBe(true);
    expect(checkNik('9301011508900001', { birthDate: '1990-08-15', sex: 'male' }, regions).ok).toBe(
      false,
    );
  });
});
