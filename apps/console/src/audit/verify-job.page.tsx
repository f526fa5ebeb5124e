import { formatInstant, formatNumber } from '../i18n/format';
import type { MessageKey } from '../i18n/messages';
import { CsrfField, Layout } from '../views/layout';
import { Table } from '../views/table';
import type { SignedInContext } from '../web/page-context';
import { serviceLabel } from './audit-views';
import type { VerifyJob } from './verify-jobs';

/** Seconds between refreshes of a running job's page (the Refresh header; no script needed). */
export const VERIFY_REFRESH_SECONDS = 2;

function Result({ page, job }: { page: SignedInContext; job: VerifyJob }) {
  const { t, lang } = page;
  if (job.status === 'failed') {
    return (
      <p class="notice error" id="verify-result" role="alert">
        {t('audit.job.failed', { error: job.error ?? '?' })}
      </p>
    );
  }
  const result = job.result;
  if (result === null) return null;
  const breaks = result.stores.flatMap((store) => store.problems);
  const mismatches = result.topics.flatMap((topic) => topic.problems);
  const events = result.stores.reduce((sum, store) => sum + store.eventsVerified, 0);
  const streams = result.stores.reduce((sum, store) => sum + store.streamsVerified, 0);
  return (
    <>
      {result.ok ? (
        <p class="notice success" id="verify-result" role="status">
          ✓{' '}
          {t('audit.job.verified', {
            events: formatNumber(events, lang),
            streams: formatNumber(streams, lang),
          })}
        </p>
      ) : (
        <p class="notice error" id="verify-result" role="alert">
          ✗ {t('audit.job.failedChecks', { breaks: breaks.length, mismatches: mismatches.length })}
        </p>
      )}
      <section aria-labelledby="breaks-heading">
        <h2 id="breaks-heading">{t('audit.job.breaks')}</h2>
        {breaks.length === 0 ? (
          <p>{t('audit.job.noBreaks')}</p>
        ) : (
          <Table
            id="chain-breaks"
            caption={t('audit.job.breaks')}
            columns={[
              t('audit.job.store'),
              t('audit.job.stream'),
              t('audit.job.version'),
              t('audit.job.kind'),
              t('audit.job.detail'),
            ]}
          >
            {breaks.map((problem) => (
              <tr key={`${problem.service}/${problem.streamId}/${problem.version}/${problem.kind}`}>
                <th scope="row">{serviceLabel(page, problem.service)}</th>
                <td>
                  <code>{problem.streamId}</code>
                </td>
                <td>{problem.version}</td>
                <td>{problem.kind}</td>
                <td>{problem.detail}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">{t('audit.job.topics')}</h2>
        {result.topics.length === 0 ? null : (
          <Table
            id="topic-matches"
            caption={t('audit.job.topics')}
            columns={[
              t('audit.job.topic'),
              t('audit.job.store'),
              t('audit.job.messages'),
              t('audit.job.matched'),
              t('audit.job.problems'),
            ]}
          >
            {result.topics.map((topic) => (
              <tr key={topic.topic}>
                <th scope="row">
                  <code>{topic.topic}</code>
                </th>
                <td>{serviceLabel(page, topic.service)}</td>
                <td>{formatNumber(topic.messages, lang)}</td>
                <td>{formatNumber(topic.matched, lang)}</td>
                <td>{topic.problems.length}</td>
              </tr>
            ))}
          </Table>
        )}
        <h3>{t('audit.job.mismatches')}</h3>
        {mismatches.length === 0 ? (
          <p>{t('audit.job.noMismatches')}</p>
        ) : (
          <Table
            id="topic-mismatches"
            caption={t('audit.job.mismatches')}
            columns={[
              t('audit.job.topic'),
              t('audit.job.stream'),
              t('audit.job.version'),
              t('audit.job.kind'),
              t('audit.job.detail'),
            ]}
          >
            {mismatches.map((problem, index) => (
              <tr key={`${problem.topic}/${index}`}>
                <th scope="row">
                  <code>{problem.topic}</code>
                </th>
                <td>{problem.streamId === null ? '—' : <code>{problem.streamId}</code>}</td>
                <td>{problem.version ?? '—'}</td>
                <td>{problem.kind}</td>
                <td>{problem.detail}</td>
              </tr>
            ))}
          </Table>
        )}
        {result.notes.length === 0 ? null : (
          <>
            <h3>{t('audit.job.notes')}</h3>
            <ul>
              {result.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

export function VerifyJobPage({ page, job }: { page: SignedInContext; job: VerifyJob }) {
  const { t, lang } = page;
  const percent = Math.round(job.fraction * 100);
  return (
    <Layout page={page} title={t('audit.job.title', { id: job.jobId })}>
      <p>
        {t('audit.job.startedBy', { who: job.startedBy, when: formatInstant(job.startedAt, lang) })}
        {job.finishedAt === null ? null : (
          <> · {t('audit.job.finishedAt', { when: formatInstant(job.finishedAt, lang) })}</>
        )}
      </p>
      {job.status === 'running' ? (
        <p role="status" id="verify-running">
          {t('audit.job.running')}
        </p>
      ) : null}
      <p>
        <label for="verify-progress">{t('audit.job.progress')}</label>{' '}
        <progress id="verify-progress" max={100} value={percent}>
          {percent}%
        </progress>{' '}
        {percent}%
      </p>
      <Table
        id="verify-stores"
        caption={t('audit.job.stores')}
        columns={[
          t('audit.job.store'),
          t('audit.job.status'),
          t('audit.job.events'),
          t('audit.job.streams'),
          t('audit.job.problems'),
        ]}
      >
        {job.stores.map((store) => (
          <tr key={store.service}>
            <th scope="row">{serviceLabel(page, store.service)}</th>
            <td>{t(`audit.job.status.${store.status}` as MessageKey)}</td>
            <td>{formatNumber(store.eventsVerified, lang)}</td>
            <td>{formatNumber(store.streamsVerified, lang)}</td>
            <td>{store.problems}</td>
          </tr>
        ))}
      </Table>
      <p id="verify-topics">
        {job.topics === null
          ? t('audit.job.topicsWaiting')
          : t('audit.job.topicsRead', {
              read: formatNumber(job.topics.read, lang),
              total: formatNumber(job.topics.total, lang),
            })}
      </p>
      <Result page={page} job={job} />
      {job.status === 'running' ? null : (
        <form method="post" action="/audit/verify">
          <CsrfField page={page} />
          <button type="submit">{t('audit.job.again')}</button>
        </form>
      )}
    </Layout>
  );
}
