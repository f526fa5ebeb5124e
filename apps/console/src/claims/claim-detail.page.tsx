import { CLAIM_DOCUMENT_CODES, OFFICER_REJECTION_REASONS } from '@santunan/contracts';
import { formatDate, formatInstant, formatMonth, formatRupiah } from '../i18n/format';
import type { ChainVerification, ClaimDetail } from '../services/claims.api';
import {
  personalText,
  type Coverage,
  type ParticipantProfile,
  type PayoutView,
} from '../services/participants.api';
import type { FormState } from '../web/form-state';
import type { SignedInContext } from '../web/page-context';
import { ChoiceGroup, FormError, PostForm, SelectField, TextArea, TextField } from '../views/forms';
import { Layout } from '../views/layout';
import { Table } from '../views/table';
import { Person } from '../views/person';
import type { PeopleNames } from '../people/people-directory';
import { benefitLabel, documentLabel, labelOf, shortId, statusLabel } from './claim-labels';
import { contributionStrip } from './contribution-strip';
import { eligibilityOf } from './eligibility';
import { ScholarshipApplicationForm } from './intake.pages';

/** A part of the page that comes from another service: its data, or why it is missing. */
export type Section<T> = { readonly value: T } | { readonly unavailable: string };

export interface ClaimForms {
  readonly recordDocument: FormState;
  readonly requestDocuments: FormState;
  readonly propose: FormState;
  readonly approve: FormState;
  readonly sendBack: FormState;
  readonly reject: FormState;
  readonly rejectProposal: FormState;
  readonly scholarship: FormState;
}

export interface ClaimDetailProps {
  readonly page: SignedInContext;
  readonly claim: ClaimDetail;
  readonly today: string;
  readonly participant: Section<ParticipantProfile>;
  readonly coverage: Section<Coverage>;
  readonly payouts: Section<readonly PayoutView[]> | null;
  readonly chain: Section<ChainVerification>;
  readonly forms: ClaimForms;
  /** Names of the people the claim's events name, as far as the console knows them. */
  readonly people: PeopleNames;
}

function Unavailable({ text }: { text: string }) {
  return <p class="form-error">{text}</p>;
}

function ClaimSummary({
  page,
  claim,
  people,
}: Pick<ClaimDetailProps, 'page' | 'claim' | 'people'>) {
  const { t, lang } = page;
  const claimant =
    claim.claimant.kind === 'participant'
      ? t('claim.claimant.participant')
      : claim.claimant.kind === 'heir'
        ? t('claim.claimant.heir', {
            name: claim.claimant.fullName,
            relationship: labelOf(t, 'relationship', claim.claimant.relationship),
          })
        : t('claim.claimant.burialArranger', { name: claim.claimant.fullName });
  return (
    <dl class="summary-list">
      <dt>{t('claim.id')}</dt>
      <dd class="mono">{claim.claimId}</dd>
      <dt>{t('queue.col.benefit')}</dt>
      <dd>{benefitLabel(t, claim.benefitType)}</dd>
      <dt>{t('queue.col.status')}</dt>
      <dd>
        <strong>{statusLabel(t, claim.status)}</strong>
      </dd>
      <dt>{t('claim.incidentDate')}</dt>
      <dd>{formatDate(claim.incidentDate, lang)}</dd>
      {claim.dateOfDeath === null ? null : (
        <>
          <dt>{t('claim.dateOfDeath')}</dt>
          <dd>{formatDate(claim.dateOfDeath, lang)}</dd>
        </>
      )}
      <dt>{t('claim.claimDate')}</dt>
      <dd>{formatDate(claim.claimDate, lang)}</dd>
      <dt>{t('claim.claimant')}</dt>
      <dd>{claimant}</dd>
      <dt>{t('claim.submittedBy')}</dt>
      <dd>
        <Person id={claim.submittedBy} page={page} people={people} />
      </dd>
    </dl>
  );
}

