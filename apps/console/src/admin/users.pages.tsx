import { ROLES, type RealmUser, type RealmUserPage, type Role } from '@santunan/platform';
import { formatInstant, formatNumber } from '../i18n/format';
import type { Translate } from '../i18n/messages';
import { CsrfField, Layout } from '../views/layout';
import {
  ChoiceGroup,
  ErrorMessage,
  ErrorSummary,
  FormError,
  PostForm,
  TextField,
} from '../views/forms';
import { Table } from '../views/table';
import type { FormState } from '../web/form-state';
import type { PageContext, SignedInContext } from '../web/page-context';
import type { AdminAction, AdminChange } from './admin-change-log';

export const USERS_PAGE_SIZE = 20;

export function roleName(t: Translate, role: Role): string {
  return t(`role.${role}`);
}

export function actionLabel(t: Translate, action: AdminAction): string {
  return t(`admin.action.${action}`);
}

function fullName(user: RealmUser): string {
  return [user.firstName, user.lastName].filter((part) => part !== '').join(' ') || '—';
}

function RolesList({ t, roles }: { t: Translate; roles: readonly Role[] }) {
  if (roles.length === 0) return <span class="tag neutral">{t('admin.users.noRoles')}</span>;
  return <>{roles.map((role) => roleName(t, role)).join(', ')}</>;
}

function StatusTag({ t, enabled }: { t: Translate; enabled: boolean }) {
  return enabled ? (
    <span class="tag ok">{t('admin.users.enabled')}</span>
  ) : (
    <span class="tag bad">{t('admin.users.disabled')}</span>
  );
}

function usersHref(search: string, pageNo: number): string {
  const params = new URLSearchParams();
  if (search !== '') params.set('search', search);
  if (pageNo > 1) params.set('page', String(pageNo));
  const query = params.toString();
  return query === '' ? '/admin/users' : `/admin/users?${query}`;
}

export function UsersPage({
  page,
  search,
  pageNo,
  result,
  error,
}: {
  page: SignedInContext;
  search: string;
  pageNo: number;
  result: RealmUserPage | null;
  error: string | null;
}) {
  const { t, lang } = page;
  const pages = result === null ? 1 : Math.max(1, Math.ceil(result.total / USERS_PAGE_SIZE));
  return (
    <Layout page={page} title={t('admin.users.title')}>
      <p>{t('admin.users.intro')}</p>
      <p>
        <a class="button" href="/admin/users/new">
          {t('admin.users.new')}
        </a>
      </p>
      <form method="get" action="/admin/users" class="filters" role="search">
        <div class="field">
          <label for="f-search">{t('admin.users.search')}</label>
          <p class="hint" id="f-search-hint">
            {t('admin.users.searchHint')}
          </p>
          <input
            id="f-search"
            name="search"
            type="search"
            value={search}
            aria-describedby="f-search-hint"
            autoComplete="off"
          />
        </div>
        <button type="submit">{t('admin.users.searchSubmit')}</button>
      </form>
      <ErrorMessage message={error} />
      {result === null ? null : result.users.length === 0 ? (
        <p>{t('admin.users.none')}</p>
      ) : (
        <>
          <Table
            caption={t('admin.users.caption', {
              total: formatNumber(result.total, lang),
              page: pageNo,
              pages,
            })}
            columns={[
              t('admin.users.username'),
              t('admin.users.name'),
              t('admin.users.email'),
              t('admin.users.roles'),
              t('admin.users.status'),
            ]}
          >
            {result.users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  <a href={`/admin/users/${user.id}`}>{user.username}</a>
                </th>
                <td>{fullName(user)}</td>
                <td>{user.email || '—'}</td>
                <td>
                  <RolesList t={t} roles={user.roles} />
                </td>
                <td>
                  <StatusTag t={t} enabled={user.enabled} />
                </td>
              </tr>
            ))}
          </Table>
          <nav class="pager" aria-label={t('admin.users.pages')}>
            <ul>
              {pageNo > 1 ? (
                <li>
                  <a href={usersHref(search, pageNo - 1)} rel="prev">
                    {t('queue.previous')}
                  </a>
                </li>
              ) : null}
              {pageNo < pages ? (
                <li>
                  <a href={usersHref(search, pageNo + 1)} rel="next">
                    {t('queue.next')}
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        </>
      )}
    </Layout>
  );
}

