import { createToolLogger } from './tool-logger';

function capture(): {
  lines: () => Record<string, unknown>[];
  raw: string[];
  write: (text: string) => void;
} {
  const raw: string[] = [];
  return {
    raw,
    write: (text) => raw.push(text),
    lines: () =>
      raw
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

// Not a terminal here (Jest): the tool writes the services' JSON lines.
const env = { LOG_LEVEL: 'info' };

describe('createToolLogger: a long-running tool logs as the services do', () => {
  it('writes one JSON line per entry: level name, time, the tool as service, the message', () => {
    const out = capture();
    createToolLogger('drill', env, out.write).info('kill -9 Kafka broker 2');
    expect(out.lines()).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'drill',
        msg: 'kill -9 Kafka broker 2',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
  });

  it('redacts personal data as the services do', () => {
    const out = capture();
    createToolLogger('platform', env, out.write).info(
      { participant: { nik: '5371012209880004', fullName: 'Servatius Nubatonis Lelo' } },
      'registered',
    );
    const text = out.raw.join('');
    expect(text).not.toContain('5371012209880004');
    expect(text).not.toContain('Servatius');
  });

  it("passes a child service's JSON line on as it is, and makes anything else a message", () => {
    const out = capture();
    const logger = createToolLogger('platform', env, out.write);
    const serviceLine = '{"level":"info","service":"claims","msg":"outbox relay: became leader"}';
    logger.relay(serviceLine, 'claims');
    logger.relay('[kafka] started pid 7799', 'kafka');
    expect(out.raw[0]).toBe(`${serviceLine}\n`);
    expect(out.lines()[1]).toEqual(
      expect.objectContaining({
        service: 'platform',
        source: 'kafka',
        msg: '[kafka] started pid 7799',
      }),
    );
  });

  it('follows the level from the environment', () => {
    const out = capture();
    const logger = createToolLogger('drill', { LOG_LEVEL: 'warn' }, out.write);
    logger.info('not shown');
    logger.warn('shown');
    expect(out.lines().map((line) => line['msg'])).toEqual(['shown']);
  });
});
