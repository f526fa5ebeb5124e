import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  RealmUsers,
  checkEnabledChange,
  checkInitialRoles,
  checkRoleChange,
  type RealmUsersProblem,
} from '@santunan/platform';
import type { Request, Response } from 'express';
import { RequireRoles } from '../auth/page-access';
import { repeatedField, textFields, type FormState } from '../web/form-state';
import { Page, keepForm, notify, takeForm, type SignedInContext } from '../web/page-context';
import { PageNotFound } from '../web/page-exceptions';
import { backToForm, seeOther, sendPage } from '../web/render';
import { AdminChangeLog, type AdminAction } from './admin-change-log';
import { identityProblemMessage, refusalMessage } from './admin-problems';
import { NewUserPage, UserPage, UsersPage, USERS_PAGE_SIZE } from './users.pages';

const USER_ID = new ParseUUIDPipe({ exceptionFactory: () => new PageNotFound() });
const NEW_USER_FORM = 'admin:new-user';

function pageNumber(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 1 && parsed <= 100_000 ? parsed : 1;
}

/** Where the request came from, as the console saw it (behind a proxy: its forwarded client). */
export function sourceOf(request: Request): { sourceAddress: string; userAgent: string } {
  return {
    sourceAddress: request.ip ?? request.socket.remoteAddress ?? 'unknown',
    userAgent: request.get('user-agent') ?? '',
  };
}

/**
 * People and their santunan roles, through Keycloak's admin API with the administrator's own
 * token (ADR 0033); every change recorded in the admin change log.
 */
@Controller('admin')
@RequireRoles('admin')
export class UsersController {
  constructor(
    @Inject(RealmUsers) private readonly users: RealmUsers,
    @Inject(AdminChangeLog) private readonly changes: AdminChangeLog,
  ) {}

  @Get()
  async home(@Req() request: Request, @Res() response: Response): Promise<void> {
    await seeOther(request, response, '/admin/users');
  }

  @Get('users')
  async list(
    @Query('search') search: string | undefined,
    @Query('page') pageParam: string | undefined,
    @Page() page: SignedInContext,
    @Res() response: Response,
  ): Promise<void> {
    const pageNo = pageNumber(pageParam);
    const query = (search ?? '').trim().slice(0, 100);
    const result = await this.users.list(page.accessToken, {
      search: query,
      first: (pageNo - 1) * USERS_PAGE_SIZE,
      max: USERS_PAGE_SIZE,
    });
    sendPage(
      response,
      UsersPage({
        page,
        search: query,
        pageNo,
        result: result.ok ? result.value : null,
        error: result.ok ? null : identityProblemMessage(page.t, result.problem),
      }),
      result.ok ? 200 : result.problem.code === 'IDENTITY_FORBIDDEN' ? 403 : 502,
    );
  }

  @Get('users/new')
  newUser(@Page() page: SignedInContext, @Req() request: Request, @Res() response: Response): void {
    sendPage(response, NewUserPage({ page, form: takeForm(request, NEW_USER_FORM) }));
  }

  @Post('users/new')
  async create(
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const roles = repeatedField(body, 'roles');
    const kept = { ...values, roles: roles.join(','), submitted: 'yes' };
    const fieldErrors: Record<string, string[]> = {};
    const username = (values['username'] ?? '').trim().toLowerCase();
    const firstName = (values['firstName'] ?? '').trim();
    const lastName = (values['lastName'] ?? '').trim();
    const email = (values['email'] ?? '').trim();
    const password = values['password'] ?? '';
    // Keycloak asks for names and an email at sign-in unless they are given now.
    for (const [name, value] of Object.entries({
      username,
      firstName,
      lastName,
      email,
      password,
    })) {
      if (value === '') fieldErrors[name] = [page.t('constraint.isNotEmpty')];
    }
    const initial = checkInitialRoles(roles);
    if (!initial.allowed) fieldErrors['roles'] = [refusalMessage(page.t, initial.refusal)];
    if (Object.keys(fieldErrors).length > 0 || !initial.allowed) {
      await backToForm(
        request,
        response,
        NEW_USER_FORM,
        { values: kept, fieldErrors, formError: null },
        '/admin/users/new',
      );
      return;
    }
    const created = await this.users.create(page.accessToken, {
      username,
      firstName,
      lastName,
      email,
      password,
      temporaryPassword: values['temporaryPassword'] === 'yes',
      roles: initial.value,
    });
    if (!created.ok) {
      await backToForm(
        request,
        response,
        NEW_USER_FORM,
        { values: kept, ...formErrorsOfIdentity(page, created.problem) },
        '/admin/users/new',
      );
      return;
    }
    await this.record(
      page,
      request,
      'user-created',
      created.value.id,
      username,
      initial.value.join(','),
    );
    notify(request, 'success', page.t('admin.users.created', { username }));
    await seeOther(request, response, `/admin/users/${created.value.id}`);
  }