function ParticipantSection({
  page,
  claim,
  participant,
}: Pick<ClaimDetailProps, 'page' | 'claim' | 'participant'>) {
  const { t } = page;
  const redacted = t('personal.redacted');
  if ('unavailable' in participant) return <Unavailable text={participant.unavailable} />;
  const profile = participant.value;
  const payees = claim.decision?.payment.disbursements ?? [];
  return (
    <>
      <dl class="summary-list">
        <dt>{t('participant.name')}</dt>
        <dd>{personalText(profile.fullName, redacted)}</dd>
        <dt>{t('participant.nik')}</dt>
        <dd class="mono">{personalText(profile.nik, redacted)}</dd>
        <dt>{t('participant.regency')}</dt>
        <dd>
          {profile.address.regencyName === undefined
            ? profile.regencyCode
            : t('participant.regencyNamed', {
                name: profile.address.regencyName,
                code: profile.regencyCode,
              })}
        </dd>
        <dt>{t('participant.status')}</dt>
        <dd>{labelOf(t, 'participantStatus', profile.status)}</dd>
        {profile.personalData === 'masked' ? (
          <>
            <dt>{t('participant.personalData')}</dt>
            <dd>{t('participant.masked')}</dd>
          </>
        ) : null}
      </dl>
      <h3 id="heirs-title">{t('participant.heirs')}</h3>
      {profile.heirs.length === 0 ? (
        <p>{t('participant.noHeirs')}</p>
      ) : (
        <table aria-labelledby="heirs-title">
          <caption>{t('participant.heirsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('participant.heirName')}</th>
              <th scope="col">{t('participant.relationship')}</th>
              <th scope="col">{t('participant.bank')}</th>
            </tr>
          </thead>
          <tbody>
            {profile.heirs.map((heir) => (
              <tr key={heir.heirId}>
                <th scope="row">{personalText(heir.fullName, redacted)}</th>
                <td>{labelOf(t, 'relationship', heir.relationship)}</td>
                <td>
                  {heir.bankAccount === undefined
                    ? '—'
                    : `${heir.bankAccount.bankCode} ${personalText(heir.bankAccount.accountNumber, redacted)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('claim.payees')}</h3>
      {payees.length === 0 ? (
        <p>{t('claim.payeesNotYet')}</p>
      ) : (
        <Table
          caption={t('claim.payeesCaption')}
          columns={[
            t('claim.payee'),
            t('claim.payeeBasis'),
            { label: t('queue.col.amount'), amount: true },
          ]}
        >
          {payees.map((disbursement, index) => (
            <tr key={index}>
              <th scope="row">{disbursement.payee.fullName}</th>
              <td>
                {disbursement.payee.kind === 'heir'
                  ? t('claim.payeeHeir', {
                      relationship: labelOf(t, 'relationship', disbursement.payee.relationship),
                      basis: labelOf(t, 'payeeBasis', disbursement.payee.basis),
                    })
                  : labelOf(t, 'payeeKind', disbursement.payee.kind)}
              </td>
              <td class="amount">{formatRupiah(disbursement.amount)}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

function CoverageSection({
  page,
  claim,
  coverage,
  today,
}: Pick<ClaimDetailProps, 'page' | 'claim' | 'coverage' | 'today'>) {
  const { t, lang } = page;
  if ('unavailable' in coverage) return <Unavailable text={coverage.unavailable} />;
  const value = coverage.value;
  const incidentMonth = claim.incidentDate.slice(0, 7);
  const strip = contributionStrip(value.dues, incidentMonth, today);
  return (
    <>
      <dl class="summary-list">
        <dt>{t('coverage.standing')}</dt>
        <dd>{labelOf(t, 'standing', value.standing)}</dd>
        <dt>{t('coverage.masaIur')}</dt>
        <dd>{t('coverage.months', { count: value.masaIurMonths })}</dd>
        <dt>{t('coverage.paidThrough')}</dt>
        <dd>{value.paidThrough === null ? '—' : formatMonth(value.paidThrough, lang)}</dd>
      </dl>
      <h3 id="strip-title">{t('coverage.strip', { month: formatMonth(incidentMonth, lang) })}</h3>
      {strip.length === 0 ? (
        <p>{t('coverage.noDues')}</p>
      ) : (
        <>
          <ol class="strip" aria-labelledby="strip-title">
            {strip.map((month) => (
              <li key={month.month} class={`${month.state}${month.incident ? ' incident' : ''}`}>
                <span class="month">{formatMonth(month.month, lang)}</span>
                {labelOf(t, 'strip', month.state)}
                {month.incident ? (
                  <span class="visually-hidden">{` ${t('coverage.incidentMonth')}`}</span>
                ) : null}
              </li>
            ))}
          </ol>
          <table>
            <caption>{t('coverage.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.month')}</th>
                <th scope="col">{t('coverage.state')}</th>
                <th scope="col">{t('coverage.payer')}</th>
                <th scope="col">{t('coverage.paidOn')}</th>
              </tr>
            </thead>
            <tbody>
              {strip.map((month) => (
                <tr key={month.month}>
                  <th scope="row">
                    {formatMonth(month.month, lang)}
                    {month.incident ? ` (${t('coverage.incidentMonth')})` : ''}
                  </th>
                  <td>{labelOf(t, 'strip', month.state)}</td>
                  <td>{labelOf(t, 'payer', month.payer)}</td>
                  <td>{month.paidOn === null ? '—' : formatDate(month.paidOn, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

const OUTCOME_TAG: Readonly<Record<string, string>> = {
  allowed: 'ok',
  rejected: 'bad',
  pending: 'warn',
  'not-applicable': 'neutral',
  'not-assessed': 'neutral',
};

function EligibilitySection({ page, claim }: { page: SignedInContext; claim: ClaimDetail }) {
  const { t } = page;
  return (
    <table>
      <caption>{t('eligibility.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('eligibility.policy')}</th>
          <th scope="col">{t('eligibility.result')}</th>
          <th scope="col">{t('eligibility.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {eligibilityOf(claim).map((result) => (
          <tr key={result.policy}>
            <th scope="row">{labelOf(t, 'policy', result.policy)}</th>
            <td>
              <span class={`tag ${OUTCOME_TAG[result.outcome] ?? 'neutral'}`}>
                {labelOf(t, 'outcome', result.outcome)}
              </span>
            </td>
            <td>
              {result.code === null ? null : <code>{result.code}</code>} {result.message ?? ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BenefitSection({ page, claim }: { page: SignedInContext; claim: ClaimDetail }) {
  const { t } = page;
  const decision = claim.decision;
  if (decision === null) return <p>{t('benefit.notYet')}</p>;
  return (
    <>
      <p>{t('benefit.ruleSet', { ruleSet: decision.ruleSetId })}</p>
      <table>
        <caption>{t('benefit.caption', { total: formatRupiah(decision.total) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('benefit.component')}</th>
            <th scope="col">{t('benefit.formula')}</th>
            <th scope="col">{t('benefit.legalBasis')}</th>
            <th scope="col" class="amount">
              {t('queue.col.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {decision.explanation.components.map((component, index) => (
            <tr key={`${component.code}-${index}`}>
              <th scope="row">
                <code>{component.code}</code>
              </th>
              <td class="formula">{component.formula}</td>
              <td>{component.legalBasis}</td>
              <td class="amount">{formatRupiah(component.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('benefit.total')}
            </th>
            <td class="amount">
              <strong>{formatRupiah(decision.total)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}

function DocumentsSection({
  page,
  claim,
  forms,
}: {
  page: SignedInContext;
  claim: ClaimDetail;
  forms: ClaimForms;
}) {
  const { t, lang } = page;
  const received = new Map(claim.documents.received.map((entry) => [entry.document, entry]));
  const isMaker = page.user.roles.includes('claims-officer');
  const open = claim.status === 'open' || claim.status === 'pending-contribution';
  const choices = CLAIM_DOCUMENT_CODES.map((code) => ({
    value: code,
    label: documentLabel(t, code),
  }));
  return (
    <>
      <table>
        <caption>
          {claim.documents.complete
            ? t('documents.captionComplete')
            : t('documents.captionIncomplete')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('documents.document')}</th>
            <th scope="col">{t('documents.state')}</th>
            <th scope="col">{t('documents.reference')}</th>
          </tr>
        </thead>
        <tbody>
          {claim.documents.required.map((document) => {
            const entry = received.get(document);
            return (
              <tr key={document}>
                <th scope="row">{documentLabel(t, document)}</th>
                <td>
                  {entry !== undefined ? (
                    <span class="tag ok">
                      {t('documents.received', { date: formatDate(entry.receivedOn, lang) })}
                    </span>
                  ) : claim.documents.outstanding.includes(document) ? (
                    <span class="tag warn">{t('documents.requested')}</span>
                  ) : (
                    <span class="tag bad">{t('documents.missing')}</span>
                  )}
                </td>
                <td>{entry?.reference ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {isMaker && open ? (
        <div class="decision-actions">
          <PostForm
            page={page}
            action={`/claims/${claim.claimId}/documents`}
            label={t('documents.recordTitle')}
          >
            <h3>{t('documents.recordTitle')}</h3>
            <FormError form={forms.recordDocument} />
            <SelectField
              form={forms.recordDocument}
              name="document"
              label={t('documents.document')}
              choices={choices}
              value={claim.documents.missing[0] ?? ''}
              required
            />
            <TextField
              form={forms.recordDocument}
              name="reference"
              label={t('documents.reference')}
              hint={t('documents.referenceHint')}
              required
            />
            <TextField
              form={forms.recordDocument}
              name="receivedOn"
              label={t('documents.receivedOn')}
              type="date"
              hint={t('form.todayWhenEmpty')}
            />
            <button type="submit">{t('documents.recordSubmit')}</button>
          </PostForm>
          <PostForm
            page={page}
            action={`/claims/${claim.claimId}/document-requests`}
            label={t('documents.requestTitle')}
          >
            <h3>{t('documents.requestTitle')}</h3>
            <FormError form={forms.requestDocuments} />
            <ChoiceGroup
              form={forms.requestDocuments}
              name="documents"
              legend={t('documents.requestWhich')}
              choices={choices.filter((choice) => claim.documents.required.includes(choice.value))}
              checked={forms.requestDocuments.values['documents']?.split(',') ?? []}
              multiple
            />
            <TextArea
              form={forms.requestDocuments}
              name="requestNote"
              label={t('documents.requestNote')}
              required
            />
            <button type="submit">{t('documents.requestSubmit')}</button>
          </PostForm>
        </div>
      ) : null}
    </>
  );
}

function SlaSection({ page, claim }: { page: SignedInContext; claim: ClaimDetail }) {
  const { t, lang } = page;
  const approvedSla = claim.decision?.sla ?? null;
  return (
    <dl class="summary-list">
      <dt>{t('sla.clock')}</dt>
      <dd>{labelOf(t, 'sla', claim.sla.state)}</dd>
      <dt>{t('sla.dueDate')}</dt>
      <dd>
        {claim.sla.dueDate === null ? '—' : formatDate(claim.sla.dueDate, lang)}{' '}
        {claim.sla.overdue ? (
          <span class="tag bad">{t('queue.overdueDays', { days: claim.sla.daysOverdue })}</span>
        ) : null}
      </dd>
      {approvedSla === null ? null : (
        <>
          <dt>{t('sla.workingDays')}</dt>
          <dd>
            {t('sla.workingDaysValue', {
              days: approvedSla.workingDays,
              paused: approvedSla.pausedWorkingDays,
            })}
          </dd>
        </>
      )}
      {claim.pending === null ? null : (
        <>
          <dt>{t('sla.pendingContribution')}</dt>
          <dd>
            {t('sla.pendingContributionValue', {
              month: formatMonth(claim.pending.month, lang),
              graceEndsOn: formatDate(claim.pending.graceEndsOn, lang),
            })}
          </dd>
        </>
      )}
    </dl>
  );
}

/** Reject on the evidence: a reason code and a note, both required (the service says so too). */
function RejectionForm({
  page,
  action,
  form,
  title,
  submit,
}: {
  page: SignedInContext;
  action: string;
  form: FormState;
  title: string;
  submit: string;
}) {
  const { t } = page;
  return (
    <PostForm page={page} action={action} label={title}>
      <h3>{title}</h3>
      <FormError form={form} />
      <SelectField
        form={form}
        name="reasonCode"
        label={t('decision.reasonCode')}
        choices={OFFICER_REJECTION_REASONS.map((code) => ({
          value: code,
          label: labelOf(t, 'rejectionReason', code),
        }))}
        placeholder={t('decision.chooseReason')}
        required
      />
      <TextArea
        form={form}
        name="note"
        label={t('decision.rejectionNote')}
        hint={t('decision.rejectionNoteHint')}
        required
      />
      <button type="submit" class="danger">
        {submit}
      </button>
    </PostForm>
  );
}

function DecisionSection({
  page,
  claim,
  forms,
  heirs,
  people,
}: {
  page: SignedInContext;
  claim: ClaimDetail;
  forms: ClaimForms;
  heirs: ParticipantProfile['heirs'];
  people: PeopleNames;
}) {
  const { t, lang, user } = page;
  const isMaker = user.roles.includes('claims-officer');
  const isChecker = user.roles.includes('claims-supervisor');
  const decision = claim.decision;
  const redacted = t('personal.redacted');
  const blocks = [];
  if (claim.status === 'rejected' && claim.rejection !== null) {
    blocks.push(
      <div key="rejected">
        <p>
          {t('decision.rejectedOn', {
            date: formatDate(claim.rejection.rejectedOn, lang),
            by: people.get(claim.rejection.rejectedBy) ?? claim.rejection.rejectedBy,
          })}
        </p>
        <ul>
          {claim.rejection.reasons.map((reason) => (
            <li key={reason.code}>
              <code>{reason.code}</code> {reason.message}
            </li>
          ))}
        </ul>
      </div>,
    );
  }
  if (decision !== null) {
    blocks.push(
      <dl class="summary-list" key="proposal">
        <dt>{t('decision.proposedBy')}</dt>
        <dd>
          <Person id={decision.proposedBy} page={page} people={people} />
        </dd>
        <dt>{t('decision.proposedOn')}</dt>
        <dd>{formatDate(decision.proposedOn, lang)}</dd>
        <dt>{t('decision.total')}</dt>
        <dd>{formatRupiah(decision.total)}</dd>
        <dt>{t('decision.checker')}</dt>
        <dd>
          {decision.approval !== null ? (
            decision.approval.checkerId === null ? (
              t('decision.singleActor')
            ) : (
              <Person id={decision.approval.checkerId} page={page} people={people} />
            )
          ) : decision.checkerRequired ? (
            t('decision.checkerRequired', {
              reasons: decision.checkerReasons.join(', ') || '—',
            })
          ) : (
            t('decision.singleActor')
          )}
        </dd>
      </dl>,
    );
  }
  const open = claim.status === 'open' || claim.status === 'pending-contribution';
  if (open && isMaker) {
    const heirChoices = heirs.map((heir) => ({
      value: heir.heirId,
      label: t('decision.heirChoice', {
        name: personalText(heir.fullName, redacted),
        relationship: labelOf(t, 'relationship', heir.relationship),
      }),
    }));
    blocks.push(
      <div class="decision-actions" key="make">
        <PostForm
          page={page}
          action={`/claims/${claim.claimId}/proposal`}
          label={t('decision.proposeTitle')}
        >
          <h3>{t('decision.proposeTitle')}</h3>
          <p class="hint">{t('decision.proposeHint')}</p>
          <FormError form={forms.propose} />
          {heirChoices.length === 0 ? null : (
            <>
              <SelectField
                form={forms.propose}
                name="nominatedPayeeId"
                label={t('decision.nominatedPayee')}
                hint={t('decision.nominatedPayeeHint')}
                choices={heirChoices}
                placeholder={t('decision.defaultOrder')}
              />
              <ChoiceGroup
                form={forms.propose}
                name="consentsGivenBy"
                legend={t('decision.consents')}
                hint={t('decision.consentsHint')}
                choices={heirChoices}
                checked={forms.propose.values['consentsGivenBy']?.split(',') ?? []}
                multiple
              />
            </>
          )}
          <button type="submit">{t('decision.proposeSubmit')}</button>
        </PostForm>
        <RejectionForm
          page={page}
          action={`/claims/${claim.claimId}/rejection`}
          form={forms.reject}
          title={t('decision.proposeRejectionTitle')}
          submit={t('decision.proposeRejectionSubmit')}
        />
      </div>,
    );
  }
  const pendingId = claim.pendingDecisionId ?? claim.proposal?.decisionId ?? null;
  const rejectionProposal = claim.proposal?.kind === 'rejection' ? claim.proposal : null;
  if (rejectionProposal !== null) {
    blocks.push(
      <dl class="summary-list" key="rejection-proposal">
        <dt>{t('decision.rejectionProposedBy')}</dt>
        <dd>
          <Person id={rejectionProposal.proposedBy} page={page} people={people} />
        </dd>
        <dt>{t('decision.reasonCode')}</dt>
        <dd>{labelOf(t, 'rejectionReason', rejectionProposal.reasonCode ?? '—')}</dd>
        <dt>{t('decision.rejectionNote')}</dt>
        <dd>{rejectionProposal.note ?? '—'}</dd>
      </dl>,
    );
  }
  if (claim.status === 'awaiting-checker' && pendingId !== null && isChecker) {
    // Whoever proposed (approval or rejection) may not also check it: maker ≠ checker.
    const proposer = claim.proposal?.proposedBy ?? claim.proposedBy ?? decision?.proposedBy;
    const own = proposer === user.id;
    const confirming = rejectionProposal !== null;
    const checkTitle = confirming
      ? t('decision.confirmRejectionTitle')
      : t('decision.approveTitle');
    blocks.push(
      <div class="decision-actions" key="check">
        <PostForm
          page={page}
          action={`/claims/${claim.claimId}/decisions/${pendingId}/approval`}
          label={checkTitle}
        >
          <h3>{checkTitle}</h3>
          <FormError form={forms.approve} />
          {own ? (
            <p class="hint" id="own-proposal">
              {t('decision.ownProposal')}
            </p>
          ) : null}
          <button type="submit" disabled={own} aria-describedby={own ? 'own-proposal' : undefined}>
            {confirming ? t('decision.confirmRejectionSubmit') : t('decision.approveSubmit')}
          </button>
        </PostForm>
        <PostForm
          page={page}
          action={`/claims/${claim.claimId}/decisions/${pendingId}/send-back`}
          label={t('decision.sendBackTitle')}
        >
          <h3>{t('decision.sendBackTitle')}</h3>
          <FormError form={forms.sendBack} />
          <TextArea
            form={forms.sendBack}
            name="reason"
            label={t('decision.sendBackReason')}
            required
          />
          <button type="submit" class="secondary">
            {t('decision.sendBackSubmit')}
          </button>
        </PostForm>
        {confirming ? null : (
          <RejectionForm
            page={page}
            action={`/claims/${claim.claimId}/decisions/${pendingId}/rejection`}
            form={forms.rejectProposal}
            title={t('decision.rejectProposalTitle')}
            submit={t('decision.rejectProposalSubmit')}
          />
        )}
      </div>,
    );
  }
  if (blocks.length === 0) return <p>{t('decision.none')}</p>;
  return <>{blocks}</>;
}

function PayoutSection({
  page,
  payouts,
}: {
  page: SignedInContext;
  payouts: ClaimDetailProps['payouts'];
}) {
  const { t, lang } = page;
  if (payouts === null) return <p>{t('payout.notYet')}</p>;
  if ('unavailable' in payouts) return <p>{payouts.unavailable}</p>;
  if (payouts.value.length === 0) return <p>{t('payout.notYet')}</p>;
  return (
    <table>
      <caption>{t('payout.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('payout.id')}</th>
          <th scope="col">{t('payout.beneficiary')}</th>
          <th scope="col">{t('payout.status')}</th>
          <th scope="col">{t('payout.dueDate')}</th>
          <th scope="col" class="amount">
            {t('queue.col.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {payouts.value.map((payout) => (
          <tr key={payout.payoutId}>
            <th scope="row" class="mono">
              {shortId(payout.payoutId)}
            </th>
            <td>{payout.beneficiary.fullName ?? t('personal.redacted')}</td>
            <td>
              {labelOf(t, 'payoutStatus', payout.status)}
              {payout.settledOn === null ? '' : ` (${formatDate(payout.settledOn, lang)})`}
            </td>
            <td>{payout.dueDate === null ? '—' : formatDate(payout.dueDate, lang)}</td>
            <td class="amount">{formatRupiah(payout.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TimelineSection({
  page,
  claim,
  chain,
  people,
}: Pick<ClaimDetailProps, 'page' | 'claim' | 'chain' | 'people'>) {
  const { t, lang } = page;
  const verifiedStreams =
    'value' in chain
      ? new Map(chain.value.streams.map((stream) => [stream.streamId, stream.verified]))
      : null;
  return (
    <>
      {'unavailable' in chain ? (
        <p class="form-error">{chain.unavailable}</p>
      ) : (
        <p
          id="chain-status"
          class={chain.value.verified ? 'verified' : 'not-verified'}
          role="status"
        >
          {chain.value.verified
            ? t('timeline.chainVerified', { at: formatInstant(chain.value.verifiedAt, lang) })
            : t('timeline.chainBroken')}
        </p>
      )}
      <table>
        <caption>{t('timeline.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('timeline.when')}</th>
            <th scope="col">{t('timeline.what')}</th>
            <th scope="col">{t('timeline.who')}</th>
            <th scope="col">{t('timeline.chain')}</th>
          </tr>
        </thead>
        <tbody>
          {claim.timeline.map((entry) => {
            const verified = verifiedStreams?.get(entry.streamId);
            return (
              <tr key={`${entry.streamId}-${entry.version}`}>
                <th scope="row">{formatInstant(entry.recordedAt, lang)}</th>
                <td>
                  <code>{entry.type}</code> {entry.summary}
                </td>
                <td>
                  {entry.actor.kind === 'system' ? (
                    t('timeline.system')
                  ) : (
                    <Person id={entry.actor.id} page={page} people={people} />
                  )}
                </td>
                <td>
                  {verified === undefined ? (
                    '—'
                  ) : verified ? (
                    <span class="verified">{t('timeline.verified')}</span>
                  ) : (
                    <span class="not-verified">{t('timeline.notVerified')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

export function ClaimDetailPage(props: ClaimDetailProps) {
  const { page, claim } = props;
  const { t } = page;
  const heirs = 'value' in props.participant ? props.participant.value.heirs : [];
  const participantName =
    'value' in props.participant
      ? personalText(props.participant.value.fullName, t('personal.redacted'))
      : null;
  const title =
    participantName === null
      ? t('claim.title', {
          id: shortId(claim.claimId),
          benefit: benefitLabel(t, claim.benefitType),
        })
      : t('claim.titleNamed', {
          id: shortId(claim.claimId),
          benefit: benefitLabel(t, claim.benefitType),
          name: participantName,
        });
  return (
    <Layout page={page} title={title}>
      <p>
        <a href="/claims">{t('claim.backToQueue')}</a>
      </p>
      <ClaimSummary page={page} claim={claim} people={props.people} />
      <section aria-labelledby="s-participant">
        <h2 id="s-participant">{t('claim.section.participant')}</h2>
        <ParticipantSection page={page} claim={claim} participant={props.participant} />
      </section>
      <section aria-labelledby="s-coverage">
        <h2 id="s-coverage">{t('claim.section.coverage')}</h2>
        <CoverageSection page={page} claim={claim} coverage={props.coverage} today={props.today} />
      </section>
      <section aria-labelledby="s-eligibility">
        <h2 id="s-eligibility">{t('claim.section.eligibility')}</h2>
        <EligibilitySection page={page} claim={claim} />
      </section>
      <section aria-labelledby="s-benefit">
        <h2 id="s-benefit">{t('claim.section.benefit')}</h2>
        <BenefitSection page={page} claim={claim} />
      </section>
      <section aria-labelledby="s-documents">
        <h2 id="s-documents">{t('claim.section.documents')}</h2>
        <DocumentsSection page={page} claim={claim} forms={props.forms} />
      </section>
      <section aria-labelledby="s-sla">
        <h2 id="s-sla">{t('claim.section.sla')}</h2>
        <SlaSection page={page} claim={claim} />
      </section>
      <section aria-labelledby="s-decision">
        <h2 id="s-decision">{t('claim.section.decision')}</h2>
        <DecisionSection
          page={page}
          claim={claim}
          forms={props.forms}
          heirs={heirs}
          people={props.people}
        />
      </section>
      {claim.scholarshipEntitlementId === null ? null : (
        <section aria-labelledby="s-scholarship">
          <h2 id="s-scholarship">{t('claim.section.scholarship')}</h2>
          <p>{t('scholarship.entitlement', { id: claim.scholarshipEntitlementId })}</p>
          {claim.decision?.scholarship.kind === 'none' ? (
            <p>{t('scholarship.none', { reason: claim.decision.scholarship.message })}</p>
          ) : null}
          {page.user.roles.includes('claims-officer') &&
          claim.decision?.scholarship.kind === 'yearly-by-level' ? (
            <ScholarshipApplicationForm
              page={page}
              entitlementId={claim.scholarshipEntitlementId}
              claimId={claim.claimId}
              form={props.forms.scholarship}
            />
          ) : null}
        </section>
      )}
      <section aria-labelledby="s-payout">
        <h2 id="s-payout">{t('claim.section.payout')}</h2>
        <PayoutSection page={page} payouts={props.payouts} />
      </section>
      <section aria-labelledby="s-timeline">
        <h2 id="s-timeline">{t('claim.section.timeline')}</h2>
        <TimelineSection page={page} claim={claim} chain={props.chain} people={props.people} />
      </section>
    </Layout>
  );
}
