import { formatDate, formatInstant, formatMonth, formatRupiah } from '../i18n/format';
import { hasMessage, type MessageKey } from '../i18n/messages';
import type { PeopleNames } from '../people/people-directory';
import type { Coverage } from '../services/participants.api';
import { personalText } from '../services/participants.api';
import { Layout } from '../views/layout';
import { Person } from '../views/person';
import { Table } from '../views/table';
import type { SignedInContext } from '../web/page-context';
import type {
  HeirRecord,
  HistoryEvent,
  ParticipantListing,
  ParticipantRecord,
} from './enrollment-office.api';
import { label, participantPath } from './enrollment-labels';
import { historyLine } from './history-words';

/** A section's data, or why it could not be had (a service's refusal, in the user's words). */
export type Section<T> = { readonly value: T } | { readonly unavailable: string };

function Unavailable({ message }: { message: string }) {
  return (
    <p class="form-error" role="alert">
      {message}
    </p>
  );
}

function Membership({
  page,
  participant,
}: {
  page: SignedInContext;
  participant: ParticipantListing;
}) {
  const { t } = page;
  return (
    <>
      {participant.membership.kind === 'sponsored'
        ? t('enrollment.membership.sponsored', { program: participant.membership.programId ?? '—' })
        : t('enrollment.membership.self-paying')}
    </>
  );
}

function ParticipantFacts({
  page,
  participant,
}: {
  page: SignedInContext;
  participant: ParticipantRecord;
}) {
  const { t, lang } = page;
  const redacted = t('personal.redacted');
  const birthDate = /^\d{4}-\d{2}-\d{2}$/.test(participant.birthDate)
    ? formatDate(participant.birthDate, lang)
    : participant.birthDate;
  return (
    <dl class="summary-list" id="participant-details">
      <dt>{t('enrollment.field.fullName')}</dt>
      <dd id="participant-name">{personalText(participant.fullName, redacted)}</dd>
      <dt>{t('enrollment.field.nik')}</dt>
      <dd class="mono" id="participant-nik">
        {personalText(participant.nik, redacted)}
      </dd>
      <dt>{t('enrollment.field.birthDate')}</dt>
      <dd>{birthDate}</dd>
      <dt>{t('enrollment.field.sex')}</dt>
      <dd>{label(t, 'sex', participant.sex)}</dd>
      <dt>{t('enrollment.field.address')}</dt>
      <dd>
        {personalText(participant.address.line, redacted)} —{' '}
        {participant.address.regencyName ?? participant.address.regencyCode} (
        {participant.address.regencyCode})
      </dd>
      <dt>{t('enrollment.field.phone')}</dt>
      <dd class="mono">{personalText(participant.phone, redacted)}</dd>
      <dt>{t('enrollment.field.occupation')}</dt>
      <dd>{participant.occupation}</dd>
      <dt>{t('enrollment.field.status')}</dt>
      <dd>
        {participant.status === 'deceased'
          ? t('enrollment.status.deceased', {
              date:
                participant.dateOfDeath === undefined
                  ? '—'
                  : formatDate(participant.dateOfDeath, lang),
            })
          : t('enrollment.status.active')}
      </dd>
      <dt>{t('enrollment.field.registered')}</dt>
      <dd>{formatInstant(participant.registeredAt, lang)}</dd>
    </dl>
  );
}