  @Get('users/:userId')
  async user(
    @Param('userId', USER_ID) userId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const found = await this.users.get(page.accessToken, userId);
    if (!found.ok && found.problem.code === 'USER_NOT_FOUND') throw new PageNotFound();
    const history = await this.changes.latest({ userId, limit: 20 });
    sendPage(
      response,
      UserPage({
        page,
        user: found.ok ? found.value : null,
        error: found.ok ? null : identityProblemMessage(page.t, found.problem),
        form: takeForm(request, `admin:user:${userId}`),
        history: history.changes,
      }),
      found.ok ? 200 : 502,
    );
  }

  @Post('users/:userId/roles')
  async changeRole(
    @Param('userId', USER_ID) userId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const change = values['change'] === 'revoke' ? 'revoke' : 'grant';
    const back = `/admin/users/${userId}`;
    const check = checkRoleChange({
      actorId: page.user.id,
      userId,
      role: values['role'] ?? '',
      change,
    });
    if (!check.allowed) {
      this.refuse(request, userId, refusalMessage(page.t, check.refusal));
      await seeOther(request, response, back);
      return;
    }
    const target = await this.users.get(page.accessToken, userId);
    if (!target.ok) {
      this.refuse(request, userId, identityProblemMessage(page.t, target.problem));
      await seeOther(request, response, back);
      return;
    }
    const role = check.value;
    const holds = target.value.roles.includes(role);
    if (holds === (change === 'grant')) {
      // Nothing to change (a second click, another administrator first): nothing recorded.
      notify(
        request,
        'success',
        page.t(holds ? 'admin.roles.alreadyHeld' : 'admin.roles.notHeld', {
          username: target.value.username,
          role: page.t(`role.${role}`),
        }),
      );
      await seeOther(request, response, back);
      return;
    }
    const result =
      change === 'grant'
        ? await this.users.grantRole(page.accessToken, userId, role)
        : await this.users.revokeRole(page.accessToken, userId, role);
    if (!result.ok) {
      this.refuse(request, userId, identityProblemMessage(page.t, result.problem));
      await seeOther(request, response, back);
      return;
    }
    await this.record(
      page,
      request,
      change === 'grant' ? 'role-granted' : 'role-revoked',
      userId,
      target.value.username,
      role,
    );
    notify(
      request,
      'success',
      page.t(change === 'grant' ? 'admin.roles.granted' : 'admin.roles.revoked', {
        username: target.value.username,
        role: page.t(`role.${role}`),
      }),
    );
    await seeOther(request, response, back);
  }

  @Post('users/:userId/enabled')
  async setEnabled(
    @Param('userId', USER_ID) userId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const enabled = textFields(body)['enabled'] === 'true';
    const back = `/admin/users/${userId}`;
    const check = checkEnabledChange({ actorId: page.user.id, userId, enabled });
    if (!check.allowed) {
      this.refuse(request, userId, refusalMessage(page.t, check.refusal));
      await seeOther(request, response, back);
      return;
    }
    const target = await this.users.get(page.accessToken, userId);
    const result = target.ok
      ? target.value.enabled === enabled
        ? ({ ok: true, value: undefined } as const)
        : await this.users.setEnabled(page.accessToken, userId, enabled)
      : target;
    if (!result.ok) {
      this.refuse(request, userId, identityProblemMessage(page.t, result.problem));
      await seeOther(request, response, back);
      return;
    }
    if (target.ok && target.value.enabled !== enabled) {
      await this.record(
        page,
        request,
        enabled ? 'user-enabled' : 'user-disabled',
        userId,
        target.value.username,
        null,
      );
    }
    const username = target.ok ? target.value.username : userId;
    notify(
      request,
      'success',
      page.t(enabled ? 'admin.users.enabledNotice' : 'admin.users.disabledNotice', { username }),
    );
    await seeOther(request, response, back);
  }

  private refuse(request: Request, userId: string, message: string): void {
    keepForm(request, `admin:user:${userId}`, { values: {}, fieldErrors: {}, formError: message });
  }

  private async record(
    page: SignedInContext,
    request: Request,
    action: AdminAction,
    userId: string,
    username: string,
    role: string | null,
  ): Promise<void> {
    await this.changes.record({
      actorId: page.user.id,
      actorName: page.user.name,
      actorUsername: page.user.username,
      action,
      userId,
      username,
      role: role === '' ? null : role,
      ...sourceOf(request),
    });
  }
}

/** Keycloak's refusal of a new user: beside the field it is about, or for the whole form. */
function formErrorsOfIdentity(
  page: SignedInContext,
  problem: RealmUsersProblem,
): Pick<FormState, 'fieldErrors' | 'formError'> {
  const message = identityProblemMessage(page.t, problem);
  if (problem.field !== null)
    return { fieldErrors: { [problem.field]: [message] }, formError: null };
  return { fieldErrors: {}, formError: message };
}
