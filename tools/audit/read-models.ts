import type { AuditTargets, AuditedService, ReadModelSet } from '@santunan/audit';
import { readOnlyCipher } from '@santunan/audit';
import { claimsReadModels } from '@santunan/claims-service';
import { contributionsReadModels } from '@santunan/contributions-service';
import { enrollmentReadModels } from '@santunan/enrollment-service';
import { payoutsReadModels } from '@santunan/payouts-service';

/** Each service's projections as the service builds them, configured from the same environment. */
export function readModelsOf(
  service: AuditedService,
  targets: AuditTargets,
  env: NodeJS.ProcessEnv,
): { set: ReadModelSet; close: () => Promise<void> } {
  const nothing = async (): Promise<void> => undefined;
  switch (service) {
    case 'payouts':
      return { set: payoutsReadModels(), close: nothing };
    case 'claims': {
      const extra = (env['CLAIMS_EXTRA_HOLIDAYS'] ?? '')
        .split(',')
        .map((day) => day.trim())
        .filter((day) => day !== '');
      return { set: claimsReadModels(extra), close: nothing };
    }
    case 'contributions':
      return { set: contributionsReadModels(), close: nothing };
    case 'enrollment': {
      if (targets.keysDatabaseUrl === null) {
        throw new Error(
          'replaying enrollment needs the key database (the participant view indexes names)',
        );
      }
      const { cipher, close } = readOnlyCipher(targets.keysDatabaseUrl);
      return {
        set: enrollmentReadModels(cipher, env['ENROLLMENT_NIK_HMAC_KEY'] || undefined),
        close,
      };
    }
    default: {
      const _exhaustive: never = service;
      return _exhaustive;
    }
  }
}
