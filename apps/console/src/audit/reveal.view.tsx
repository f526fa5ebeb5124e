import { formatInstant } from '../i18n/format';
import { TextArea } from '../views/forms';
import { CsrfField } from '../views/layout';
import type { FormState } from '../web/form-state';
import type { SignedInContext } from '../web/page-context';
import type { RevealRecord } from './reveal-log';

/** Masked / revealed, and the form that reveals with a reason (recorded). */
export function PersonalDataPanel({
  page,
  participantId,
  revealed,
  revealRequested,
  form,
  returnTo,
}: {
  page: SignedInContext;
  participantId: string;
  /** The data on this page is shown opened. */
  revealed: boolean;
  /** This auditor holds a reveal for the participant (the keys may still be unreadable). */
  revealRequested: boolean;
  form: FormState;
  returnTo: string;
}) {
  const { t } = page;
  if (revealed) {
    return (
      <p class="notice success" id="personal-data-status" role="status">
        {t('audit.personal.revealed')}
      </p>
    );
  }
  if (revealRequested) {
    return (
      <p class="notice error" id="personal-data-status" role="alert">
        {t('audit.personal.keysUnavailable')}
      </p>
    );
  }
  return (
    <section aria-labelledby="reveal-heading" class="reveal">
      <p id="personal-data-status">{t('audit.personal.masked')}</p>
      <h2 id="reveal-heading">{t('audit.reveal.heading')}</h2>
      <form
        method="post"
        action={`/audit/participants/${encodeURIComponent(participantId)}/reveal`}
      >
        <CsrfField page={page} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <TextArea
          form={form}
          name="reason"
          label={t('audit.reveal.reason')}
          hint={t('audit.reveal.reasonHint')}
          required
        />
        <button type="submit">{t('audit.reveal.submit')}</button>
      </form>
    </section>
  );
}

export function RevealLogTable({
  page,
  reveals,
}: {
  page: SignedInContext;
  reveals: readonly RevealRecord[];
}) {
  const { t, lang } = page;
  if (reveals.length === 0) return <p id="reveal-log">{t('audit.reveal.logNone')}</p>;
  return (
    <table id="reveal-log">
      <caption>{t('audit.reveal.log')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.reveal.when')}</th>
          <th scope="col">{t('audit.reveal.who')}</th>
          <th scope="col">{t('audit.reveal.why')}</th>
        </tr>
      </thead>
      <tbody>
        {reveals.map((reveal) => (
          <tr key={reveal.revealId}>
            <td>{formatInstant(reveal.revealedAt, lang)}</td>
            <td>
              {reveal.auditorName} (<code>{reveal.auditorId}</code>)
            </td>
            <td>{reveal.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
