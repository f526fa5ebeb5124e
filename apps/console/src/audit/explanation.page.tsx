import type { DecisionEvidence, PayoutEvidence } from '@santunan/audit';
import { formatDate, formatInstant, formatMonth, formatRupiah } from '../i18n/format';
import { Layout } from '../views/layout';
import type { FormState } from '../web/form-state';
import type { SignedInContext } from '../web/page-context';
import type { ExplanationView } from './audit-explorer';
import { ChainMark, ChainVerdict, EvidenceTable, eventAnchor, plain } from './audit-views';
import { PersonalDataPanel } from './reveal.view';

const day = (page: SignedInContext, value: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? formatDate(value, page.lang)
    : formatInstant(value, page.lang);

function PayoutSection({ page, payout }: { page: SignedInContext; payout: PayoutEvidence }) {
  const { t } = page;
  return (
    <section aria-labelledby={`payout-${payout.payoutId}`} class="payout">
      <h3 id={`payout-${payout.payoutId}`}>{t('audit.payout.caption', { id: payout.payoutId })}</h3>
      <p>
        <a href={`/audit/payouts/${encodeURIComponent(payout.payoutId)}`}>
          {t('audit.payout.explainThis', { id: payout.payoutId })}
        </a>
      </p>
      <dl class="summary-list">
        <dt>{t('audit.payout.amount')}</dt>
        <dd>{formatRupiah(payout.amount)}</dd>
        <dt>{t('audit.payout.status')}</dt>
        <dd>{payout.status}</dd>
        <dt>{t('audit.payout.beneficiary')}</dt>
        <dd class="personal">
          {plain(payout.beneficiary['fullName'])} (
          <code>{plain(payout.beneficiary['beneficiaryId'])}</code>)
        </dd>
        <dt>{t('audit.payout.components')}</dt>
        <dd>
          {payout.components
            .map((component) => `${component.code} ${formatRupiah(component.amount)}`)
            .join(', ')}
        </dd>
        <dt>{t('audit.payout.settlement')}</dt>
        <dd>
          {payout.settlement === null
            ? t('audit.payout.notSettled')
            : t('audit.payout.settledOn', {
                date: day(page, payout.settlement.settledOn),
                reference: payout.settlement.bankReference,
              })}
        </dd>
        <dt>{t('audit.payout.decision')}</dt>
        <dd>
          <a href="#decision">{payout.decisionId}</a> ·{' '}
          <a href={`/audit/claims/${encodeURIComponent(payout.claimId)}`}>
            {t('audit.decision.claim')} {payout.claimId}
          </a>
        </dd>
      </dl>
      <EvidenceTable
        page={page}
        caption={t('audit.payout.events', { id: payout.payoutId })}
        steps={payout.events}
      />
    </section>
  );
}

function DecisionSection({
  page,
  decision,
}: {
  page: SignedInContext;
  decision: DecisionEvidence;
}) {
  const { t } = page;
  return (
    <>
      <dl class="summary-list">
        <dt>{t('audit.decision.id')}</dt>
        <dd>
          <code>{decision.decisionId}</code>
        </dd>
        <dt>{t('audit.decision.claim')}</dt>
        <dd>
          <a href={`/audit/claims/${encodeURIComponent(decision.claimId)}`}>{decision.claimId}</a>
        </dd>
        <dt>{t('audit.decision.program')}</dt>
        <dd>{decision.program.toUpperCase()}</dd>
        {decision.benefitType === null ? null : (
          <>
            <dt>{t('audit.decision.benefitType')}</dt>
            <dd>{decision.benefitType}</dd>
          </>
        )}
        <dt>{t('audit.decision.ruleSet')}</dt>
        <dd>
          <code>{decision.ruleSetId}</code>
        </dd>
        <dt>{t('audit.decision.total')}</dt>
        <dd>{formatRupiah(decision.total)}</dd>
        {decision.approval === null ? null : (
          <>
            <dt>{t('audit.decision.maker')}</dt>
            <dd id="decision-maker">{decision.approval.makerId}</dd>
            <dt>{t('audit.decision.checker')}</dt>
            <dd id="decision-checker">
              {decision.approval.checkerId ?? t('audit.decision.noChecker')}
            </dd>
            <dt>{t('audit.decision.mode')}</dt>
            <dd>{decision.approval.mode}</dd>
            <dt>{t('audit.decision.proposedOn')}</dt>
            <dd>{day(page, decision.approval.proposedOn)}</dd>
            <dt>{t('audit.decision.approvedOn')}</dt>
            <dd>{day(page, decision.approval.approvedOn)}</dd>
          </>
        )}
        <dt>{t('audit.decision.event')}</dt>
        <dd>
          <a href={`#${eventAnchor(decision.evidence.eventId)}`}>{decision.evidence.type}</a>{' '}
          <ChainMark page={page} step={decision.evidence} />
        </dd>
      </dl>

      <table id="benefit-components">
        <caption>{t('audit.decision.components')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.decision.component')}</th>
            <th scope="col">{t('audit.decision.formula')}</th>
            <th scope="col">{t('audit.decision.legalBasis')}</th>
            <th scope="col" class="amount">
              {t('audit.decision.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {decision.components.map((component) => (
            <tr key={component.code}>
              <th scope="row">{component.code}</th>
              <td class="formula">{component.formula}</td>
              <td>{component.legalBasis}</td>
              <td class="amount">{formatRupiah(component.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <table id="decision-inputs">
        <caption>{t('audit.decision.inputs')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.decision.input')}</th>
            <th scope="col">{t('audit.decision.value')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(decision.inputs).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{plain(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {decision.checks.length === 0 ? null : (
        <table id="eligibility-checks">
          <caption>{t('audit.decision.checks')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.decision.policy')}</th>
              <th scope="col">{t('audit.decision.outcome')}</th>
              <th scope="col">{t('audit.decision.code')}</th>
              <th scope="col">{t('audit.decision.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {decision.checks.map((check) => (
              <tr key={check.policy}>
                <th scope="row">{check.policy}</th>
                <td>{check.outcome}</td>
                <td>{check.code ?? '—'}</td>
                <td>{check.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ExplanationPage({
  page,
  view,
  revealRequested,
  revealForm,
}: {
  page: SignedInContext;
  view: ExplanationView;
  revealRequested: boolean;
  revealForm: FormState;
}) {
  const { t, lang } = page;
  const { explanation } = view;
  const { subject, decision, participant } = explanation;
  const title =
    subject.kind === 'payout'
      ? t('audit.explanation.payoutTitle', { id: subject.id })
      : t('audit.explanation.claimTitle', { id: subject.id });
  const details = participant?.details ?? {};
  return (
    <Layout page={page} title={title}>
      <ChainVerdict page={page} chain={view.chain} />
      <nav aria-labelledby="path-heading" class="evidence-path">
        <h2 id="path-heading">{t('audit.path.heading')}</h2>
        <ol>
          <li>
            <a href="#payouts">{t('audit.path.payouts')}</a>
          </li>
          <li>
            <a href="#decision">{t('audit.path.decision')}</a>
          </li>
          <li>
            <a href="#claim-events">{t('audit.path.claim')}</a>
          </li>
          <li>
            <a href="#contributions">{t('audit.path.contributions')}</a>
          </li>
          <li>
            <a href="#enrollment">{t('audit.path.enrollment')}</a>
          </li>
        </ol>
      </nav>

      {view.participantId === null ? null : (
        <PersonalDataPanel
          page={page}
          participantId={view.participantId}
          revealed={view.revealed}
          revealRequested={revealRequested}
          form={revealForm}
          returnTo={page.path}
        />
      )}

      <section aria-labelledby="payouts">
        <h2 id="payouts">{t('audit.payouts.heading')}</h2>
        {explanation.payouts.length === 0 ? <p>{t('audit.payouts.none')}</p> : null}
        {explanation.payouts.map((payout) => (
          <PayoutSection key={payout.payoutId} page={page} payout={payout} />
        ))}
      </section>

      <section aria-labelledby="decision">
        <h2 id="decision">{t('audit.decision.heading')}</h2>
        {decision === null ? (
          <p>{t('audit.decision.none')}</p>
        ) : (
          <DecisionSection page={page} decision={decision} />
        )}
      </section>

      <section aria-labelledby="claim-events">
        <h2 id="claim-events">{t('audit.claimEvents.heading')}</h2>
        {explanation.claimEvents.length === 0 ? (
          <p>{t('audit.claimEvents.none')}</p>
        ) : (
          <EvidenceTable
            page={page}
            caption={t('audit.claimEvents.caption', { id: view.claimId ?? subject.id })}
            steps={explanation.claimEvents}
          />
        )}
      </section>

      <section aria-labelledby="contributions">
        <h2 id="contributions">{t('audit.contributions.heading')}</h2>
        {explanation.contributions.length === 0 ? (
          <p>{t('audit.contributions.none')}</p>
        ) : (
          <table id="contribution-payments">
            <caption>{t('audit.contributions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.contributions.month')}</th>
                <th scope="col" class="amount">
                  {t('audit.contributions.amount')}
                </th>
                <th scope="col">{t('audit.contributions.paidOn')}</th>
                <th scope="col">{t('audit.contributions.payer')}</th>
                <th scope="col">{t('audit.contributions.reference')}</th>
                <th scope="col">{t('audit.contributions.grace')}</th>
                <th scope="col">{t('audit.contributions.chain')}</th>
              </tr>
            </thead>
            <tbody>
              {explanation.contributions.map((paid) => (
                <tr key={paid.evidence.eventId} id={eventAnchor(paid.evidence.eventId)}>
                  <th scope="row">{formatMonth(paid.month, lang)}</th>
                  <td class="amount">{formatRupiah(paid.amount)}</td>
                  <td>{day(page, paid.paidOn)}</td>
                  <td>
                    {paid.program === null
                      ? paid.payer === 'self'
                        ? t('audit.contributions.self')
                        : paid.payer
                      : t('audit.contributions.program', {
                          name: paid.program.name,
                          pks: paid.program.pksNumber,
                        })}
                  </td>
                  <td>
                    <code>{paid.paymentReference}</code>
                  </td>
                  <td>
                    {paid.withinGrace
                      ? t('audit.contributions.withinGrace')
                      : t('audit.contributions.afterGrace')}
                  </td>
                  <td>
                    <ChainMark page={page} step={paid.evidence} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {explanation.coverageEvents.length === 0 ? null : (
          <EvidenceTable
            page={page}
            caption={t('audit.coverage.caption')}
            steps={explanation.coverageEvents}
          />
        )}
      </section>

      <section aria-labelledby="enrollment">
        <h2 id="enrollment">{t('audit.enrollment.heading')}</h2>
        {participant === null || participant.events.length === 0 ? (
          <p>{t('audit.enrollment.none')}</p>
        ) : (
          <>
            <dl class="summary-list">
              <dt>{t('audit.asOf.participantId')}</dt>
              <dd>
                <code>{participant.participantId}</code>
              </dd>
              <dt>{t('audit.participant.fullName')}</dt>
              <dd class="personal" id="participant-name">
                {plain(details['fullName'])}
              </dd>
              <dt>{t('audit.participant.nik')}</dt>
              <dd class="personal" id="participant-nik">
                {plain(details['nik'])}
              </dd>
              <dt>{t('audit.participant.birthDate')}</dt>
              <dd>
                {typeof details['birthDate'] === 'string' ? day(page, details['birthDate']) : '—'}
              </dd>
              <dt>{t('audit.participant.declaredIncome')}</dt>
              <dd>
                {typeof details['declaredIncome'] === 'number'
                  ? formatRupiah(details['declaredIncome'])
                  : '—'}
              </dd>
              <dt>{t('audit.participant.membership')}</dt>
              <dd>{plain(details['membership'])}</dd>
            </dl>
            <p>
              <a href={`/audit/participants/${encodeURIComponent(participant.participantId)}`}>
                {t('audit.enrollment.asOfLink')}
              </a>
            </p>
            <EvidenceTable
              page={page}
              caption={t('audit.enrollment.caption', { id: participant.participantId })}
              steps={participant.events}
            />
          </>
        )}
      </section>
    </Layout>
  );
}
