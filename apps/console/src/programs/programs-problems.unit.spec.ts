import { translator } from '../i18n/messages';
import { rowProblemReason } from './programs-problems';

describe('a refused row’s reason', () => {
  const id = translator('id');
  const en = translator('en');

  it('is in the user’s language for the CSV’s own codes and the enrollment rules’ codes', () => {
    expect(rowProblemReason(id, 'PHONE_FORMAT', 'must be 8–15 digits')).toBe(
      'Nomor telepon 8–15 angka, boleh diawali +.',
    );
    expect(rowProblemReason(id, 'NIK_FORMAT', 'must be 16 digits')).toBe(
      'NIK harus tepat 16 angka.',
    );
    expect(rowProblemReason(en, 'DUPLICATE_NIK_IN_FILE', 'duplicate')).toBe(
      'This NIK is on another row of the same file.',
    );
  });

  it('is the service’s own words for a code the pages do not know', () => {
    expect(rowProblemReason(id, 'SOMETHING_NEW', 'the service says so')).toBe(
      'the service says so',
    );
  });
});
