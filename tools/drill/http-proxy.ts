/**
 * The load balancer in front of a service's instances, as small as a drill needs: requests go
 * round-robin; a request an instance refused to connect (it is dead) goes to the next one, as
 * nothing of it reached the service; a request cut off after it was sent answers 502 (the
 * client decides whether to try again — the scenario does, for 5xx and resets).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Errors that mean the request never reached the instance. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND']);

export class RoundRobinProxy {
  private next = 0;
  /** Requests forwarded per target, and refusals skipped. */
  readonly forwarded = new Map<string, number>();
  failovers = 0;

  private constructor(
    readonly service: string,
    private readonly targets: readonly string[],
    private readonly server: http.Server,
  ) {}

  get url(): string {
    const address = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  static async start(service: string, targets: readonly string[]): Promise<RoundRobinProxy> {
    const server = http.createServer();
    const proxy = new RoundRobinProxy(service, targets, server);
    server.on('request', (request, response) => void proxy.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const first = this.next++ % this.targets.length;
    let lastError: NodeJS.ErrnoException | undefined;
    for (let tried = 0; tried < this.targets.length; tried += 1) {
      const target = this.targets[(first + tried) % this.targets.length] ?? '';
      try {
        await this.forward(target, request, body, response);
        this.forwarded.set(target, (this.forwarded.get(target) ?? 0) + 1);
        return;
      } catch (error) {
        lastError = error as NodeJS.ErrnoException;
        if (!NOT_CONNECTED.has(lastError.code ?? '')) break;
        this.failovers += 1;
      }
    }
    if (!response.headersSent) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ code: 'BAD_GATEWAY', detail: lastError?.message ?? 'no instance' }),
      );
    } else response.destroy();
  }

  private forward(
    target: string,
    request: http.IncomingMessage,
    body: Buffer,
    response: http.ServerResponse,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const url = new URL(request.url ?? '/', target);
      const headers = { ...request.headers, host: url.host, 'content-length': String(body.length) };
      delete headers['transfer-encoding'];
      const upstream = http.request(
        url,
        { method: request.method, headers, agent: false },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
          answer.on('end', () => resolve());
          answer.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}