export function NewUserPage({ page, form }: { page: SignedInContext; form: FormState }) {
  const { t } = page;
  const submitted = form.values['submitted'] === 'yes';
  const roles = (form.values['roles'] ?? '').split(',').filter((role) => role !== '');
  const labels = {
    username: t('admin.users.username'),
    firstName: t('admin.users.firstName'),
    lastName: t('admin.users.lastName'),
    email: t('admin.users.email'),
    password: t('admin.users.password'),
    roles: t('admin.users.initialRoles'),
  };
  return (
    <Layout page={page} title={t('admin.users.newTitle')}>
      <p>
        <a href="/admin/users">{t('admin.users.back')}</a>
      </p>
      <ErrorSummary page={page} form={form} labels={labels} />
      <FormError form={form} />
      <PostForm page={page} action="/admin/users/new" label={t('admin.users.newTitle')}>
        <TextField
          form={form}
          name="username"
          label={labels.username}
          required
          autocomplete="off"
        />
        <TextField form={form} name="firstName" label={labels.firstName} required />
        <TextField form={form} name="lastName" label={labels.lastName} required />
        <TextField
          form={form}
          name="email"
          label={labels.email}
          required
          autocomplete="off"
          hint={t('admin.users.emailHint')}
        />
        <PasswordField form={form} label={labels.password} hint={t('admin.users.passwordHint')} />
        <div class="choice">
          <input
            type="checkbox"
            id="f-temporaryPassword"
            name="temporaryPassword"
            value="yes"
            checked={submitted ? form.values['temporaryPassword'] === 'yes' : true}
          />
          <label for="f-temporaryPassword">{t('admin.users.temporaryPassword')}</label>
        </div>
        <ChoiceGroup
          form={form}
          name="roles"
          legend={labels.roles}
          hint={t('admin.users.initialRolesHint')}
          multiple
          choices={ROLES.map((role) => ({ value: role, label: roleName(t, role) }))}
          checked={roles}
        />
        <button type="submit">{t('admin.users.create')}</button>
      </PostForm>
    </Layout>
  );
}

/** A password input: never filled back in from a kept form. */
function PasswordField({ form, label, hint }: { form: FormState; label: string; hint: string }) {
  const errors = form.fieldErrors['password'] ?? [];
  const described = ['f-password-hint', ...(errors.length === 0 ? [] : ['f-password-error'])].join(
    ' ',
  );
  return (
    <div class={errors.length === 0 ? 'field' : 'field invalid'}>
      <label for="f-password">
        {label}
        <span class="required-mark"> *</span>
      </label>
      <p class="hint" id="f-password-hint">
        {hint}
      </p>
      {errors.length === 0 ? null : (
        <p class="field-error" id="f-password-error">
          {errors.join(' ')}
        </p>
      )}
      <input
        id="f-password"
        name="password"
        type="password"
        required
        autoComplete="new-password"
        aria-invalid={errors.length === 0 ? undefined : 'true'}
        aria-describedby={described}
      />
    </div>
  );
}

