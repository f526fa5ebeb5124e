import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { mintAccessToken } from '../auth/access-token';
import { authConfig } from '../auth/auth-config';
import { AuthModule } from '../auth/auth.module';
import type { Role } from '../auth/roles';
import { ProblemDetailsModule } from '../http/problem-details.module';
import { systemClock } from '../service/clock-and-ids';
import { SimulatedClock, simulatedClockFromEnvironment } from './simulated-clock';
import { simulationImports } from './simulation.module';

const config = authConfig({ secret: 'a-simulation-test-secret-of-enough-length' });
const bearer = (roles: Role[]) =>
  `Bearer ${mintAccessToken({ subject: 'operator', roles, ttl: '1h' }, config)}`;

async function appWith(clock: SimulatedClock | typeof systemClock): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [ProblemDetailsModule, AuthModule.forRoot(config), ...simulationImports(clock)],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

const http = (app: INestApplication) =>
  request(app.getHttpServer() as Parameters<typeof request>[0]);

describe('simulation mode', () => {
  it('is off unless SANTUNAN_SIMULATED_CLOCK_START is set', () => {
    expect(simulatedClockFromEnvironment({})).toBeUndefined();
    const clock = simulatedClockFromEnvironment({
      SANTUNAN_SIMULATED_CLOCK_START: '2026-01-05T01:00:00Z',
    });
    expect(clock?.now()).toBe('2026-01-05T01:00:00.000Z');
    expect(() =>
      simulatedClockFromEnvironment({ SANTUNAN_SIMULATED_CLOCK_START: 'januari' }),
    ).toThrow(/ISO-8601/);
  });

  describe('with a simulated clock', () => {
    const clock = new SimulatedClock('2026-01-05T01:00:00Z');
    let app: INestApplication;
    beforeAll(async () => (app = await appWith(clock)));
    afterAll(async () => app.close());

    it('shows and moves the clock forward for an admin; today follows in Asia/Jakarta', async () => {
      await http(app)
        .get('/simulation/clock')
        .set('Authorization', bearer(['admin']))
        .expect(200, { now: '2026-01-05T01:00:00.000Z', today: '2026-01-05', simulated: true });
      await http(app)
        .put('/simulation/clock')
        .set('Authorization', bearer(['admin']))
        .send({ now: '2026-03-31T18:00:00Z' })
        .expect(200, { now: '2026-03-31T18:00:00.000Z', today: '2026-04-01', simulated: true });
      expect(clock.today()).toBe('2026-04-01');
    });

    it('refuses to move backwards with a 409 problem', async () => {
      const response = await http(app)
        .put('/simulation/clock')
        .set('Authorization', bearer(['admin']))
        .send({ now: '2026-02-01T00:00:00Z' })
        .expect(409)
        .expect('Content-Type', /^application\/problem\+json/);
      expect(response.body).toMatchObject({
        code: 'SIMULATED_CLOCK_BACKWARDS',
        now: '2026-03-31T18:00:00.000Z',
      });
      expect(clock.now()).toBe('2026-03-31T18:00:00.000Z');
    });

    it('needs the admin role and an instant', async () => {
      await http(app)
        .put('/simulation/clock')
        .set('Authorization', bearer(['finance']))
        .send({ now: '2026-12-01T00:00:00Z' })
        .expect(403);
      await http(app)
        .put('/simulation/clock')
        .set('Authorization', bearer(['admin']))
        .send({ now: 'next month' })
        .expect(400);
    });
  });

  it('is not mounted on real time: 404', async () => {
    const app = await appWith(systemClock);
    try {
      await http(app)
        .get('/simulation/clock')
        .set('Authorization', bearer(['admin']))
        .expect(404);
      await http(app)
        .put('/simulation/clock')
        .set('Authorization', bearer(['admin']))
        .send({ now: '2026-12-01T00:00:00Z' })
        .expect(404);
    } finally {
      await app.close();
    }
  });
});
