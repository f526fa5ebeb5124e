import http from 'node:http';
import { PROBLEM_CONTENT_TYPE, problemType } from '../http/problem-details';
import { enterStartupPhase, startupPhase } from './startup-phase';

/**
 * Answers the health routes on the service's port while Nest starts it (databases created and
 * migrated, workers started — minutes for a long migration): alive, and not ready, naming the
 * phase. Without it the port would refuse connections, and a liveness probe would kill an
 * instance in the middle of a migration. Closed just before the app listens (ADR 0030).
 */
export class StartupProbe {
  private constructor(private readonly server: http.Server) {}

  static listen(port: number, host: string): Promise<StartupProbe> {
    enterStartupPhase('starting');
    const server = http.createServer((request, response) => answer(request.url ?? '', response));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve(new StartupProbe(server));
      });
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // Pollers keep connections alive; they reconnect to the app.
      this.server.closeAllConnections();
    });
  }
}

function answer(url: string, response: http.ServerResponse): void {
  const path = url.split('?')[0];
  response.setHeader('Cache-Control', 'no-store');
  if (path === '/health/live') {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ status: 'ok' }));
    return;
  }
  const phase = startupPhase();
  response.writeHead(503, { 'Content-Type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8` });
  response.end(
    JSON.stringify({
      type: problemType('NOT_READY'),
      title: 'Service Unavailable',
      status: 503,
      detail: `Not ready: the service is starting (${phase}).`,
      code: 'NOT_READY',
      instance: path,
      checks: {
        ...(phase === 'migrating' ? { migrations: { status: 'down', reason: 'running' } } : {}),
        startup: { status: 'down', phase },
      },
    }),
  );
}
