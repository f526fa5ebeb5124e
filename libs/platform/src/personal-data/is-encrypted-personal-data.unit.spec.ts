import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { IsEncryptedPersonalData } from './is-encrypted-personal-data';

class ParticipantRegisteredDto {
  @IsEncryptedPersonalData()
  name!: unknown;
}

const errorsFor = async (name: unknown) =>
  (await validate(plainToInstance(ParticipantRegisteredDto, { name }))).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('@IsEncryptedPersonalData()', () => {
  it('accepts the encrypted shape and refuses plain text', async () => {
    const sealed = { $pii: 1, subject: 'p-1', field: 'name', iv: 'a', ct: 'b', tag: 'c' };
    expect(await errorsFor(sealed)).toEqual([]);
    expect(await errorsFor('Siti Rahayu')).toEqual([
      'name must be an encrypted personal field ({ "$pii": 1, ... })',
    ]);
  });
});
