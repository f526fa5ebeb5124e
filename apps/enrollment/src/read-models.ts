// The enrollment read model and its tables, for `npm run audit -- replay enrollment`.
import type { PersonalDataCipher } from '@santunan/platform';
import { DEVELOPMENT_LOOKUP_KEY } from './config/enrollment-config';
import { ParticipantViewProjection } from './participant-view/participant-view.projection';
import { LookupHasher } from './shared/lookup-hasher';

/**
 * The participant view opens names to index their tokens, so it needs the key database's
 * cipher, and the service's NIK lookup key (ENROLLMENT_NIK_HMAC_KEY) to hash the same way.
 */
export function enrollmentReadModels(cipher: PersonalDataCipher, lookupKey?: string) {
  const hasher = new LookupHasher(lookupKey ?? DEVELOPMENT_LOOKUP_KEY);
  return {
    readModels: [
      {
        projection: new ParticipantViewProjection(cipher, hasher),
        tables: ['participant_view', 'participant_name_tokens'],
      },
    ],
  };
}