function MembershipSection({
  page,
  participant,
  coverage,
}: {
  page: SignedInContext;
  participant: ParticipantRecord;
  coverage: Section<Coverage>;
}) {
  const { t, lang } = page;
  return (
    <section aria-labelledby="membership-heading">
      <h2 id="membership-heading">{t('enrollment.participant.membership')}</h2>
      <dl class="summary-list" id="participant-membership">
        <dt>{t('enrollment.field.membership')}</dt>
        <dd>
          <Membership page={page} participant={participant} />
        </dd>
        <dt>{t('enrollment.field.declaredIncome')}</dt>
        <dd id="participant-income">{formatRupiah(participant.declaredIncome)}</dd>
        {'unavailable' in coverage ? null : (
          <>
            <dt>{t('coverage.standing')}</dt>
            <dd id="participant-standing">
              {hasMessage(`standing.${coverage.value.standing}`)
                ? t(`standing.${coverage.value.standing}` as MessageKey)
                : coverage.value.standing}
            </dd>
            <dt>{t('coverage.paidThrough')}</dt>
            <dd>
              {coverage.value.paidThrough === null
                ? '—'
                : formatMonth(coverage.value.paidThrough, lang)}
            </dd>
            <dt>{t('coverage.masaIur')}</dt>
            <dd>{t('coverage.months', { count: coverage.value.masaIurMonths })}</dd>
            <dt>{t('enrollment.coverage.arrears')}</dt>
            <dd>
              {coverage.value.arrearsMonths.length === 0
                ? t('enrollment.coverage.noArrears')
                : coverage.value.arrearsMonths.map((month) => formatMonth(month, lang)).join(', ')}
            </dd>
          </>
        )}
      </dl>
      {'unavailable' in coverage ? (
        <Unavailable
          message={t('enrollment.coverage.unavailable', { reason: coverage.unavailable })}
        />
      ) : null}
      <Table
        caption={t('enrollment.income.caption')}
        columns={[
          t('enrollment.income.from'),
          { label: t('enrollment.field.declaredIncome'), amount: true },
        ]}
      >
        {participant.incomeHistory.map((period) => (
          <tr key={period.effectiveFrom}>
            <th scope="row">{formatMonth(period.effectiveFrom, lang)}</th>
            <td class="amount">{formatRupiah(period.declaredIncome)}</td>
          </tr>
        ))}
      </Table>
      {participant.status === 'active' ? (
        <p>
          <a class="button" href={participantPath(participant.participantId, '/income')}>
            {t('enrollment.income.title')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function heirPlace(participant: ParticipantRecord, heir: HeirRecord) {
  return participant.heirOrder?.heirs.find((place) => place.heirId === heir.heirId);
}

function HeirsSection({
  page,
  participant,
}: {
  page: SignedInContext;
  participant: ParticipantRecord;
}) {
  const { t, lang } = page;
  const redacted = t('personal.redacted');
  const order = participant.heirOrder;
  return (
    <section aria-labelledby="heirs-heading">
      <h2 id="heirs-heading">{t('enrollment.heirs.heading')}</h2>
      {participant.heirs.length === 0 ? (
        <p>{t('enrollment.heirs.none')}</p>
      ) : (
        <>
          <Table
            id="participant-heirs"
            caption={t('enrollment.heirs.caption')}
            columns={[
              t('enrollment.field.fullName'),
              t('enrollment.heirs.relationship'),
              t('enrollment.heirs.tier'),
              t('enrollment.field.birthDate'),
              t('enrollment.heirs.bankAccount'),
              t('enrollment.heirs.payee'),
            ]}
          >
            {participant.heirs.map((heir) => {
              const place = heirPlace(participant, heir);
              const payee = order?.payeeHeirId === heir.heirId;
              return (
                <tr key={heir.heirId}>
                  <th scope="row">{personalText(heir.fullName, redacted)}</th>
                  <td>{label(t, 'relationship', heir.relationship)}</td>
                  <td>
                    {place?.tier === null || place === undefined
                      ? '—'
                      : t('enrollment.heirs.tierValue', { tier: place.tier })}
                    {place !== undefined && !place.entitled ? (
                      <span class="tag neutral"> {t('enrollment.heirs.notEntitled')}</span>
                    ) : null}
                  </td>
                  <td>{heir.birthDate === undefined ? '—' : formatDate(heir.birthDate, lang)}</td>
                  <td class="mono">
                    {heir.bankAccount === undefined
                      ? '—'
                      : `${heir.bankAccount.bankCode} ${personalText(heir.bankAccount.accountNumber, redacted)} (${personalText(heir.bankAccount.accountName, redacted)})`}
                  </td>
                  <td>
                    {payee ? <span class="tag ok">{t('enrollment.heirs.isPayee')}</span> : '—'}
                  </td>
                </tr>
              );
            })}
          </Table>
          {order === undefined ? null : (
            <p class="hint">
              {order.entitledTier === null
                ? t('enrollment.heirs.noTier', { ruleSet: order.ruleSetId })
                : t('enrollment.heirs.orderNote', {
                    tier: order.entitledTier,
                    ruleSet: order.ruleSetId,
                  })}
            </p>
          )}
        </>
      )}
      {participant.status === 'active' ? (
        <p>
          <a class="button" href={participantPath(participant.participantId, '/heirs')}>
            {t('enrollment.heirs.title')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function ChildrenSection({
  page,
  participant,
}: {
  page: SignedInContext;
  participant: ParticipantRecord;
}) {
  const { t, lang } = page;
  const redacted = t('personal.redacted');
  return (
    <section aria-labelledby="children-heading">
      <h2 id="children-heading">{t('enrollment.children.heading')}</h2>
      {participant.children.length === 0 ? (
        <p>{t('enrollment.children.none')}</p>
      ) : (
        <Table
          id="participant-children"
          caption={t('enrollment.children.caption')}
          columns={[
            t('enrollment.field.fullName'),
            t('enrollment.field.birthDate'),
            t('enrollment.children.relationship'),
          ]}
        >
          {participant.children.map((child) => (
            <tr key={child.childId}>
              <th scope="row">{personalText(child.fullName, redacted)}</th>
              <td>{formatDate(child.birthDate, lang)}</td>
              <td>{label(t, 'childRelationship', child.relationship)}</td>
            </tr>
          ))}
        </Table>
      )}
      {participant.status === 'active' ? (
        <p>
          <a class="button" href={participantPath(participant.participantId, '/children/new')}>
            {t('enrollment.child.title')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function HistorySection({
  page,
  history,
  people,
}: {
  page: SignedInContext;
  history: Section<readonly HistoryEvent[]>;
  people: PeopleNames;
}) {
  const { t, lang } = page;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('enrollment.history.heading')}</h2>
      {'unavailable' in history ? (
        <Unavailable message={history.unavailable} />
      ) : (
        <Table
          id="participant-history"
          caption={t('enrollment.history.caption')}
          columns={[
            t('enrollment.history.when'),
            t('enrollment.history.what'),
            t('enrollment.history.who'),
          ]}
        >
          {history.value.map((event) => (
            <tr key={event.eventId}>
              <th scope="row">{formatInstant(event.recordedAt, lang)}</th>
              <td>{historyLine(page, event)}</td>
              <td>
                {event.actor.kind === 'system' ? (
                  t('enrollment.history.system')
                ) : (
                  <Person id={event.actor.id} page={page} people={people} />
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

export function ParticipantPage({
  page,
  participant,
  coverage,
  history,
  people,
}: {
  page: SignedInContext;
  participant: ParticipantRecord;
  coverage: Section<Coverage>;
  history: Section<readonly HistoryEvent[]>;
  people: PeopleNames;
}) {
  const { t } = page;
  const redacted = t('personal.redacted');
  return (
    <Layout
      page={page}
      title={t('enrollment.participant.title', {
        name: personalText(participant.fullName, redacted),
      })}
    >
      <p>
        <a href="/enrollment/participants">{t('enrollment.search.back')}</a>
      </p>
      {participant.personalData === 'masked' ? (
        <p class="notice" role="status">
          {t('enrollment.participant.masked')}
        </p>
      ) : null}
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('enrollment.participant.details')}</h2>
        <ParticipantFacts page={page} participant={participant} />
        {participant.status === 'active' ? (
          <>
            <p>
              <a class="button" href={participantPath(participant.participantId, '/details')}>
                {t('enrollment.details.title')}
              </a>
            </p>
            {/* Once the death is recorded there is nothing more to record here. */}
            <p class="hint" id="death-hint">
              {t('enrollment.status.deathHint')}
            </p>
            <p>
              <a
                class="button secondary"
                href={participantPath(participant.participantId, '/death')}
                aria-describedby="death-hint"
              >
                {t('enrollment.death.title')}
              </a>
            </p>
          </>
        ) : null}
      </section>
      <MembershipSection page={page} participant={participant} coverage={coverage} />
      <HeirsSection page={page} participant={participant} />
      <ChildrenSection page={page} participant={participant} />
      <HistorySection page={page} history={history} people={people} />
    </Layout>
  );
}
