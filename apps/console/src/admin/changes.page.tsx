import { formatNumber } from '../i18n/format';
import { Layout } from '../views/layout';
import type { SignedInContext } from '../web/page-context';
import type { AdminChange, ChainCheck } from './admin-change-log';
import { ChangesTable } from './users.pages';

export function ChangesPage({
  page,
  changes,
  more,
  chain,
  paged,
}: {
  page: SignedInContext;
  changes: readonly AdminChange[];
  more: boolean;
  chain: ChainCheck;
  paged: boolean;
}) {
  const { t, lang } = page;
  const oldest = changes[changes.length - 1];
  return (
    <Layout page={page} title={t('admin.changes.title')}>
      <p>{t('admin.changes.intro')}</p>
      {chain.intact ? (
        <p class="verified" role="status">
          {t('admin.changes.chainIntact', { count: formatNumber(chain.count, lang) })}
        </p>
      ) : (
        <p class="not-verified" role="alert">
          {t('admin.changes.chainBroken', { sequence: chain.brokenAt })}
        </p>
      )}
      <ChangesTable page={page} changes={changes} showUser />
      <nav class="pager" aria-label={t('admin.users.pages')}>
        <ul>
          {paged ? (
            <li>
              <a href="/admin/changes">{t('admin.changes.newest')}</a>
            </li>
          ) : null}
          {more && oldest !== undefined ? (
            <li>
              <a href={`/admin/changes?before=${oldest.sequence}`} rel="next">
                {t('admin.changes.older')}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
    </Layout>
  );
}
