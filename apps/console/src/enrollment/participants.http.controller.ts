import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRoles } from '../auth/page-access';
import { PeopleDirectory } from '../people/people-directory';
import type { ServiceResult } from '../services/service-client';
import { EMPTY_FORM, textFields } from '../web/form-state';
import { Page, notify, takeForm, type SignedInContext } from '../web/page-context';
import { PageNotFound } from '../web/page-exceptions';
import { problemMessage, type CodeFields } from '../web/problem-messages';
import { searchParticipants } from '../web/participant-search';
import { backToForm, seeOther, sendPage } from '../web/render';
import { EnrollmentOfficeApi, type ParticipantRecord } from './enrollment-office.api';
import {
  childBody,
  correctionBody,
  deathBody,
  enrollmentFormErrors,
  EXTRA_HEIR_ROWS,
  heirRowsOf,
  heirsBody,
  incomeChangeBody,
  MAX_HEIR_ROWS,
  MIN_HEIR_ROWS,
  registrationBody,
} from './enrollment-forms';
import {
  ChildPage,
  DeathPage,
  DetailsPage,
  HeirsPage,
  heirRowValues,
  IncomePage,
  RegisterPage,
  SearchPage,
} from './enrollment-forms.pages';
import { participantPath } from './enrollment-labels';
import { ParticipantPage, type Section } from './participant.page';

const ANY_UUID = new ParseUUIDPipe({ exceptionFactory: () => new PageNotFound() });

/** Refusals the service places on no field but the form can: where each belongs. */
const INCOME_CODES: CodeFields = { INCOME_EFFECTIVE_MONTH_INVALID: 'effectiveFrom' };
const REGISTER_CODES: CodeFields = { INCOME_EFFECTIVE_MONTH_INVALID: 'incomeEffectiveFrom' };
const CHILD_CODES: CodeFields = { CHILD_INVALID: 'fullName' };
/** The service names `/dateOfDeath` itself; a conflict with the recorded date is the page's. */
const DEATH_CODES: CodeFields = {};

type FormName = 'register' | 'income' | 'details' | 'heirs' | 'child' | 'death';

function formKey(form: FormName, participantId = ''): string {
  return `enrollment:${form}:${participantId}`;
}

function section<T>(page: SignedInContext, result: ServiceResult<T>): Section<T> {
  return result.ok
    ? { value: result.value }
    : { unavailable: problemMessage(page.t, result.problem) };
}

/**
 * The enrollment officer's pages: find a participant (by NIK, POSTed so it stays out of URLs,
 * or by name), the participant's page, and the forms that register, correct, change the declared
 * income, designate heirs, register children and record a death reported to enrollment. Every command goes to the enrollment service
 * with the officer's own token; its refusals come back beside the fields they name.
 */
@Controller('enrollment/participants')
@RequireRoles('enrollment-officer', 'admin')
export class EnrollmentParticipantsController {
  constructor(
    @Inject(EnrollmentOfficeApi) private readonly api: EnrollmentOfficeApi,
    @Inject(PeopleDirectory) private readonly people: PeopleDirectory,
  ) {}

  @Get()
  search(@Page() page: SignedInContext, @Res() response: Response): void {
    sendPage(response, SearchPage({ page, form: EMPTY_FORM, results: null }));
  }

  /** Answered directly, not redirected: a search changes nothing, and the NIK stays out of URLs. */
  @Post('search')
  async searchResults(
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const { form, results, status } = await searchParticipants(values, {
      noCriteria: page.t('enrollment.search.criteria'),
      search: (criteria) => this.api.search(page.accessToken, criteria),
      refusal: (problem) => enrollmentFormErrors(page.t, problem, values),
    });
    sendPage(response, SearchPage({ page, form, results }), status);
  }

  @Get('new')
  newParticipant(
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    sendPage(response, RegisterPage({ page, form: takeForm(request, formKey('register')) }));
  }

