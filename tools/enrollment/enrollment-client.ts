/**
 * A small HTTP client for the enrollment service's bulk API, shared by the upload CLI and the
 * benchmark: streams a file up (never read whole), reads job status and problems.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';

export interface JobStatus {
  readonly jobId: string;
  readonly programId: string;
  readonly state: 'queued' | 'running' | 'completed' | 'failed';
  readonly totalRows: number;
  readonly rowsRead: number;
  readonly enrolled: number;
  readonly alreadyEnrolled: number;
  readonly rejected: number;
  readonly failure: string | null;
}

export interface RowProblem {
  readonly rowNumber: number;
  readonly field: string;
  readonly code: string;
  readonly reason: string;
}

/** A problem-details answer, kept whole so the CLI can show it. */
export class ProblemResponseError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Readonly<Record<string, unknown>>,
  ) {
    super(
      `${status} ${typeof problem['code'] === 'string' ? problem['code'] : 'ERROR'}: ${
        typeof problem['detail'] === 'string' ? problem['detail'] : JSON.stringify(problem)
      }`,
    );
    this.name = 'ProblemResponseError';
  }
}

export interface EnrollmentClientOptions {
  readonly baseUrl: string;
  readonly token: string;
}

interface Reply {
  readonly status: number;
  readonly body: unknown;
}

export class EnrollmentClient {
  constructor(private readonly options: EnrollmentClientOptions) {}

  async upload(
    file: string,
    terms: { programId: string; incomeEffectiveFrom?: string; fileName?: string },
  ): Promise<JobStatus> {
    const query = new URLSearchParams();
    if (terms.incomeEffectiveFrom) query.set('incomeEffectiveFrom', terms.incomeEffectiveFrom);
    if (terms.fileName) query.set('fileName', terms.fileName);
    const path = `/sponsor-programs/${encodeURIComponent(terms.programId)}/enrollment-jobs?${query.toString()}`;
    const size = (await fs.promises.stat(file)).size;
    const reply = await this.request('POST', path, {
      headers: { 'Content-Type': 'text/csv', 'Content-Length': String(size) },
      body: fs.createReadStream(file),
    });
    return this.expect<JobStatus>(reply, 202);
  }

  async status(jobId: string): Promise<JobStatus> {
    return this.expect<JobStatus>(await this.request('GET', `/enrollment-jobs/${jobId}`), 200);
  }

  async problems(
    jobId: string,
    afterRow = 0,
    limit = 100,
  ): Promise<{ problems: RowProblem[]; next?: number }> {
    return this.expect(
      await this.request(
        'GET',
        `/enrollment-jobs/${jobId}/problems?afterRow=${afterRow}&limit=${limit}`,
      ),
      200,
    );
  }

  private expect<T>(reply: Reply, status: number): T {
    if (reply.status !== status) {
      const problem =
        typeof reply.body === 'object' && reply.body !== null
          ? (reply.body as Record<string, unknown>)
          : { detail: String(reply.body) };
      throw new ProblemResponseError(reply.status, problem);
    }
    return reply.body as T;
  }

  private request(
    method: string,
    path: string,
    payload?: { headers: Record<string, string>; body: fs.ReadStream },
  ): Promise<Reply> {
    const url = new URL(path, this.options.baseUrl);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<Reply>((resolve, reject) => {
      const request = transport.request(
        url,
        {
          method,
          headers: { Authorization: `Bearer ${this.options.token}`, ...(payload?.headers ?? {}) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            try {
              body = text === '' ? null : (JSON.parse(text) as unknown);
            } catch {
              // not JSON: keep the text
            }
            resolve({ status: response.statusCode ?? 0, body });
          });
        },
      );
      request.on('error', reject);
      if (payload === undefined) request.end();
      else payload.body.on('error', reject).pipe(request);
    });
  }
}
