import 'reflect-metadata';
import {
  Body,
  ConflictException,
  Controller,
  Get,
  NotFoundException,
  Post,
  type INestApplication,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Min, ValidateNested } from 'class-validator';
import request from 'supertest';
import { MAX_JSON_BODY_BYTES, MAX_JSON_BODY_DEPTH } from './body-limits';
import { ProblemDetailsModule } from './problem-details.module';
import { ProblemException } from './problem.exception';

class HeirDto {
  @IsString()
  @IsNotEmpty()
  name!: string;
}

class SubmitClaimDto {
  @IsString()
  @IsNotEmpty()
  participantId!: string;

  @IsInt()
  @Min(1)
  amount!: number;

  @ValidateNested({ each: true })
  @Type(() => HeirDto)
  heirs!: HeirDto[];
}

@Controller('claims')
class ClaimsController {
  @Post()
  submit(@Body() body: SubmitClaimDto): { received: SubmitClaimDto; isDto: boolean } {
    return { received: body, isDto: body instanceof SubmitClaimDto };
  }

  @Get('missing')
  missing(): never {
    throw new NotFoundException('claim C-404 does not exist');
  }

  @Get('conflict')
  conflict(): never {
    throw new ConflictException('claim C-1 was changed by someone else');
  }

  @Get('decided')
  decided(): never {
    throw new ProblemException(
      422,
      'CLAIM_ALREADY_DECIDED',
      'Claim already decided',
      'Claim C-1 was approved on 2025-01-15.',
      {
        claimId: 'C-1',
      },
    );
  }

  @Get('bug')
  bug(): never {
    throw new Error('connection to postgres://svc:s3cret@db failed near NIK 5371014107900001');
  }
}

describe('problem details at the HTTP edge', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ProblemDetailsModule],
      controllers: [ClaimsController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);

  it('passes a valid body through, transformed into its DTO', async () => {
    const body = { participantId: 'P-1', amount: 70_000_000, heirs: [{ name: 'Siti' }] };
    const response = await http().post('/claims').send(body).expect(201);
    expect(response.body).toEqual({ received: body, isDto: true });
  });

  it('answers an invalid body with VALIDATION_FAILED listing each field (a JSON pointer) and constraint, without echoing values', async () => {
    const response = await http()
      .post('/claims')
      .send({ participantId: '', amount: 0.5, heirs: [{ name: '' }], nik: '5371014107900001' })
      .expect(400)
      .expect('Content-Type', /^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'urn:santunan:problem:validation-failed',
      title: 'The request is not valid',
      status: 400,
      code: 'VALIDATION_FAILED',
      instance: '/claims',
    });
    const errors = (response.body as { errors: Array<{ field: string; constraint: string }> })
      .errors;
    expect(errors.map(({ field, constraint }) => `${field}:${constraint}`).sort()).toEqual([
      '/amount:isInt',
      '/amount:min',
      '/heirs/0/name:isNotEmpty',
      '/nik:whitelistValidation',
      '/participantId:isNotEmpty',
    ]);
    expect(JSON.stringify(response.body)).not.toContain('5371014107900001');
  });

  it.each([
    ['/claims/missing', 404, 'NOT_FOUND', 'claim C-404 does not exist'],
    ['/claims/conflict', 409, 'CONFLICT', 'claim C-1 was changed by someone else'],
    ['/no-such-route', 404, 'NOT_FOUND', 'Cannot GET /no-such-route'],
  ])('maps %s to %i %s', async (path, status, code, detail) => {
    const response = await http()
      .get(path)
      .expect(status)
      .expect('Content-Type', /^application\/problem\+json/);
    expect(response.body).toEqual({
      type: `urn:santunan:problem:${code.toLowerCase().replace('_', '-')}`,
      title: expect.any(String),
      status,
      code,
      detail,
      instance: path,
    });
  });

  it('renders a domain error raised as a ProblemException with its own code and extensions', async () => {
    const response = await http().get('/claims/decided?nik=5371014107900001').expect(422);
    expect(response.body).toEqual({
      type: 'urn:santunan:problem:claim-already-decided',
      title: 'Claim already decided',
      status: 422,
      detail: 'Claim C-1 was approved on 2025-01-15.',
      code: 'CLAIM_ALREADY_DECIDED',
      // The path only: a query string may hold personal data.
      instance: '/claims/decided',
      claimId: 'C-1',
    });
  });

  it('hides the internals of an unexpected error behind INTERNAL_ERROR', async () => {
    const response = await http().get('/claims/bug').expect(500);
    expect(response.body).toMatchObject({
      status: 500,
      code: 'INTERNAL_ERROR',
      title: 'Internal Server Error',
    });
    expect(JSON.stringify(response.body)).not.toMatch(/s3cret|postgres|5371014107900001|at /);
  });

  it('answers a body that is not JSON with BAD_REQUEST, without quoting the body', async () => {
    const response = await http()
      .post('/claims')
      .set('Content-Type', 'application/json')
      .send('{"nik":"5371014107900001" x')
      .expect(400)
      .expect('Content-Type', /^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      detail: 'The body is not valid JSON.',
    });
    expect(JSON.stringify(response.body)).not.toContain('5371014107900001');
  });

  it.each([
    ['objects', (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`],
    ['arrays', (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`],
  ])(
    'answers a body of %s nested 10,000 deep with 400 BODY_TOO_DEEP before validation, and keeps serving',
    async (_kind, nested) => {
      const response = await http()
        .post('/claims')
        .set('Content-Type', 'application/json')
        .send(nested(10_000))
        .expect(400)
        .expect('Content-Type', /^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: 'urn:santunan:problem:body-too-deep',
        status: 400,
        code: 'BODY_TOO_DEEP',
        maxDepth: MAX_JSON_BODY_DEPTH,
        instance: '/claims',
      });
      const valid = { participantId: 'P-1', amount: 1, heirs: [{ name: 'Siti' }] };
      await http().post('/claims').send(valid).expect(201);
    },
  );

  it('lets a body exactly as deep as the limit through to validation, and not one level more', async () => {
    // The body is level 1, heirs level 2: MAX_JSON_BODY_DEPTH - 2 more arrays inside heirs.
    const body = (extra: number) =>
      `{"participantId":"P-1","amount":1,"heirs":[${'['.repeat(MAX_JSON_BODY_DEPTH - 2 + extra)}${']'.repeat(MAX_JSON_BODY_DEPTH - 2 + extra)}]}`;
    const post = (text: string) =>
      http().post('/claims').set('Content-Type', 'application/json').send(text);
    expect((await post(body(0))).body).not.toMatchObject({ code: 'BODY_TOO_DEEP' });
    expect((await post(body(1)).expect(400)).body).toMatchObject({ code: 'BODY_TOO_DEEP' });
  });

  it('answers a body over the size limit with 413 BODY_TOO_LARGE', async () => {
    const response = await http()
      .post('/claims')
      .send({ participantId: 'x'.repeat(MAX_JSON_BODY_BYTES), amount: 1, heirs: [] })
      .expect(413)
      .expect('Content-Type', /^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
  });
});
