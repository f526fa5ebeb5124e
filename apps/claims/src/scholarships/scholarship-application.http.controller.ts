import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { ScholarshipEvent, ScholarshipState } from '@santunan/claims-domain';
import {
  accepted,
  ApiProblems,
  ApiTag,
  Roles,
  type CommandResult,
  RequestCause,
  type CommandCause,
} from '@santunan/platform';
import { bankAccountOf } from '../shared/http.dto';
import { CHECKER, MAKER, READERS } from '../shared/roles';
import {
  ApplicationParams,
  ChildParams,
  EndScholarshipDto,
  EntitlementIdParams,
  ScholarshipApplicationDto,
  ScholarshipApplicationResponse,
  SendBackInstalmentDto,
  childWorkOf,
} from './scholarship-application.dto';
import { ScholarshipApplicationHandler } from './scholarship-application.handler';

const OUTCOMES: Partial<
  Record<ScholarshipEvent['type'], ScholarshipApplicationResponse['outcome']>
> = {
  ScholarshipInstalmentProposed: 'proposed',
  ScholarshipInstalmentApproved: 'approved',
  ScholarshipInstalmentRefused: 'refused',
  ScholarshipInstalmentSentBack: 'sent-back',
};

/**
 * Scholarships (beasiswa) that follow an approved JKK death or CTT, or JKM death: each child's
 * yearly application with proof of enrolment, decided by the maker and — at or above the
 * threshold — checked by a supervisor.
 */
