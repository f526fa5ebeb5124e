import { formatDate, formatInstant } from '../i18n/format';
import type { Translate } from '../i18n/messages';
import { ErrorSummary, FormError, PostForm } from '../views/forms';
import { Layout } from '../views/layout';
import { Table } from '../views/table';
import type { FormState } from '../web/form-state';
import type { SignedInContext } from '../web/page-context';
import { jakartaLocalOf, type PlatformClock, type ServiceClock } from './platform-clock';

function stateText(t: Translate, clock: ServiceClock, lang: SignedInContext['lang']): string {
  switch (clock.state) {
    case 'simulated':
      return formatInstant(clock.now, lang);
    case 'real':
      return t('admin.clock.state.real');
    case 'forbidden':
      return t('admin.clock.state.forbidden');
    case 'unreachable':
      return t('admin.clock.state.unreachable');
    default: {
      const _exhaustive: never = clock;
      return String(_exhaustive);
    }
  }
}

function reasonText(
  t: Translate,
  reason: Extract<PlatformClock, { kind: 'read-only' }>['reason'],
): string {
  switch (reason) {
    case 'not-simulated':
      return t('admin.clock.reason.notSimulated');
    case 'forbidden':
      return t('admin.clock.reason.forbidden');
    case 'unreachable':
      return t('admin.clock.reason.unreachable');
    case 'disagree':
      return t('admin.clock.reason.disagree');
    default: {
      const _exhaustive: never = reason;
      return String(_exhaustive);
    }
  }
}

export function ClockPage({
  page,
  clock,
  form,
}: {
  page: SignedInContext;
  clock: PlatformClock;
  form: FormState;
}) {
  const { t, lang } = page;
  const errors = form.fieldErrors['now'] ?? [];
  return (
    <Layout page={page} title={t('admin.clock.title')}>
      <p>{t('admin.clock.intro')}</p>
      {clock.kind === 'simulated' ? (
        <dl class="summary-list">
          <dt>{t('admin.clock.now')}</dt>
          <dd>
            <time dateTime={clock.now}>{formatInstant(clock.now, lang)}</time>
          </dd>
          <dt>{t('admin.clock.today')}</dt>
          <dd>{formatDate(clock.today, lang)}</dd>
        </dl>
      ) : (
        <p class="notice error" role="status">
          {t('admin.clock.readOnly', { reason: reasonText(t, clock.reason) })}
        </p>
      )}
      <Table
        caption={t('admin.clock.servicesCaption')}
        columns={[t('admin.clock.service'), t('admin.clock.serviceNow')]}
      >
        {clock.clocks.map((service) => (
          <tr key={service.service}>
            <th scope="row">{service.service}</th>
            <td>{stateText(t, service, lang)}</td>
          </tr>
        ))}
      </Table>
      {clock.kind !== 'simulated' ? null : (
        <section aria-labelledby="advance-title">
          <h2 id="advance-title">{t('admin.clock.advanceTitle')}</h2>
          <ErrorSummary page={page} form={form} labels={{ now: t('admin.clock.newNow') }} />
          <FormError form={form} />
          <PostForm page={page} action="/admin/clock" label={t('admin.clock.advanceTitle')}>
            <div class={errors.length === 0 ? 'field' : 'field invalid'}>
              <label for="f-now">
                {t('admin.clock.newNow')}
                <span class="required-mark"> *</span>
              </label>
              <p class="hint" id="f-now-hint">
                {t('admin.clock.newNowHint')}
              </p>
              {errors.length === 0 ? null : (
                <p class="field-error" id="f-now-error">
                  {errors.join(' ')}
                </p>
              )}
              <input
                id="f-now"
                name="now"
                type="datetime-local"
                required
                value={form.values['now'] ?? jakartaLocalOf(clock.now)}
                aria-invalid={errors.length === 0 ? undefined : 'true'}
                aria-describedby={errors.length === 0 ? 'f-now-hint' : 'f-now-hint f-now-error'}
              />
            </div>
            <button type="submit">{t('admin.clock.advance')}</button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