  @Post('new')
  async register(
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const result = await this.api.register(page.accessToken, registrationBody(values));
    if (result.ok) {
      notify(
        request,
        'success',
        page.t(
          result.value.outcome === 'registered'
            ? 'enrollment.register.done'
            : 'enrollment.register.already',
        ),
      );
      // Heirs next: the registration API takes none, the designation follows it.
      await seeOther(request, response, participantPath(result.value.participantId, '/heirs'));
      return;
    }
    const existing = result.problem.extensions['participantId'];
    if (
      result.problem.code === 'PARTICIPANT_ALREADY_REGISTERED' &&
      typeof existing === 'string' &&
      /^[0-9a-f-]{36}$/i.test(existing)
    ) {
      // The NIK is someone's already: their page, where the details can be corrected.
      notify(request, 'error', page.t('enrollment.register.conflict'));
      await seeOther(request, response, participantPath(existing));
      return;
    }
    await this.refused(
      request,
      response,
      page,
      formKey('register'),
      values,
      result.problem,
      '/enrollment/participants/new',
      REGISTER_CODES,
    );
  }

  @Get(':participantId')
  async participant(
    @Param('participantId', ANY_UUID) participantId: string,
    @Page() page: SignedInContext,
    @Res() response: Response,
  ): Promise<void> {
    const token = page.accessToken;
    const [profile, coverage, history] = await Promise.all([
      this.api.profile(token, participantId),
      this.api.coverage(token, participantId),
      this.api.history(token, participantId),
    ]);
    if (!profile.ok) {
      if (profile.problem.status === 404) throw new PageNotFound();
      throw new Error(`the enrollment service answered ${profile.problem.code}`);
    }
    const people = await this.people.namesOf([
      profile.value.registeredBy,
      ...(history.ok ? history.value.events.map((event) => event.actor.id) : []),
    ]);
    sendPage(
      response,
      ParticipantPage({
        page,
        participant: profile.value,
        coverage: section(page, coverage),
        history: history.ok ? { value: history.value.events } : section(page, history),
        people,
      }),
    );
  }

  @Get(':participantId/income')
  async incomeForm(
    @Param('participantId', ANY_UUID) participantId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const participant = await this.profileOf(page, participantId);
    sendPage(
      response,
      IncomePage({ page, participant, form: takeForm(request, formKey('income', participantId)) }),
    );
  }

  @Post(':participantId/income')
  async changeIncome(
    @Param('participantId', ANY_UUID) participantId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const result = await this.api.changeIncome(
      page.accessToken,
      participantId,
      incomeChangeBody(values),
    );
    await this.answer(
      request,
      response,
      page,
      'income',
      participantId,
      values,
      result,
      'enrollment.income.done',
      INCOME_CODES,
    );
  }

  @Get(':participantId/death')
  async deathForm(
    @Param('participantId', ANY_UUID) participantId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const participant = await this.profileOf(page, participantId);
    // A death is recorded once: the participant's page shows it.
    if (participant.status === 'deceased') {
      await seeOther(request, response, participantPath(participantId));
      return;
    }
    sendPage(
      response,
      DeathPage({ page, participant, form: takeForm(request, formKey('death', participantId)) }),
    );
  }

  @Post(':participantId/death')
  async recordDeath(
    @Param('participantId', ANY_UUID) participantId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const result = await this.api.recordDeath(page.accessToken, participantId, deathBody(values));
    await this.answer(
      request,
      response,
      page,
      'death',
      participantId,
      values,
      result,
      'enrollment.death.done',
      DEATH_CODES,
    );
  }

  @Get(':participantId/details')
  async detailsForm(
    @Param('participantId', ANY_UUID) participantId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const participant = await this.profileOf(page, participantId);
    sendPage(
      response,
      DetailsPage({
        page,
        participant,
        form: takeForm(request, formKey('details', participantId)),
      }),
    );
  }

  @Post(':participantId/details')
  async correctDetails(
    @Param('participantId', ANY_UUID) participantId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const result = await this.api.correctDetails(
      page.accessToken,
      participantId,
      correctionBody(values),
    );
    await this.answer(
      request,
      response,
      page,
      'details',
      participantId,
      values,
      result,
      'enrollment.details.done',
      {
        CORRECTION_EMPTY: 'fullName',
      },
    );
  }

  @Get(':participantId/heirs')
  async heirsForm(
    @Param('participantId', ANY_UUID) participantId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const participant = await this.profileOf(page, participantId);
    const kept = takeForm(request, formKey('heirs', participantId));
    const form = kept === EMPTY_FORM ? { ...EMPTY_FORM, values: heirRowValues(participant) } : kept;
    const wanted = Number(form.values['rows'] ?? '0');
    const rows = Math.min(
      MAX_HEIR_ROWS,
      Math.max(
        MIN_HEIR_ROWS,
        participant.heirs.length + EXTRA_HEIR_ROWS,
        heirRowsOf(form.values),
        Number.isInteger(wanted) ? wanted : 0,
      ),
    );
    sendPage(response, HeirsPage({ page, participant, form, rows }));
  }

