import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentActor, ProblemException, type Actor } from '@santunan/platform';
import { ParticipantIdParams } from '../shared/participant-id.params';
import {
  HistoryResponse,
  ParticipantProfile,
  SearchParticipantsDto,
  SearchResponse,
} from './participant-view.dto';
import { ParticipantViewReader } from './participant-view.reader';
import { disclosureFor } from './personal-data-masking';

const DEFAULT_PAGE = 50;

function notFound(participantId: string): ProblemException {
  return new ProblemException(
    404,
    'PARTICIPANT_NOT_REGISTERED',
    'No such participant',
    `no participant with id ${participantId}`,
  );
}

/** The read side: open to every authenticated role, personal data masked by role. */
@ApiTags('participants')
@Controller('participants')
export class ParticipantViewController {
  constructor(@Inject(ParticipantViewReader) private readonly reader: ParticipantViewReader) {}

  // POST, not GET: a NIK in a query string ends up in access logs and browser history.
  @Post('search')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Search participants by NIK, name words and/or kabupaten/kota',
    description:
      'At least one criterion. Results are ordered by participant id; page with `after`.',
  })
  @ApiOkResponse({ type: SearchResponse })
  @ApiProblems({ 400: 'SEARCH_CRITERIA_MISSING' })
  async search(
    @Body() body: SearchParticipantsDto,
    @CurrentActor() actor: Actor,
  ): Promise<SearchResponse> {
    if (body.nik === undefined && body.name === undefined && body.regencyCode === undefined) {
      throw new ProblemException(
        400,
        'SEARCH_CRITERIA_MISSING',
        'Nothing to search by',
        'give at least one of nik, name or regencyCode',
      );
    }
    return this.reader.search(
      {
        ...(body.nik === undefined ? {} : { nik: body.nik }),
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.regencyCode === undefined ? {} : { regencyCode: body.regencyCode }),
        ...(body.after === undefined ? {} : { after: body.after }),
        limit: body.limit ?? DEFAULT_PAGE,
      },
      disclosureFor(actor),
    );
  }

  @Get(':participantId')
  @ApiOperation({ summary: 'A participant’s profile: current state' })
  @ApiOkResponse({ type: ParticipantProfile })
  @ApiProblems({ 404: 'PARTICIPANT_NOT_REGISTERED' })
  async profile(
    @Param() params: ParticipantIdParams,
    @CurrentActor() actor: Actor,
  ): Promise<ParticipantProfile> {
    const profile = await this.reader.profile(params.participantId, disclosureFor(actor));
    if (profile === undefined) throw notFound(params.participantId);
    return profile;
  }

  @Get(':participantId/history')
  @ApiOperation({ summary: 'A participant’s events, oldest first, with who did what and when' })
  @ApiOkResponse({ type: HistoryResponse })
  @ApiProblems({ 404: 'PARTICIPANT_NOT_REGISTERED' })
  async history(
    @Param() params: ParticipantIdParams,
    @CurrentActor() actor: Actor,
  ): Promise<HistoryResponse> {
    const history = await this.reader.history(params.participantId, disclosureFor(actor));
    if (history === undefined) throw notFound(params.participantId);
    return history;
  }
}
