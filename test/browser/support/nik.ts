/**
 * A valid NIK of kecamatan Oebobo, Kota Kupang (region code 537101): the birth date as DDMMYY,
 * 40 added to the day for a woman, then a 4-digit serial. Dependency-free: Playwright specs
 * cannot import `@santunan/platform`.
 */
export function oeboboNik({
  birthDate,
  sex,
  serial,
}: {
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex: 'male' | 'female';
  /** 1 to 9999; each spec keeps to its own range so two runs never share a NIK. */
  serial: number;
}): string {
  const date = /^(\d{2})(\d{2})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (date === null) throw new Error(`a birth date is YYYY-MM-DD, not ${birthDate}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > 9999) {
    throw new Error(`a NIK serial is 1 to 9999, not ${serial}`);
  }
  const [, , year, month, day] = date;
  const nikDay = Number(day) + (sex === 'female' ? 40 : 0);
  return `537101${String(nikDay).padStart(2, '0')}${month}${year}${String(serial).padStart(4, '0')}`;
}
