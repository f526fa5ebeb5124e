import type { AdministrationRefusal, RealmUsersProblem } from '@santunan/platform';
import type { Translate } from '../i18n/messages';

/** Keycloak's refusal in the administrator's language; Keycloak's own words kept as detail. */
export function identityProblemMessage(t: Translate, problem: RealmUsersProblem): string {
  switch (problem.code) {
    case 'USER_EXISTS':
      return problem.field === 'email'
        ? t('admin.problem.emailExists')
        : t('admin.problem.usernameExists');
    case 'USER_INVALID':
      if (problem.field === 'email') return t('admin.problem.emailInvalid');
      if (problem.field === 'password')
        return t('admin.problem.passwordInvalid', { detail: problem.detail });
      if (problem.field === null) return t('admin.problem.invalid', { detail: problem.detail });
      return t('admin.problem.fieldInvalid', { detail: problem.detail });
    case 'USER_NOT_FOUND':
      return t('admin.problem.notFound');
    case 'IDENTITY_FORBIDDEN':
      return t('admin.problem.forbidden', { detail: problem.detail });
    case 'IDENTITY_UNAVAILABLE':
      return t('admin.problem.unavailable', { detail: problem.detail });
    default: {
      const _exhaustive: never = problem;
      return String(_exhaustive);
    }
  }
}

export function refusalMessage(t: Translate, refusal: AdministrationRefusal): string {
  switch (refusal) {
    case 'ROLE_UNKNOWN':
      return t('admin.refusal.roleUnknown');
    case 'OWN_ADMIN_ROLE_REVOKE':
      return t('admin.refusal.ownAdminRole');
    case 'SELF_DISABLE':
      return t('admin.refusal.selfDisable');
    default: {
      const _exhaustive: never = refusal;
      return String(_exhaustive);
    }
  }
}
