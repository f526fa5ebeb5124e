import type { PageContext } from '../web/page-context';
import { Layout } from './layout';
import { navigationFor } from './navigation';

export function HomePage({ page }: { page: PageContext }) {
  const { t, user } = page;
  if (user === null) {
    return (
      <Layout page={page} title={t('home.title')}>
        <p>{t('home.signedOut')}</p>
        <p>
          <a class="button" href="/auth/login">
            {t('auth.signIn')}
          </a>
        </p>
      </Layout>
    );
  }
  const links = navigationFor(user);
  return (
    <Layout page={page} title={t('home.title')}>
      <p>{t('home.welcome', { name: user.name })}</p>
      {links.length === 0 ? (
        <p>{t('home.noRole')}</p>
      ) : (
        <ul class="home-links">
          {links.map((link) => (
            <li key={link.href}>
              <a href={link.href}>{t(link.label)}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export type ErrorKind = 'forbidden' | 'csrf' | 'notFound' | 'signInFailed' | 'server';

const STATUS: Readonly<Record<ErrorKind, number>> = {
  forbidden: 403,
  csrf: 403,
  notFound: 404,
  signInFailed: 502,
  server: 500,
};

export function errorStatus(kind: ErrorKind): number {
  return STATUS[kind];
}

export function ErrorPage({ page, kind }: { page: PageContext; kind: ErrorKind }) {
  const { t } = page;
  return (
    <Layout page={page} title={t(`error.${kind}.title`)}>
      <p>{t(`error.${kind}.body`)}</p>
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
    </Layout>
  );
}