@ApiTag(
  'scholarships',
  'Scholarships (beasiswa) for the children after a death or total permanent disability.',
)
@Controller('scholarships/:entitlementId')
export class ScholarshipApplicationController {
  constructor(
    @Inject(ScholarshipApplicationHandler) private readonly handler: ScholarshipApplicationHandler,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'A scholarship entitlement: its children, instalments paid and pending',
  })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiProblems({ 404: 'ENTITLEMENT_NOT_FOUND' })
  async read(
    @Param() params: EntitlementIdParams,
  ): Promise<ScholarshipState & { version: number }> {
    const { state, version } = await this.handler.read(params.entitlementId);
    return { ...state, version };
  }

  @Post('applications')
  @HttpCode(201)
  @Roles(...MAKER)
  @ApiOperation({
    summary: 'Decide a child’s yearly application (maker)',
    description:
      'The level’s yearly amount under the rule set of the incident, if the child is under 23, ' +
      'unmarried and not working on the application date and the level’s years are not used up.',
  })
  @ApiOkResponse({ type: ScholarshipApplicationResponse })
  @ApiProblems({
    404: 'ENTITLEMENT_NOT_FOUND',
    409: ['ENTITLEMENT_NOT_GRANTED', 'INSTALMENT_PENDING', 'SCHOLARSHIP_ENDED_FOR_CHILD'],
    422: [
      'CHILD_NOT_IN_ENTITLEMENT',
      'SCHOOL_YEAR_MISMATCH',
      'SCHOLARSHIP_DOCUMENTS_INCOMPLETE',
      'APPLICATION_DATE_IN_FUTURE',
    ],
  })
  async apply(
    @Param() params: EntitlementIdParams,
    @Body() body: ScholarshipApplicationDto,
    @RequestCause() cause: CommandCause,
  ): Promise<ScholarshipApplicationResponse> {
    const { applicationId, result } = await this.handler.apply(
      params.entitlementId,
      {
        childId: body.childId,
        applicationDate: body.applicationDate,
        schoolYear: body.schoolYear,
        level: body.level,
        enrolment: {
          schoolName: body.enrolment.schoolName,
          evidenceReference: body.enrolment.evidenceReference,
        },
        child: { married: body.child.married, work: childWorkOf(body.child.work) },
        documents: body.documents.map(({ code, reference }) => ({ code, reference })),
        payee: {
          holder: body.payee.holder,
          fullName: body.payee.fullName,
          bankAccount: bankAccountOf(body.payee.bankAccount),
        },
      },
      cause,
    );
    return this.respond(params.entitlementId, applicationId, body.childId, result);
  }

  @Post('applications/:applicationId/approval')
  @HttpCode(200)
  @Roles(...CHECKER)
  @ApiOperation({ summary: 'Approve a proposed instalment (checker, not the maker)' })
  @ApiOkResponse({ type: ScholarshipApplicationResponse })
  @ApiProblems({
    403: 'MAKER_CHECKER_SAME_PERSON',
    404: 'ENTITLEMENT_NOT_FOUND',
    409: ['NO_INSTALMENT_PROPOSED', 'APPLICATION_ALREADY_DECIDED'],
  })
  async approve(
    @Param() params: ApplicationParams,
    @RequestCause() cause: CommandCause,
  ): Promise<ScholarshipApplicationResponse> {
    const { actor } = cause;
    const result = await this.handler.decide(
      params.entitlementId,
      {
        type: 'ApproveScholarshipInstalment',
        applicationId: params.applicationId,
        supervisorId: actor.id,
      },
      cause,
    );
    return this.respond(params.entitlementId, params.applicationId, null, result);
  }

  @Post('applications/:applicationId/send-back')
  @HttpCode(200)
  @Roles(...CHECKER)
  @ApiOperation({ summary: 'Send a proposed instalment back (checker)' })
  @ApiOkResponse({ type: ScholarshipApplicationResponse })
  @ApiProblems({
    403: 'MAKER_CHECKER_SAME_PERSON',
    404: 'ENTITLEMENT_NOT_FOUND',
    409: 'NO_INSTALMENT_PROPOSED',
  })
  async sendBack(
    @Param() params: ApplicationParams,
    @Body() body: SendBackInstalmentDto,
    @RequestCause() cause: CommandCause,
  ): Promise<ScholarshipApplicationResponse> {
    const { actor } = cause;
    const result = await this.handler.decide(
      params.entitlementId,
      {
        type: 'SendBackScholarshipInstalment',
        applicationId: params.applicationId,
        supervisorId: actor.id,
        reason: body.reason,
      },
      cause,
    );
    return this.respond(params.entitlementId, params.applicationId, null, result);
  }

  @Post('children/:childId/end')
  @HttpCode(200)
  @Roles(...MAKER)
  @ApiOperation({ summary: 'End a child’s scholarship (married, working, or turned 23)' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiProblems({
    404: 'ENTITLEMENT_NOT_FOUND',
    422: ['CHILD_NOT_IN_ENTITLEMENT', 'AGE_LIMIT_NOT_REACHED', 'DATE_INVALID'],
  })
  async end(
    @Param() params: ChildParams,
    @Body() body: EndScholarshipDto,
    @RequestCause() cause: CommandCause,
  ): Promise<ScholarshipState & { version: number }> {
    const result = accepted(
      await this.handler.decide(
        params.entitlementId,
        {
          type: 'EndScholarshipForChild',
          childId: params.childId,
          reason: body.reason,
          endedOn: body.endedOn,
          officerId: cause.actor.id,
        },
        cause,
      ),
    );
    return { ...result.state, version: result.version };
  }

  /** The response names the decided child and instalment from the appended events. */
  private async respond(
    entitlementId: string,
    applicationId: string,
    childId: string | null,
    decided: CommandResult<ScholarshipState>,
  ): Promise<ScholarshipApplicationResponse> {
    const result = accepted(decided);
    // The appended events, opened: the instalment's payee is sealed in the stored form.
    const events = await this.handler.opened(result.events);
    let outcome: ScholarshipApplicationResponse['outcome'] | undefined;
    let decidedChildId = childId;
    let instalment: ScholarshipApplicationResponse['instalment'] = null;
    let reasons: ScholarshipApplicationResponse['reasons'] = [];
    let endedForChild: string | null = null;
    for (const event of events) {
      switch (event.type) {
        case 'ScholarshipInstalmentProposed':
        case 'ScholarshipInstalmentApproved':
          outcome = OUTCOMES[event.type];
          decidedChildId = event.data.childId;
          instalment = { ...event.data };
          break;
        case 'ScholarshipInstalmentRefused':
        case 'ScholarshipInstalmentSentBack':
          outcome = OUTCOMES[event.type];
          decidedChildId = event.data.childId;
          if (event.type === 'ScholarshipInstalmentRefused') reasons = event.data.reasons;
          break;
        case 'ScholarshipEndedForChild':
          endedForChild = event.data.reason;
          break;
        case 'ScholarshipEntitlementGranted':
        case 'ScholarshipEntitlementRefused':
          break;
        default: {
          const _exhaustive: never = event;
          return _exhaustive;
        }
      }
    }
    if (outcome === undefined || decidedChildId === null) {
      throw new Error('an accepted scholarship command decided no application');
    }
    const response: ScholarshipApplicationResponse = {
      entitlementId,
      applicationId,
      childId: decidedChildId,
      outcome,
      instalment,
      reasons,
      endedForChild,
      version: result.version,
    };
    return response;
  }
}
