import { Layout, CsrfField } from '../views/layout';
import { TextField } from '../views/forms';
import type { FormState } from '../web/form-state';
import type { SignedInContext } from '../web/page-context';

export interface AuditStartForms {
  readonly payout: FormState;
  readonly claim: FormState;
  readonly asOf: FormState;
}

/** The auditor's start: explain, verify, as-of — each a plain form that works without script. */
export function AuditStartPage({
  page,
  forms,
  today,
}: {
  page: SignedInContext;
  forms: AuditStartForms;
  today: string;
}) {
  const { t } = page;
  return (
    <Layout page={page} title={t('audit.title')}>
      <p>{t('audit.intro')}</p>

      <section aria-labelledby="explain-heading">
        <h2 id="explain-heading">{t('audit.explain.heading')}</h2>
        <form method="post" action="/audit/explain/payout" class="audit-lookup">
          <CsrfField page={page} />
          <TextField
            form={forms.payout}
            name="payoutId"
            label={t('audit.explain.payoutId')}
            required
          />
          <button type="submit">{t('audit.explain.payoutSubmit')}</button>
        </form>
        <form method="post" action="/audit/explain/claim" class="audit-lookup">
          <CsrfField page={page} />
          <TextField
            form={forms.claim}
            name="claimId"
            label={t('audit.explain.claimId')}
            required
          />
          <button type="submit">{t('audit.explain.claimSubmit')}</button>
        </form>
      </section>

      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading">{t('audit.verify.heading')}</h2>
        <p class="hint">{t('audit.verify.hint')}</p>
        <form method="post" action="/audit/verify">
          <CsrfField page={page} />
          <button type="submit">{t('audit.verify.submit')}</button>
        </form>
      </section>

      <section aria-labelledby="as-of-heading">
        <h2 id="as-of-heading">{t('audit.asOf.heading')}</h2>
        <AsOfForm page={page} form={forms.asOf} today={today} />
      </section>
    </Layout>
  );
}

export function AsOfForm({
  page,
  form,
  today,
  participantId,
}: {
  page: SignedInContext;
  form: FormState;
  today: string;
  participantId?: string;
}) {
  const { t } = page;
  return (
    <form method="post" action="/audit/as-of" class="audit-lookup">
      <CsrfField page={page} />
      <TextField
        form={form}
        name="participantId"
        label={t('audit.asOf.participantId')}
        required
        value={participantId}
      />
      <TextField
        form={form}
        name="at"
        type="date"
        label={t('audit.asOf.date')}
        required
        value={today}
      />
      <button type="submit">
        {participantId === undefined ? t('audit.asOf.submit') : t('audit.asOf.change')}
      </button>
    </form>
  );
}
