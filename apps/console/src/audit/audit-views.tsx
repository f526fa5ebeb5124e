import type { AuditedService, EvidenceStep } from '@santunan/audit';
import { formatInstant } from '../i18n/format';
import type { MessageKey } from '../i18n/messages';
import type { PageContext } from '../web/page-context';
import { isVerified, type ChainSummary } from './audit-explorer';

export function serviceLabel(page: PageContext, service: AuditedService): string {
  return page.t(`audit.service.${service}` as MessageKey);
}

/** The anchor of one event on a page, so other parts of the page (and other pages) link to it. */
export function eventAnchor(eventId: string): string {
  return `event-${eventId}`;
}

/** The hash-chain mark of one event: a word and a sign, never colour alone. */
export function ChainMark({ page, step }: { page: PageContext; step: EvidenceStep }) {
  const { t } = page;
  if (!step.hashVerified) return <span class="tag bad">✗ {t('audit.chain.hashMismatch')}</span>;
  if (step.chainLinked === false)
    return <span class="tag bad">✗ {t('audit.chain.linkBroken')}</span>;
  if (step.chainLinked === null) return <span class="tag ok">✓ {t('audit.chain.unlinked')}</span>;
  return <span class="tag ok">✓ {t('audit.chain.verified')}</span>;
}

export function ChainVerdict({ page, chain }: { page: PageContext; chain: ChainSummary }) {
  const { t } = page;
  return chain.broken.length === 0 ? (
    <p class="notice success" id="chain-status" role="status">
      ✓ {t('audit.chain.allVerified', { verified: chain.verified, events: chain.events })}
    </p>
  ) : (
    <div class="notice error" id="chain-status" role="alert">
      <p>✗ {t('audit.chain.broken', { broken: chain.broken.length, events: chain.events })}</p>
      <ul>
        {chain.broken.map((step) => (
          <li key={step.eventId}>
            <a href={`#${eventAnchor(step.eventId)}`}>
              {step.type} {step.streamId} v{step.version}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Events with where they are, when they were recorded, who caused them and their chain mark. */
export function EvidenceTable({
  page,
  caption,
  steps,
  happened,
}: {
  page: PageContext;
  caption: string;
  steps: readonly EvidenceStep[];
  /** Business dates to show beside the recorded time (as-of views). */
  happened?: (step: EvidenceStep) => string;
}) {
  const { t, lang } = page;
  return (
    <table class="evidence">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.events.type')}</th>
          {happened === undefined ? null : <th scope="col">{t('audit.events.happened')}</th>}
          <th scope="col">{t('audit.events.recorded')}</th>
          <th scope="col">{t('audit.events.service')}</th>
          <th scope="col">{t('audit.events.stream')}</th>
          <th scope="col">{t('audit.events.actor')}</th>
          <th scope="col">{t('audit.events.hash')}</th>
          <th scope="col">{t('audit.events.chain')}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step) => (
          <tr
            key={step.eventId}
            id={eventAnchor(step.eventId)}
            class={isVerified(step) ? undefined : 'broken'}
          >
            <th scope="row">{step.type}</th>
            {happened === undefined ? null : <td>{happened(step)}</td>}
            <td>{formatInstant(step.recordedAt, lang)}</td>
            <td>{serviceLabel(page, step.service)}</td>
            <td>
              <code>{step.streamId}</code> v{step.version}
            </td>
            <td>{step.actor}</td>
            <td>
              <code title={step.hash}>{step.hash.slice(0, 12)}…</code>
            </td>
            <td>
              <ChainMark page={page} step={step} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A value from an event for people: text as text, lists joined, records as `key: value`. */
export function plain(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(plain).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}: ${plain(inner)}`)
      .join('; ');
  }
  // bigint, symbol, function: nothing an event holds; shown by type, not guessed at.
  return typeof value;
}
