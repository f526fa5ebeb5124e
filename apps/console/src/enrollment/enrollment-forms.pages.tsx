import { HEIR_RELATIONSHIPS } from '@santunan/contracts';
import type { ComponentChildren } from 'preact';
import { formatRupiah } from '../i18n/format';
import { personalText } from '../services/participants.api';
import {
  ChoiceGroup,
  ErrorSummary,
  FormError,
  PostForm,
  SelectField,
  TextArea,
  TextField,
} from '../views/forms';
import { Layout } from '../views/layout';
import { Table } from '../views/table';
import type { FormState } from '../web/form-state';
import type { PageContext, SignedInContext } from '../web/page-context';
import type { ParticipantListing, ParticipantRecord } from './enrollment-office.api';
import { label, participantPath } from './enrollment-labels';

const SEXES = ['male', 'female'] as const;
const CHILD_RELATIONSHIPS = ['biological', 'step', 'adopted'] as const;

function Back({ page, participantId }: { page: SignedInContext; participantId: string }) {
  return (
    <p>
      <a href={participantPath(participantId)}>{page.t('enrollment.participant.back')}</a>
    </p>
  );
}

function Who({ page, participant }: { page: SignedInContext; participant: ParticipantRecord }) {
  const redacted = page.t('personal.redacted');
  return (
    <p>
      {page.t('enrollment.form.for', {
        name: personalText(participant.fullName, redacted),
        nik: personalText(participant.nik, redacted),
      })}
    </p>
  );
}

/** What every form page about one participant is drawn from. */
interface ParticipantFormProps {
  page: SignedInContext;
  participant: ParticipantRecord;
  form: FormState;
}

/**
 * A form about one participant: the way back, whose it is, what the form does, the refusals
 * listed and the form itself, sent to `action` below the participant's page.
 */
function ParticipantForm({
  page,
  participant,
  form,
  title,
  intro,
  labels,
  action,
  submit,
  children,
  secondary,
}: ParticipantFormProps & {
  title: string;
  intro: ComponentChildren;
  labels: Readonly<Record<string, string>>;
  action: string;
  submit: string;
  children: ComponentChildren;
  /** Another button after the submit one (a secondary action of the same form). */
  secondary?: ComponentChildren;
}) {
  return (
    <Layout page={page} title={title}>
      <Back page={page} participantId={participant.participantId} />
      <Who page={page} participant={participant} />
      {intro}
      <ErrorSummary page={page} form={form} labels={labels} />
      <PostForm
        page={page}
        action={participantPath(participant.participantId, action)}
        label={title}
      >
        <FormError form={form} />
        {children}
        <button type="submit">{submit}</button>
        {secondary}
      </PostForm>
    </Layout>
  );
}