export function UserPage({
  page,
  user,
  error,
  form,
  history,
}: {
  page: SignedInContext;
  user: RealmUser | null;
  error: string | null;
  form: FormState;
  history: readonly AdminChange[];
}) {
  const { t, lang } = page;
  const title =
    user === null
      ? t('admin.user.unknownTitle')
      : t('admin.user.title', { username: user.username });
  return (
    <Layout page={page} title={title}>
      <p>
        <a href="/admin/users">{t('admin.users.back')}</a>
      </p>
      <ErrorMessage message={error ?? form.formError} />
      {user === null ? null : (
        <>
          <dl class="summary-list">
            <dt>{t('admin.users.username')}</dt>
            <dd>{user.username}</dd>
            <dt>{t('admin.users.name')}</dt>
            <dd>{fullName(user)}</dd>
            <dt>{t('admin.users.email')}</dt>
            <dd>{user.email || '—'}</dd>
            <dt>{t('admin.users.status')}</dt>
            <dd>
              <StatusTag t={t} enabled={user.enabled} />
            </dd>
            <dt>{t('admin.users.createdAt')}</dt>
            <dd>
              {user.createdTimestamp === null
                ? '—'
                : formatInstant(new Date(user.createdTimestamp).toISOString(), lang)}
            </dd>
            <dt>{t('admin.users.pendingActions')}</dt>
            <dd>
              {user.requiredActions.includes('UPDATE_PASSWORD')
                ? t('admin.users.mustChangePassword')
                : '—'}
            </dd>
          </dl>
          <section aria-labelledby="roles-title">
            <h2 id="roles-title">{t('admin.user.rolesTitle')}</h2>
            <Table
              caption={t('admin.user.rolesCaption', { username: user.username })}
              columns={[t('admin.user.role'), t('admin.user.held'), t('admin.user.change')]}
            >
              {ROLES.map((role) => {
                const held = user.roles.includes(role);
                const name = roleName(t, role);
                return (
                  <tr key={role}>
                    <th scope="row">{name}</th>
                    <td>{held ? t('admin.user.yes') : t('admin.user.no')}</td>
                    <td>
                      <form method="post" action={`/admin/users/${user.id}/roles`}>
                        <CsrfField page={page} />
                        <input type="hidden" name="role" value={role} />
                        <input type="hidden" name="change" value={held ? 'revoke' : 'grant'} />
                        <button type="submit" class={held ? 'secondary' : undefined}>
                          {held
                            ? t('admin.user.revoke', { role: name })
                            : t('admin.user.grant', { role: name })}
                        </button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </Table>
          </section>
          <section aria-labelledby="access-title">
            <h2 id="access-title">{t('admin.user.accessTitle')}</h2>
            <p>{user.enabled ? t('admin.user.enabledText') : t('admin.user.disabledText')}</p>
            <form method="post" action={`/admin/users/${user.id}/enabled`}>
              <CsrfField page={page} />
              <input type="hidden" name="enabled" value={user.enabled ? 'false' : 'true'} />
              <button type="submit" class={user.enabled ? 'danger' : undefined}>
                {user.enabled ? t('admin.user.disable') : t('admin.user.enable')}
              </button>
            </form>
          </section>
        </>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('admin.user.historyTitle')}</h2>
        <ChangesTable page={page} changes={history} showUser={false} />
      </section>
    </Layout>
  );
}

export function ChangesTable({
  page,
  changes,
  showUser,
}: {
  page: PageContext;
  changes: readonly AdminChange[];
  showUser: boolean;
}) {
  const { t, lang } = page;
  if (changes.length === 0) return <p>{t('admin.changes.none')}</p>;
  return (
    <Table
      caption={t('admin.changes.caption')}
      columns={[
        t('admin.changes.when'),
        t('admin.changes.who'),
        t('admin.changes.what'),
        showUser ? t('admin.changes.user') : null,
        t('admin.changes.role'),
        t('admin.changes.from'),
      ]}
    >
      {changes.map((change) => (
        <tr key={change.changeId}>
          <th scope="row">
            <time dateTime={change.recordedAt}>{formatInstant(change.recordedAt, lang)}</time>
          </th>
          <td>
            {change.actorName} <span>({change.actorUsername})</span>
          </td>
          <td>{actionLabel(t, change.action)}</td>
          {showUser ? (
            <td>
              {page.user?.roles.includes('admin') === true ? (
                <a href={`/admin/users/${change.userId}`}>{change.username}</a>
              ) : (
                change.username
              )}
            </td>
          ) : null}
          <td>{rolesText(t, change.role)}</td>
          <td>
            {change.sourceAddress}
            {change.userAgent === '' ? null : (
              <span title={change.userAgent}> · {browserOf(change.userAgent)}</span>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

function rolesText(t: Translate, role: string | null): string {
  if (role === null || role === '') return '—';
  return role
    .split(',')
    .map((name) => ((ROLES as readonly string[]).includes(name) ? roleName(t, name as Role) : name))
    .join(', ');
}

/** The browser's product token, enough to tell devices apart at a glance. */
function browserOf(userAgent: string): string {
  const known = /(Edg|Firefox|Chrome|Chromium|Safari)\/[\d.]+/.exec(userAgent);
  return known?.[0] ?? userAgent.slice(0, 40);
}
