import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../i18n/messages';
import { CSRF_FIELD } from '../web/csrf';
import type { PageContext } from '../web/page-context';
import { navigationFor } from './navigation';

export function CsrfField({ page }: { page: PageContext }) {
  return <input type="hidden" name={CSRF_FIELD} value={page.csrfToken} />;
}

function roleLabel(role: string): MessageKey {
  return `role.${role}` as MessageKey;
}

function LanguageSwitch({ page }: { page: PageContext }) {
  const back = encodeURIComponent(page.path);
  // Each language is named in itself, so someone who reads only that one can find it.
  return (
    <nav class="language" aria-label={page.t('layout.language')}>
      <ul>
        <li>
          {page.lang === 'id' ? (
            <span aria-current="true" lang="id">
              Bahasa Indonesia
            </span>
          ) : (
            <a href={`/lang/id?returnTo=${back}`} lang="id" hreflang="id">
              Bahasa Indonesia
            </a>
          )}
        </li>
        <li>
          {page.lang === 'en' ? (
            <span aria-current="true" lang="en">
              English
            </span>
          ) : (
            <a href={`/lang/en?returnTo=${back}`} lang="en" hreflang="en">
              English
            </a>
          )}
        </li>
      </ul>
    </nav>
  );
}

function currentPath(page: PageContext): string {
  return page.path.split('?')[0] ?? '/';
}

export function Layout({
  page,
  title,
  children,
}: {
  page: PageContext;
  title: string;
  children?: ComponentChildren;
}) {
  const { t, user } = page;
  const here = currentPath(page);
  return (
    <html lang={page.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t('layout.documentTitle', { title })}</title>
        {/* No inline styles (CSP): htmx must not add its indicator style element. */}
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false}' />
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/console.css" />
        <script src="/assets/htmx.min.js" defer></script>
        <script src="/assets/console.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <p class="brand">
            <a href="/">{t('app.name')}</a>
          </p>
          <LanguageSwitch page={page} />
          {user === null ? null : (
            <div class="user">
              <p>
                <span class="user-name">{t('layout.signedInAs', { name: user.name })}</span>{' '}
                <span class="user-roles">
                  {t('layout.roles', {
                    roles: user.roles.map((role) => t(roleLabel(role))).join(', ') || '—',
                  })}
                </span>
              </p>
              <form method="post" action="/auth/logout">
                <CsrfField page={page} />
                <button type="submit" class="secondary">
                  {t('layout.signOut')}
                </button>
              </form>
            </div>
          )}
          {user === null ? null : (
            <nav class="main-nav" aria-label={t('layout.navigation')}>
              <ul>
                {navigationFor(user).map((link) => (
                  <li key={link.href}>
                    <a
                      href={link.href}
                      aria-current={
                        here === link.href || here.startsWith(`${link.href}/`) ? 'page' : undefined
                      }
                    >
                      {t(link.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <main id="main" tabIndex={-1}>
          <h1>{title}</h1>
          {page.notice === null ? null : (
            <p
              class={`notice ${page.notice.kind}`}
              role={page.notice.kind === 'error' ? 'alert' : 'status'}
            >
              {page.notice.text}
            </p>
          )}
          {children}
        </main>
        <footer class="site-footer">
          <p>{t('layout.footer')}</p>
        </footer>
      </body>
    </html>
  );
}
