import { formatDate, formatMonth, formatRupiah } from '../i18n/format';
import { personalText } from '../services/participants.api';
import type { PageContext } from '../web/page-context';
import type { HistoryEvent } from './enrollment-office.api';
import { label } from './enrollment-labels';

type Data = Readonly<Record<string, unknown>>;

function record(value: unknown): Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Data)
    : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '—';
}

function money(value: unknown): string {
  return typeof value === 'number' ? formatRupiah(value) : '—';
}

/**
 * One event of a participant's stream as a sentence in the officer's language: what happened,
 * with the values it recorded (personal values as the service disclosed them to this user).
 */
export function historyLine(page: PageContext, event: HistoryEvent): string {
  const { t, lang } = page;
  const data = event.data;
  const redacted = t('personal.redacted');
  const month = (value: unknown) => (typeof value === 'string' ? formatMonth(value, lang) : '—');
  const day = (value: unknown) => (typeof value === 'string' ? formatDate(value, lang) : '—');
  switch (event.type) {
    case 'ParticipantRegistered': {
      const membership = record(data['membership']);
      return t('enrollment.history.registered', {
        name: personalText(data['fullName'], redacted),
        income: money(data['declaredIncome']),
        month: month(data['incomeEffectiveFrom']),
        membership:
          membership['kind'] === 'sponsored'
            ? t('enrollment.membership.sponsored', { program: text(membership['programId']) })
            : t('enrollment.membership.self-paying'),
      });
    }
    case 'ParticipantDetailsCorrected': {
      const fields = (['fullName', 'address', 'phone', 'occupation'] as const)
        .filter((field) => data[field] !== undefined)
        .map((field) => t(`enrollment.field.${field}`).toLowerCase());
      return t('enrollment.history.corrected', {
        fields: fields.join(', ') || '—',
        reason: text(data['reason']),
      });
    }
    case 'DeclaredIncomeChanged':
      return t('enrollment.history.incomeChanged', {
        previous: money(data['previousIncome']),
        income: money(data['declaredIncome']),
        month: month(data['effectiveFrom']),
      });
    case 'HeirsDesignated': {
      const heirs = Array.isArray(data['heirs']) ? (data['heirs'] as unknown[]).map(record) : [];
      if (heirs.length === 0) return t('enrollment.history.heirsCleared');
      return t('enrollment.history.heirsDesignated', {
        heirs: heirs
          .map((heir) =>
            t('enrollment.history.heir', {
              name: personalText(heir['fullName'], redacted),
              relationship: label(t, 'relationship', text(heir['relationship'])),
            }),
          )
          .join('; '),
      });
    }
    case 'ChildRegisteredForScholarship':
      return t('enrollment.history.childRegistered', {
        name: personalText(data['fullName'], redacted),
        date: day(data['birthDate']),
      });
    case 'ParticipantDeceased': {
      // v1 events are read as v2 (recorded from a claims event) by the service's upcaster.
      const recordedBy = record(data['recordedBy']);
      return recordedBy['kind'] === 'enrollment-officer'
        ? t('enrollment.history.deceasedReported', {
            date: day(data['dateOfDeath']),
            certificate: text(recordedBy['deathCertificateReference']),
          })
        : t('enrollment.history.deceased', { date: day(data['dateOfDeath']) });
    }
    default:
      return t('enrollment.history.other', { type: event.type });
  }
}
