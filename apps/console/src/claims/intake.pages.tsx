import { HEIR_RELATIONSHIPS, SCHOLARSHIP_DOCUMENT_CODES } from '@santunan/contracts';
import { formatDate } from '../i18n/format';
import type { AccidentReport } from '../services/claims.api';
import { personalText, type ParticipantSummary } from '../services/participants.api';
import type { FormState } from '../web/form-state';
import type { PageContext, SignedInContext } from '../web/page-context';
import { ChoiceGroup, FormError, PostForm, SelectField, TextArea, TextField } from '../views/forms';
import { Layout } from '../views/layout';
import { labelOf, shortId } from './claim-labels';

function relationshipChoices(page: PageContext) {
  return HEIR_RELATIONSHIPS.map((value) => ({
    value,
    label: labelOf(page.t, 'relationship', value),
  }));
}

function ParticipantLine({
  page,
  participantId,
}: {
  page: SignedInContext;
  participantId: string;
}) {
  return (
    <p>
      {page.t('intake.forParticipant')} <span class="mono">{participantId}</span>{' '}
      <a href="/participants">{page.t('intake.changeParticipant')}</a>
    </p>
  );
}

export function ParticipantSearchPage({
  page,
  form,
  results,
}: {
  page: SignedInContext;
  form: FormState;
  results: readonly ParticipantSummary[] | null;
}) {
  const { t } = page;
  const redacted = t('personal.redacted');
  return (
    <Layout page={page} title={t('search.title')}>
      {/* POST: a NIK must not end up in a URL (browser history, access logs). */}
      <PostForm page={page} action="/participants" label={t('search.title')}>
        <FormError form={form} />
        <TextField
          form={form}
          name="nik"
          label={t('search.nik')}
          hint={t('search.nikHint')}
          inputMode="numeric"
        />
        <TextField form={form} name="name" label={t('search.name')} hint={t('search.nameHint')} />
        <button type="submit">{t('search.submit')}</button>
      </PostForm>
      {results === null ? null : results.length === 0 ? (
        <p role="status">{t('search.none')}</p>
      ) : (
        <table>
          <caption>{t('search.caption', { count: results.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('participant.name')}</th>
              <th scope="col">{t('participant.nik')}</th>
              <th scope="col">{t('participant.regency')}</th>
              <th scope="col">{t('participant.status')}</th>
              <th scope="col">{t('search.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((participant) => {
              const name = personalText(participant.fullName, redacted);
              return (
                <tr key={participant.participantId}>
                  <th scope="row">{name}</th>
                  <td class="mono">{personalText(participant.nik, redacted)}</td>
                  <td>{participant.regencyCode}</td>
                  <td>{labelOf(t, 'participantStatus', participant.status)}</td>
                  <td>
                    <ul>
                      <li>
                        <a href={`/claims/new/jkm?participantId=${participant.participantId}`}>
                          {t('search.newJkm', { name })}
                        </a>
                      </li>
                      <li>
                        <a
                          href={`/accident-reports/new?participantId=${participant.participantId}`}
                        >
                          {t('search.newAccident', { name })}
                        </a>
                      </li>
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

function ClaimantFields({ page, form }: { page: SignedInContext; form: FormState }) {
  const { t } = page;
  return (
    <fieldset>
      <legend>{t('intake.claimant')}</legend>
      <ChoiceGroup
        form={form}
        name="claimant.kind"
        legend={t('intake.claimantKind')}
        choices={[
          { value: 'heir', label: t('intake.claimantKind.heir') },
          { value: 'burial-arranger', label: t('intake.claimantKind.burialArranger') },
          { value: 'participant', label: t('intake.claimantKind.participant') },
        ]}
        checked={[form.values['claimant.kind'] ?? 'heir']}
      />
      <TextField
        form={form}
        name="claimant.fullName"
        label={t('intake.claimantName')}
        hint={t('intake.claimantNameHint')}
      />
      <SelectField
        form={form}
        name="claimant.relationship"
        label={t('intake.claimantRelationship')}
        choices={relationshipChoices(page)}
        placeholder={t('intake.choose')}
      />
    </fieldset>
  );
}

export function NewJkmClaimPage({
  page,
  form,
  participantId,
}: {
  page: SignedInContext;
  form: FormState;
  participantId: string;
}) {
  const { t } = page;
  return (
    <Layout page={page} title={t('jkm.title')}>
      <ParticipantLine page={page} participantId={participantId} />
      <PostForm
        page={page}
        action={`/claims/new/jkm?participantId=${participantId}`}
        label={t('jkm.title')}
      >
        <FormError form={form} />
        <TextField
          form={form}
          name="dateOfDeath"
          label={t('claim.dateOfDeath')}
          type="date"
          required
        />
        <ClaimantFields page={page} form={form} />
        <TextField
          form={form}
          name="lodgedOn"
          label={t('intake.lodgedOn')}
          type="date"
          hint={t('form.todayWhenEmpty')}
        />
        <button type="submit">{t('jkm.submit')}</button>
      </PostForm>
    </Layout>
  );
}

const NOTIFIER_KINDS = [
  'employer',
  'wadah',
  'union',
  'health-facility',
  'participant',
  'family',
] as const;

export function NewAccidentReportPage({
  page,
  form,
  participantId,
}: {
  page: SignedInContext;
  form: FormState;
  participantId: string | null;
}) {
  const { t } = page;
  return (
    <Layout page={page} title={t('accident.title')}>
      {participantId === null ? (
        <p>
          {t('accident.findFirst')} <a href="/participants">{t('nav.participants')}</a>
        </p>
      ) : (
        <>
          <ParticipantLine page={page} participantId={participantId} />
          <PostForm
            page={page}
            action={`/accident-reports/new?participantId=${participantId}`}
            label={t('accident.title')}
          >
            <FormError form={form} />
            <SelectField
              form={form}
              name="incidentKind"
              label={t('accident.kind')}
              choices={[
                { value: 'accident', label: t('accident.kind.accident') },
                { value: 'occupational-disease', label: t('accident.kind.disease') },
              ]}
              required
            />
            <TextField
              form={form}
              name="incidentDate"
              label={t('accident.date')}
              type="date"
              required
            />
            <TextField form={form} name="place" label={t('accident.place')} required />
            <TextArea form={form} name="chronology" label={t('accident.chronology')} required />
            <ChoiceGroup
              form={form}
              name="trafficAccident"
              legend={t('accident.traffic')}
              choices={[
                { value: 'false', label: t('accident.traffic.no') },
                { value: 'true', label: t('accident.traffic.yes') },
              ]}
              checked={[form.values['trafficAccident'] ?? 'false']}
            />
            <fieldset>
              <legend>{t('accident.notifier')}</legend>
              <SelectField
                form={form}
                name="notifier.kind"
                label={t('accident.notifierKind')}
                choices={NOTIFIER_KINDS.map((value) => ({
                  value,
                  label: labelOf(t, 'notifier', value),
                }))}
                required
              />
              <TextField
                form={form}
                name="notifier.name"
                label={t('accident.notifierName')}
                required
              />
            </fieldset>
            <fieldset>
              <legend>{t('accident.witnesses')}</legend>
              <TextField form={form} name="witnesses.0.name" label={t('accident.witness1')} />
              <TextField form={form} name="witnesses.1.name" label={t('accident.witness2')} />
            </fieldset>
            <TextField
              form={form}
              name="reportedOn"
              label={t('accident.reportedOn')}
              type="date"
              hint={t('form.todayWhenEmpty')}
            />
            <button type="submit">{t('accident.submit')}</button>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

export const JKK_BENEFIT_KINDS = [
  'stmb',
  'medical-care',
  'total-permanent-disability',
  'death',
] as const;

export function AccidentReportPage({
  page,
  report,
  confirmForm,
  claimForm,
}: {
  page: SignedInContext;
  report: AccidentReport;
  confirmForm: FormState;
  claimForm: FormState;
}) {
  const { t, lang } = page;
  return (
    <Layout page={page} title={t('accident.reportTitle', { id: shortId(report.reportId) })}>
      <dl class="summary-list">
        <dt>{t('accident.status')}</dt>
        <dd>{labelOf(t, 'reportStatus', report.status)}</dd>
        <dt>{t('accident.date')}</dt>
        <dd>{formatDate(report.incidentDate, lang)}</dd>
        <dt>{t('accident.place')}</dt>
        <dd>{report.place}</dd>
        <dt>{t('accident.reportedOn')}</dt>
        <dd>{formatDate(report.reportedOn, lang)}</dd>
        {report.refutationReason === null ? null : (
          <>
            <dt>{t('accident.refuted')}</dt>
            <dd>{report.refutationReason}</dd>
          </>
        )}
      </dl>
      {report.status === 'reported' ? (
        <PostForm
          page={page}
          action={`/accident-reports/${report.reportId}/confirmation`}
          label={t('accident.confirmTitle')}
        >
          <h2>{t('accident.confirmTitle')}</h2>
          <FormError form={confirmForm} />
          <TextArea form={confirmForm} name="note" label={t('accident.confirmNote')} />
          <button type="submit">{t('accident.confirmSubmit')}</button>
        </PostForm>
      ) : null}
      {report.status === 'confirmed' ? (
        <PostForm
          page={page}
          action={`/accident-reports/${report.reportId}/claim`}
          label={t('jkk.title')}
        >
          <h2>{t('jkk.title')}</h2>
          <p class="hint">{t('jkk.hint')}</p>
          <FormError form={claimForm} />
          <fieldset>
            <legend>{t('jkk.benefit')}</legend>
            <SelectField
              form={claimForm}
              name="benefits.0.kind"
              label={t('jkk.benefitKind')}
              choices={JKK_BENEFIT_KINDS.map((value) => ({
                value,
                label: labelOf(t, 'jkkBenefit', value),
              }))}
              required
            />
            <TextField
              form={claimForm}
              name="benefits.0.months"
              label={t('jkk.months')}
              type="number"
              hint={t('jkk.monthsHint')}
            />
            <TextField
              form={claimForm}
              name="benefits.0.claimedAmount"
              label={t('jkk.claimedAmount')}
              type="number"
              hint={t('jkk.claimedAmountHint')}
            />
            <TextField
              form={claimForm}
              name="dateOfDeath"
              label={t('claim.dateOfDeath')}
              type="date"
              hint={t('jkk.dateOfDeathHint')}
            />
          </fieldset>
          <fieldset>
            <legend>{t('jkk.account')}</legend>
            <TextField form={claimForm} name="paymentAccount.bankCode" label={t('bank.code')} />
            <TextField
              form={claimForm}
              name="paymentAccount.accountNumber"
              label={t('bank.number')}
              inputMode="numeric"
            />
            <TextField form={claimForm} name="paymentAccount.accountName" label={t('bank.name')} />
          </fieldset>
          <ClaimantFields page={page} form={claimForm} />
          <TextField
            form={claimForm}
            name="lodgedOn"
            label={t('intake.lodgedOn')}
            type="date"
            hint={t('form.todayWhenEmpty')}
          />
          <button type="submit">{t('jkk.submit')}</button>
        </PostForm>
      ) : null}
    </Layout>
  );
}

export function ScholarshipApplicationForm({
  page,
  entitlementId,
  claimId,
  form,
}: {
  page: SignedInContext;
  entitlementId: string;
  claimId: string;
  form: FormState;
}) {
  const { t } = page;
  return (
    <PostForm
      page={page}
      action={`/scholarships/${entitlementId}/applications?claimId=${claimId}`}
      label={t('scholarship.title')}
    >
      <h3>{t('scholarship.title')}</h3>
      <FormError form={form} />
      <TextField form={form} name="childId" label={t('scholarship.childId')} required />
      <TextField
        form={form}
        name="schoolYear"
        label={t('scholarship.schoolYear')}
        hint={t('scholarship.schoolYearHint')}
        required
      />
      <SelectField
        form={form}
        name="level"
        label={t('scholarship.level')}
        choices={['TK-SD', 'SMP', 'SMA', 'PT'].map((value) => ({ value, label: value }))}
        required
      />
      <TextField form={form} name="enrolment.schoolName" label={t('scholarship.school')} required />
      <TextField
        form={form}
        name="enrolment.evidenceReference"
        label={t('scholarship.evidence')}
        required
      />
      <fieldset>
        <legend>{t('scholarship.child')}</legend>
        <ChoiceGroup
          form={form}
          name="child.married"
          legend={t('scholarship.married')}
          choices={[
            { value: 'false', label: t('accident.traffic.no') },
            { value: 'true', label: t('accident.traffic.yes') },
          ]}
          checked={[form.values['child.married'] ?? 'false']}
        />
        <SelectField
          form={form}
          name="child.work.kind"
          label={t('scholarship.work')}
          choices={['not-working', 'pu-job', 'bpu', 'apprenticeship', 'other-work'].map(
            (value) => ({
              value,
              label: labelOf(t, 'childWork', value),
            }),
          )}
        />
      </fieldset>
      <fieldset>
        <legend>{t('scholarship.documents')}</legend>
        {SCHOLARSHIP_DOCUMENT_CODES.map((code) => (
          <TextField
            key={code}
            form={form}
            name={`document.${code}`}
            label={labelOf(t, 'scholarshipDocument', code)}
            hint={t('documents.referenceHint')}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('scholarship.payee')}</legend>
        <SelectField
          form={form}
          name="payee.holder"
          label={t('scholarship.holder')}
          choices={[
            { value: 'child', label: t('scholarship.holder.child') },
            { value: 'guardian', label: t('scholarship.holder.guardian') },
          ]}
        />
        <TextField form={form} name="payee.fullName" label={t('scholarship.payeeName')} required />
        <TextField form={form} name="payee.bankAccount.bankCode" label={t('bank.code')} required />
        <TextField
          form={form}
          name="payee.bankAccount.accountNumber"
          label={t('bank.number')}
          inputMode="numeric"
          required
        />
        <TextField
          form={form}
          name="payee.bankAccount.accountName"
          label={t('scholarship.accountName')}
          required
        />
      </fieldset>
      <button type="submit">{t('scholarship.submit')}</button>
    </PostForm>
  );
}
