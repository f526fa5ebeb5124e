import { context, trace, TraceFlags } from '@opentelemetry/api';
import { withLogContext } from './log-context';
import { startTracing } from './tracing';
import { createLogger, loggingFromEnvironment, type LoggingConfig } from './logger';

/** A logger whose lines are kept, parsed. */
function collecting(level: LoggingConfig['level'] = 'info') {
  const lines: Record<string, unknown>[] = [];
  const written: string[] = [];
  const logger = createLogger('enrollment', {
    level,
    destination: {
      write: (line: string) => {
        written.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  });
  return { logger, lines, written };
}

const NIK = '5371012209880004';
const NAME = 'Servatius Nubatonis Lelo';

// Its context manager, which carries the active span across awaits; nothing exported.
beforeAll(() => startTracing('spec', { instrumentHttp: false, spanProcessors: [] }));

describe('the platform logger', () => {
  it('writes JSON lines with the level by name, the service and the message', () => {
    const { logger, lines } = collecting();
    logger.info({ relay: 'claims' }, 'outbox relay: became leader');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'enrollment',
        msg: 'outbox relay: became leader',
        relay: 'claims',
        time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      }),
    ]);
  });

  it.each([
    ['at the top', { nik: NIK, fullName: NAME }],
    ['in a request body', { req: { body: { nik: NIK, fullName: NAME } } }],
    [
      'in a heir list',
      { data: { heirs: [{ fullName: NAME, bankAccount: { accountNumber: '001' } }] } },
    ],
    ['in params', { params: { participant: { nik: NIK, name: NAME } } }],
  ])('never writes a NIK or a name %s', (_where, fields) => {
    const { logger, written } = collecting();
    logger.info(fields, 'registered');
    expect(written.join('')).not.toContain(NIK);
    expect(written.join('')).not.toContain(NAME);
    expect(written.join('')).toContain('[redacted]');
  });

  it.each([
    ['birthDate', '1988-09-22'],
    ['address', 'Jl. Timor Raya 21'],
    ['phone', '+6281339001122'],
    ['email', 'servatius@example.id'],
    ['accountNumber', '0099887766'],
  ])('redacts %s', (member, value) => {
    const { logger, written } = collecting();
    logger.warn({ participant: { [member]: value } }, 'refused');
    expect(written.join('')).not.toContain(value);
  });

  it('never writes the Authorization header or cookies of a request', () => {
    const { logger, written } = collecting();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJsecret', cookie: 'santunan.sid=s%3Asecret' } },
      },
      'request',
    );
    expect(written.join('')).not.toContain('eyJsecret');
    expect(written.join('')).not.toContain('s%3Asecret');
  });

  it('adds the unit of work (correlation id, consumer, event) to every line logged within it', () => {
    const { logger, lines } = collecting();
    withLogContext({ correlationId: 'corr-1', consumer: 'payouts.claims-decisions' }, () =>
      logger.info('applied ClaimApproved'),
    );
    logger.info('outside');
    expect(lines[0]).toMatchObject({
      correlationId: 'corr-1',
      consumer: 'payouts.claims-decisions',
    });
    expect(lines[1]).not.toHaveProperty('correlationId');
  });

  it("adds the active span's trace and span ids", () => {
    const { logger, lines } = collecting();
    const ids = {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
    };
    context.with(trace.setSpanContext(context.active(), ids), () => logger.info('in a span'));
    expect(lines[0]).toMatchObject({ trace_id: ids.traceId, span_id: ids.spanId });
  });

  it('writes nothing below its level', () => {
    const { logger, lines } = collecting('warn');
    logger.info('routine');
    logger.warn('unusual');
    expect(lines.map((line) => line['msg'])).toEqual(['unusual']);
  });
});

describe('loggingFromEnvironment', () => {
  it.each([
    [{ LOG_LEVEL: 'debug' }, 'debug'],
    [{ LOG_LEVEL: 'debug', CLAIMS_LOG_LEVEL: 'error' }, 'error'],
    [{}, 'info'],
    [{ JEST_WORKER_ID: '1' }, 'warn'],
  ])('%j gives %s', (env, level) => {
    expect(loggingFromEnvironment('claims', env)).toEqual({ level });
  });

  it('refuses a level pino does not know', () => {
    expect(() => loggingFromEnvironment('claims', { LOG_LEVEL: 'verbose' })).toThrow(/verbose/);
  });
});