export function SearchPage({
  page,
  form,
  results,
}: {
  page: SignedInContext;
  form: FormState;
  results: readonly ParticipantListing[] | null;
}) {
  const { t } = page;
  const redacted = t('personal.redacted');
  return (
    <Layout page={page} title={t('enrollment.search.title')}>
      <p>
        <a class="button" href="/enrollment/participants/new">
          {t('enrollment.register.title')}
        </a>
      </p>
      {/* POST: a NIK must not end up in a URL (browser history, access logs). */}
      <PostForm
        page={page}
        action="/enrollment/participants/search"
        label={t('enrollment.search.title')}
      >
        <FormError form={form} />
        <TextField
          form={form}
          name="nik"
          label={t('enrollment.field.nik')}
          hint={t('enrollment.search.nikHint')}
          inputMode="numeric"
        />
        <TextField
          form={form}
          name="name"
          label={t('enrollment.field.fullName')}
          hint={t('enrollment.search.nameHint')}
        />
        <button type="submit">{t('enrollment.search.submit')}</button>
      </PostForm>
      {results === null ? null : results.length === 0 ? (
        <p role="status">{t('enrollment.search.none')}</p>
      ) : (
        <Table
          id="search-results"
          caption={t('enrollment.search.caption', { count: results.length })}
          columns={[
            t('enrollment.field.fullName'),
            t('enrollment.field.nik'),
            t('enrollment.field.birthDate'),
            t('enrollment.field.regency'),
            { label: t('enrollment.field.declaredIncome'), amount: true },
            t('enrollment.field.status'),
          ]}
        >
          {results.map((participant) => (
            <tr key={participant.participantId}>
              <th scope="row">
                <a href={participantPath(participant.participantId)}>
                  {personalText(participant.fullName, redacted)}
                </a>
              </th>
              <td class="mono">{personalText(participant.nik, redacted)}</td>
              <td>{participant.birthDate}</td>
              <td>{participant.regencyCode}</td>
              <td class="amount">{formatRupiah(participant.declaredIncome)}</td>
              <td>
                {participant.status === 'deceased'
                  ? t('enrollment.status.deceasedShort')
                  : t('enrollment.status.active')}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Layout>
  );
}

function AddressFields({
  page,
  form,
  required,
}: {
  page: PageContext;
  form: FormState;
  required: boolean;
}) {
  const { t } = page;
  return (
    <>
      <TextField
        form={form}
        name="address.line"
        label={t('enrollment.field.addressLine')}
        required={required}
        autocomplete="street-address"
      />
      <TextField
        form={form}
        name="address.regencyCode"
        label={t('enrollment.field.regencyCode')}
        hint={t('enrollment.field.regencyCodeHint')}
        inputMode="numeric"
        required={required}
      />
    </>
  );
}

export const REGISTER_LABELS = (t: PageContext['t']) => ({
  nik: t('enrollment.field.nik'),
  fullName: t('enrollment.field.fullName'),
  birthDate: t('enrollment.field.birthDate'),
  sex: t('enrollment.field.sex'),
  'address.line': t('enrollment.field.addressLine'),
  'address.regencyCode': t('enrollment.field.regencyCode'),
  phone: t('enrollment.field.phone'),
  occupation: t('enrollment.field.occupation'),
  declaredIncome: t('enrollment.field.declaredIncome'),
  incomeEffectiveFrom: t('enrollment.field.incomeEffectiveFrom'),
  sponsorProgramId: t('enrollment.field.sponsorProgramId'),
});

export function RegisterPage({ page, form }: { page: SignedInContext; form: FormState }) {
  const { t } = page;
  return (
    <Layout page={page} title={t('enrollment.register.title')}>
      <p>
        <a href="/enrollment/participants">{t('enrollment.search.back')}</a>
      </p>
      <p>{t('enrollment.register.intro')}</p>
      <ErrorSummary page={page} form={form} labels={REGISTER_LABELS(t)} />
      <PostForm
        page={page}
        action="/enrollment/participants/new"
        label={t('enrollment.register.title')}
      >
        <FormError form={form} />
        <TextField
          form={form}
          name="nik"
          label={t('enrollment.field.nik')}
          hint={t('enrollment.field.nikHint')}
          inputMode="numeric"
          required
        />
        <TextField form={form} name="fullName" label={t('enrollment.field.fullName')} required />
        <TextField
          form={form}
          name="birthDate"
          type="date"
          label={t('enrollment.field.birthDate')}
          required
        />
        <ChoiceGroup
          form={form}
          name="sex"
          legend={t('enrollment.field.sex')}
          choices={SEXES.map((value) => ({ value, label: label(t, 'sex', value) }))}
          checked={[form.values['sex'] ?? '']}
        />
        <AddressFields page={page} form={form} required />
        <TextField
          form={form}
          name="phone"
          label={t('enrollment.field.phone')}
          hint={t('enrollment.field.phoneHint')}
          autocomplete="tel"
          required
        />
        <TextField
          form={form}
          name="occupation"
          label={t('enrollment.field.occupation')}
          required
        />
        <TextField
          form={form}
          name="declaredIncome"
          label={t('enrollment.field.declaredIncome')}
          hint={t('enrollment.field.declaredIncomeHint')}
          inputMode="numeric"
          required
        />
        <TextField
          form={form}
          name="incomeEffectiveFrom"
          type="month"
          label={t('enrollment.field.incomeEffectiveFrom')}
          hint={t('enrollment.field.monthHint')}
          required
        />
        <TextField
          form={form}
          name="sponsorProgramId"
          label={t('enrollment.field.sponsorProgramId')}
          hint={t('enrollment.field.sponsorProgramIdHint')}
        />
        <button type="submit">{t('enrollment.register.submit')}</button>
      </PostForm>
    </Layout>
  );
}

export function IncomePage({ page, participant, form }: ParticipantFormProps) {
  const { t } = page;
  return (
    <ParticipantForm
      page={page}
      participant={participant}
      form={form}
      title={t('enrollment.income.title')}
      intro={
        <p>
          {t('enrollment.income.current', { income: formatRupiah(participant.declaredIncome) })}
        </p>
      }
      labels={{
        declaredIncome: t('enrollment.field.declaredIncome'),
        effectiveFrom: t('enrollment.field.effectiveFrom'),
      }}
      action="/income"
      submit={t('enrollment.income.submit')}
    >
      <TextField
        form={form}
        name="declaredIncome"
        label={t('enrollment.field.newDeclaredIncome')}
        hint={t('enrollment.field.declaredIncomeHint')}
        inputMode="numeric"
        required
      />
      <TextField
        form={form}
        name="effectiveFrom"
        type="month"
        label={t('enrollment.field.effectiveFrom')}
        hint={t('enrollment.field.monthHint')}
        required
      />
    </ParticipantForm>
  );
}

/** An enrollment officer records a death the family or Dukcapil reported, on its akta kematian. */
export function DeathPage({ page, participant, form }: ParticipantFormProps) {
  const { t } = page;
  return (
    <ParticipantForm
      page={page}
      participant={participant}
      form={form}
      title={t('enrollment.death.title')}
      intro={<p>{t('enrollment.death.intro')}</p>}
      labels={{
        dateOfDeath: t('enrollment.field.dateOfDeath'),
        deathCertificateReference: t('enrollment.field.deathCertificateReference'),
      }}
      action="/death"
      submit={t('enrollment.death.submit')}
    >
      <TextField
        form={form}
        name="dateOfDeath"
        type="date"
        label={t('enrollment.field.dateOfDeath')}
        hint={t('enrollment.field.dateOfDeathHint')}
        required
      />
      <TextField
        form={form}
        name="deathCertificateReference"
        label={t('enrollment.field.deathCertificateReference')}
        hint={t('enrollment.field.deathCertificateReferenceHint')}
        required
      />
    </ParticipantForm>
  );
}

export function DetailsPage({ page, participant, form }: ParticipantFormProps) {
  const { t } = page;
  const redacted = t('personal.redacted');
  return (
    <ParticipantForm
      page={page}
      participant={participant}
      form={form}
      title={t('enrollment.details.title')}
      intro={<p>{t('enrollment.details.intro')}</p>}
      labels={{ ...REGISTER_LABELS(t), reason: t('enrollment.field.reason') }}
      action="/details"
      submit={t('enrollment.details.submit')}
    >
      <TextField
        form={form}
        name="fullName"
        label={t('enrollment.field.fullName')}
        hint={t('enrollment.details.now', {
          value: personalText(participant.fullName, redacted),
        })}
      />
      <TextField
        form={form}
        name="address.line"
        label={t('enrollment.field.addressLine')}
        hint={t('enrollment.details.now', {
          value: personalText(participant.address.line, redacted),
        })}
      />
      <TextField
        form={form}
        name="address.regencyCode"
        label={t('enrollment.field.regencyCode')}
        hint={t('enrollment.details.now', { value: participant.address.regencyCode })}
        inputMode="numeric"
      />
      <TextField
        form={form}
        name="phone"
        label={t('enrollment.field.phone')}
        hint={t('enrollment.details.now', { value: personalText(participant.phone, redacted) })}
      />
      <TextField
        form={form}
        name="occupation"
        label={t('enrollment.field.occupation')}
        hint={t('enrollment.details.now', { value: participant.occupation })}
      />
      <TextArea
        form={form}
        name="reason"
        label={t('enrollment.field.reason')}
        hint={t('enrollment.field.reasonHint')}
        required
      />
    </ParticipantForm>
  );
}

/** The heir rows' current values: the designation as it stands, unless a refused form is kept. */
export function heirRowValues(participant: ParticipantRecord): Record<string, string> {
  const values: Record<string, string> = {};
  participant.heirs.forEach((heir, row) => {
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    values[`heirs.${row}.heirId`] = heir.heirId;
    values[`heirs.${row}.fullName`] = text(heir.fullName);
    values[`heirs.${row}.relationship`] = heir.relationship;
    values[`heirs.${row}.birthDate`] = heir.birthDate ?? '';
    values[`heirs.${row}.bankAccount.bankCode`] = heir.bankAccount?.bankCode ?? '';
    values[`heirs.${row}.bankAccount.accountNumber`] = text(heir.bankAccount?.accountNumber);
    values[`heirs.${row}.bankAccount.accountName`] = text(heir.bankAccount?.accountName);
  });
  return values;
}

export function HeirsPage({
  page,
  participant,
  form,
  rows,
}: ParticipantFormProps & { rows: number }) {
  const { t } = page;
  const relationships = HEIR_RELATIONSHIPS.map((value) => ({
    value,
    label: label(t, 'relationship', value),
  }));
  const labels: Record<string, string> = { heirs: t('enrollment.heirs.heading') };
  for (let row = 0; row < rows; row += 1) {
    const n = row + 1;
    labels[`heirs.${row}.fullName`] = t('enrollment.heirs.rowField', {
      n,
      field: t('enrollment.field.fullName'),
    });
    labels[`heirs.${row}.relationship`] = t('enrollment.heirs.rowField', {
      n,
      field: t('enrollment.heirs.relationship'),
    });
    labels[`heirs.${row}.birthDate`] = t('enrollment.heirs.rowField', {
      n,
      field: t('enrollment.field.birthDate'),
    });
    labels[`heirs.${row}.bankAccount.bankCode`] = t('enrollment.heirs.rowField', {
      n,
      field: t('enrollment.field.bankCode'),
    });
    labels[`heirs.${row}.bankAccount.accountNumber`] = t('enrollment.heirs.rowField', {
      n,
      field: t('enrollment.field.accountNumber'),
    });
    labels[`heirs.${row}.bankAccount.accountName`] = t('enrollment.heirs.rowField', {
      n,
      field: t('enrollment.field.accountName'),
    });
  }
  return (
    <ParticipantForm
      page={page}
      participant={participant}
      form={form}
      title={t('enrollment.heirs.title')}
      intro={
        <>
          <p>{t('enrollment.heirs.intro')}</p>
          <p class="hint">{t('enrollment.heirs.payeeNote')}</p>
        </>
      }
      labels={labels}
      action="/heirs"
      submit={t('enrollment.heirs.submit')}
      secondary={
        <button type="submit" name="addRow" value="1" class="secondary">
          {t('enrollment.heirs.addRow')}
        </button>
      }
    >
      <input type="hidden" name="rows" value={String(rows)} />
      {Array.from({ length: rows }, (_, row) => (
        <fieldset key={row} class="heir-row">
          <legend>{t('enrollment.heirs.row', { n: row + 1 })}</legend>
          <input
            type="hidden"
            name={`heirs.${row}.heirId`}
            value={form.values[`heirs.${row}.heirId`] ?? ''}
          />
          <TextField
            form={form}
            name={`heirs.${row}.fullName`}
            label={t('enrollment.field.fullName')}
          />
          <SelectField
            form={form}
            name={`heirs.${row}.relationship`}
            label={t('enrollment.heirs.relationship')}
            hint={t('enrollment.heirs.relationshipHint')}
            choices={relationships}
            placeholder={t('enrollment.form.choose')}
          />
          <TextField
            form={form}
            name={`heirs.${row}.birthDate`}
            type="date"
            label={t('enrollment.field.birthDate')}
          />
          <TextField
            form={form}
            name={`heirs.${row}.bankAccount.bankCode`}
            label={t('enrollment.field.bankCode')}
            hint={t('enrollment.field.bankCodeHint')}
          />
          <TextField
            form={form}
            name={`heirs.${row}.bankAccount.accountNumber`}
            label={t('enrollment.field.accountNumber')}
            inputMode="numeric"
          />
          <TextField
            form={form}
            name={`heirs.${row}.bankAccount.accountName`}
            label={t('enrollment.field.accountName')}
          />
        </fieldset>
      ))}
    </ParticipantForm>
  );
}

export function ChildPage({ page, participant, form }: ParticipantFormProps) {
  const { t } = page;
  return (
    <ParticipantForm
      page={page}
      participant={participant}
      form={form}
      title={t('enrollment.child.title')}
      intro={<p>{t('enrollment.child.intro', { count: participant.children.length })}</p>}
      labels={{
        fullName: t('enrollment.field.fullName'),
        birthDate: t('enrollment.field.birthDate'),
        relationship: t('enrollment.children.relationship'),
      }}
      action="/children/new"
      submit={t('enrollment.child.submit')}
    >
      <input type="hidden" name="childId" value={form.values['childId'] ?? ''} />
      <TextField form={form} name="fullName" label={t('enrollment.field.fullName')} required />
      <TextField
        form={form}
        name="birthDate"
        type="date"
        label={t('enrollment.field.birthDate')}
        required
      />
      <ChoiceGroup
        form={form}
        name="relationship"
        legend={t('enrollment.children.relationship')}
        choices={CHILD_RELATIONSHIPS.map((value) => ({
          value,
          label: label(t, 'childRelationship', value),
        }))}
        checked={[form.values['relationship'] ?? 'biological']}
      />
    </ParticipantForm>
  );
}
