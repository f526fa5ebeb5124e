import type { KnownFact } from '@santunan/audit';
import { formatDate, formatInstant, formatMonth, formatRupiah } from '../i18n/format';
import type { MessageKey } from '../i18n/messages';
import { Layout } from '../views/layout';
import type { FormState } from '../web/form-state';
import type { SignedInContext } from '../web/page-context';
import type { ParticipantAsOf } from './audit-explorer';
import { AsOfForm } from './audit-start.page';
import { ChainVerdict, EvidenceTable, plain } from './audit-views';
import type { RevealRecord } from './reveal-log';
import { PersonalDataPanel, RevealLogTable } from './reveal.view';

type Data = Readonly<Record<string, unknown>>;

function record(value: unknown): Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Data)
    : {};
}

function happenedText(page: SignedInContext, happened: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(happened)) return formatDate(happened, page.lang);
  if (/^\d{4}-\d{2}$/.test(happened)) return formatMonth(happened, page.lang);
  return formatInstant(happened, page.lang);
}

function Details({ page, details }: { page: SignedInContext; details: Data }) {
  const { t, lang } = page;
  if (Object.keys(details).length === 0) return <p>{t('audit.participant.notRegistered')}</p>;
  const address = record(details['address']);
  const heirs = Array.isArray(details['heirs']) ? (details['heirs'] as unknown[]).map(record) : [];
  const row = (label: MessageKey, value: string, personal = false, id?: string) => (
    <>
      <dt>{t(label)}</dt>
      <dd class={personal ? 'personal' : undefined} id={id}>
        {value}
      </dd>
    </>
  );
  return (
    <>
      <dl class="summary-list" id="participant-details">
        {row('audit.participant.fullName', plain(details['fullName']), true, 'participant-name')}
        {row('audit.participant.nik', plain(details['nik']), true, 'participant-nik')}
        {row(
          'audit.participant.birthDate',
          typeof details['birthDate'] === 'string' ? formatDate(details['birthDate'], lang) : '—',
        )}
        {row('audit.participant.sex', plain(details['sex']))}
        {row('audit.participant.address', plain(address['line']), true)}
        {row('audit.participant.regency', plain(address['regencyCode']))}
        {row('audit.participant.phone', plain(details['phone']), true)}
        {row('audit.participant.occupation', plain(details['occupation']))}
        {row(
          'audit.participant.declaredIncome',
          typeof details['declaredIncome'] === 'number'
            ? formatRupiah(details['declaredIncome'])
            : '—',
        )}
        {row('audit.participant.membership', plain(details['membership']))}
        {typeof details['dateOfDeath'] === 'string'
          ? row('audit.participant.dateOfDeath', formatDate(details['dateOfDeath'], lang))
          : null}
      </dl>
      {heirs.length === 0 ? null : (
        <table id="participant-heirs">
          <caption>{t('audit.participant.heirs')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.participant.heirName')}</th>
              <th scope="col">{t('audit.participant.relationship')}</th>
              <th scope="col">{t('audit.participant.birthDate')}</th>
              <th scope="col">{t('audit.participant.bankAccount')}</th>
            </tr>
          </thead>
          <tbody>
            {heirs.map((heir, index) => {
              const account = record(heir['bankAccount']);
              return (
                <tr key={plain(heir['heirId']) + String(index)}>
                  <th scope="row" class="personal">
                    {plain(heir['fullName'])}
                  </th>
                  <td>{plain(heir['relationship'])}</td>
                  <td>
                    {typeof heir['birthDate'] === 'string'
                      ? formatDate(heir['birthDate'], lang)
                      : '—'}
                  </td>
                  <td class="personal">
                    {plain(account['bankCode'])} {plain(account['accountNumber'])} (
                    {plain(account['accountName'])})
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ParticipantAsOfPage({
  page,
  asOf,
  revealRequested,
  revealForm,
  dateForm,
  reveals,
}: {
  page: SignedInContext;
  asOf: ParticipantAsOf;
  revealRequested: boolean;
  revealForm: FormState;
  dateForm: FormState;
  reveals: readonly RevealRecord[];
}) {
  const { t, lang } = page;
  const state = asOf.view.state;
  const coverage = record(state['coverage']);
  const claims = record(state['claims']);
  const paidMonths = Array.isArray(coverage['paidMonths'])
    ? (coverage['paidMonths'] as unknown[]).map(String)
    : [];
  const date = formatDate(asOf.date, lang);
  // Each evidence table's caption is its section's heading.
  const knownTitle = t('audit.participant.known', { count: asOf.view.known.length });
  const learnedLaterTitle = t('audit.participant.learnedLater', {
    count: asOf.view.learnedLater.length,
  });
  const happened = (step: { eventId: string }): string => {
    const fact = [...asOf.view.known, ...asOf.view.learnedLater].find(
      (candidate: KnownFact) => candidate.eventId === step.eventId,
    );
    return fact === undefined ? '—' : happenedText(page, fact.happened);
  };
  // Both as-of tables show, beside each event, when what it records happened.
  const evidence = (caption: string, steps: readonly KnownFact[]) => (
    <EvidenceTable page={page} caption={caption} steps={steps} happened={happened} />
  );
  return (
    <Layout page={page} title={t('audit.participant.title', { id: asOf.participantId, date })}>
      <p>{t('audit.participant.intro', { date })}</p>
      <ChainVerdict page={page} chain={asOf.chain} />
      <PersonalDataPanel
        page={page}
        participantId={asOf.participantId}
        revealed={asOf.revealed}
        revealRequested={revealRequested}
        form={revealForm}
        returnTo={page.path}
      />

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('audit.participant.details')}</h2>
        <Details page={page} details={record(state['details'])} />
      </section>

      <section aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">{t('audit.participant.coverage')}</h2>
        <dl class="summary-list">
          <dt>{t('audit.participant.coverageStatus')}</dt>
          <dd>{plain(coverage['status'])}</dd>
          <dt>{t('audit.participant.paidThrough')}</dt>
          <dd>
            {typeof coverage['paidThrough'] === 'string'
              ? formatMonth(coverage['paidThrough'], lang)
              : '—'}
          </dd>
          <dt>{t('audit.participant.paidMonths')}</dt>
          <dd>
            {paidMonths.length === 0
              ? '—'
              : paidMonths.map((month) => formatMonth(month, lang)).join(', ')}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">{t('audit.participant.claims')}</h2>
        {asOf.claimIds.length === 0 ? (
          <p>{t('audit.participant.noClaims')}</p>
        ) : (
          <ul id="participant-claims">
            {asOf.claimIds.map((claimId) => (
              <li key={claimId}>
                <a href={`/audit/claims/${encodeURIComponent(claimId)}`}>{claimId}</a> —{' '}
                {t('audit.participant.lastEvent', {
                  type: plain(record(claims[claimId])['lastEvent']),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="known-heading">
        <h2 id="known-heading">{knownTitle}</h2>
        {asOf.view.known.length === 0 ? (
          <p>{t('audit.participant.noneKnown')}</p>
        ) : (
          evidence(knownTitle, asOf.view.known)
        )}
      </section>

      {asOf.view.learnedLater.length === 0 ? null : (
        <section aria-labelledby="later-heading">
          <h2 id="later-heading">{learnedLaterTitle}</h2>
          <p class="hint">{t('audit.participant.learnedLaterHint')}</p>
          {evidence(learnedLaterTitle, asOf.view.learnedLater)}
        </section>
      )}

      <section aria-labelledby="reveal-log-heading">
        <h2 id="reveal-log-heading">{t('audit.reveal.log')}</h2>
        <RevealLogTable page={page} reveals={reveals} />
      </section>

      <section aria-labelledby="change-date-heading">
        <h2 id="change-date-heading">{t('audit.asOf.change')}</h2>
        <AsOfForm
          page={page}
          form={dateForm}
          today={asOf.date}
          participantId={asOf.participantId}
        />
      </section>
    </Layout>
  );
}
