import { Layout, CsrfField } from '../views/layout';
import { TextField } from '../views/forms';
import type { FormState } from '../web/form-state';
import type { SignedInContext } from '../web/page-context';

export interface AuditStartForms {
  readonly payout: FormState;
  readonly claim: FormState;
  readonly asOf: FormState;
}

const EXPLAINED = ['payout', 'claim'] as const;

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
        {/* A payout's id or a claim's: the same small form for each. */}
        {EXPLAINED.map((subject) => (
          <form
            key={subject}
            method="post"
            action={`/audit/explain/${subject}`}
            class="audit-lookup"
          >
            <CsrfField page={page} />
            <TextField
              form={forms[subject]}
              name={`${subject}Id`}
              label={t(`audit.explain.${subject}Id`)}
              required
            />
            <button type="submit">{t(`audit.explain.${subject}Submit`)}</button>
          </form>
        ))}
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