  @Post(':participantId/heirs')
  async designateHeirs(
    @Param('participantId', ANY_UUID) participantId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const rows = Math.min(
      MAX_HEIR_ROWS,
      Math.max(heirRowsOf(values), Number(values['rows'] ?? '0') || 0),
    );
    const formUrl = participantPath(participantId, '/heirs');
    if (values['addRow'] !== undefined) {
      // Another empty row, without sending anything yet (works without JavaScript).
      const { addRow: _added, ...kept } = values;
      await backToForm(
        request,
        response,
        formKey('heirs', participantId),
        { ...EMPTY_FORM, values: { ...kept, rows: String(Math.min(MAX_HEIR_ROWS, rows + 1)) } },
        formUrl,
      );
      return;
    }
    const result = await this.api.designateHeirs(
      page.accessToken,
      participantId,
      heirsBody(values, rows),
    );
    await this.answer(
      request,
      response,
      page,
      'heirs',
      participantId,
      values,
      result,
      'enrollment.heirs.done',
    );
  }

  @Get(':participantId/children/new')
  async childForm(
    @Param('participantId', ANY_UUID) participantId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const participant = await this.profileOf(page, participantId);
    const kept = takeForm(request, formKey('child', participantId));
    // A child id chosen now: sending the form twice registers the child once.
    const form =
      kept.values['childId'] === undefined || kept.values['childId'] === ''
        ? { ...kept, values: { ...kept.values, childId: randomUUID() } }
        : kept;
    sendPage(response, ChildPage({ page, participant, form }));
  }

  @Post(':participantId/children/new')
  async registerChild(
    @Param('participantId', ANY_UUID) participantId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const result = await this.api.registerChild(page.accessToken, participantId, childBody(values));
    await this.answer(
      request,
      response,
      page,
      'child',
      participantId,
      values,
      result,
      'enrollment.child.done',
      CHILD_CODES,
    );
  }

  private async profileOf(
    page: SignedInContext,
    participantId: string,
  ): Promise<ParticipantRecord> {
    const profile = await this.api.profile(page.accessToken, participantId);
    if (profile.ok) return profile.value;
    if (profile.problem.status === 404) throw new PageNotFound();
    throw new Error(`the enrollment service answered ${profile.problem.code}`);
  }

  /** POST → 303 → GET: accepted, to the participant's page; refused, back to the form. */
  private async answer<T>(
    request: Request,
    response: Response,
    page: SignedInContext,
    form: Exclude<FormName, 'register'>,
    participantId: string,
    values: Record<string, string>,
    result: ServiceResult<T>,
    done:
      | 'enrollment.income.done'
      | 'enrollment.details.done'
      | 'enrollment.heirs.done'
      | 'enrollment.child.done'
      | 'enrollment.death.done',
    codeFields: CodeFields = {},
  ): Promise<void> {
    if (result.ok) {
      notify(request, 'success', page.t(done));
      await seeOther(request, response, participantPath(participantId));
      return;
    }
    const formUrl = participantPath(participantId, form === 'child' ? '/children/new' : `/${form}`);
    await this.refused(
      request,
      response,
      page,
      formKey(form, participantId),
      values,
      result.problem,
      formUrl,
      codeFields,
    );
  }

  private async refused(
    request: Request,
    response: Response,
    page: SignedInContext,
    key: string,
    values: Record<string, string>,
    problem: Extract<ServiceResult<unknown>, { ok: false }>['problem'],
    formUrl: string,
    codeFields: CodeFields,
  ): Promise<void> {
    const errors = enrollmentFormErrors(page.t, problem, values, codeFields);
    // A conflict with the participant's state (already registered, deceased, two children)
    // is the page's notice; the values stay in the form.
    const pageNotice = problem.status === 409 && errors.formError !== null;
    if (pageNotice) notify(request, 'error', errors.formError);
    await backToForm(
      request,
      response,
      key,
      pageNotice
        ? { values, fieldErrors: errors.fieldErrors, formError: null }
        : { values, ...errors },
      formUrl,
    );
  }
}
