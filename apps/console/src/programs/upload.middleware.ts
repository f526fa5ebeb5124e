import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';

/** The upload form's file input. */
export const UPLOAD_FILE_FIELD = 'file';

/** A worker file a sponsor uploads in one go: 100,000 rows are about 15 MB. */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

export interface UploadedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

type UploadOutcome = UploadedFile | 'too-large' | null;

const UPLOAD = Symbol('programs:upload');

interface Busboy extends NodeJS.WritableStream {
  on(event: 'field', listener: (name: string, value: string) => void): this;
  on(
    event: 'file',
    listener: (name: string, stream: Readable, info: { filename: string }) => void,
  ): this;
  on(event: 'close', listener: () => void): this;
  on(event: 'error', listener: (error: unknown) => void): this;
}

type BusboyFactory = (config: {
  headers: IncomingHttpHeaders;
  limits: { fileSize: number; files: number; fields: number; fieldSize: number };
}) => Busboy;

// busboy ships no types; this is the part of its API the upload uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const busboy = require('busboy') as BusboyFactory;

/** What the middleware read from the form: the file, too large, or none. */
export function uploadedFileOf(request: Request): UploadOutcome {
  return (request as unknown as Record<symbol, UploadOutcome | undefined>)[UPLOAD] ?? null;
}

/**
 * Reads a multipart/form-data upload before the page guard runs, so the form's CSRF field is
 * in `request.body` like any form's, and the file in memory (bounded) for the handler to pass
 * on to enrollment. Anything else goes through untouched.
 */
export function readUpload(request: Request, _response: Response, next: NextFunction): void {
  const type = request.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    next();
    return;
  }
  let parser: Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 10_000 },
    });
  } catch (error) {
    next(error);
    return;
  }
  const fields: Record<string, string> = {};
  let outcome: UploadOutcome = null;
  const reading: Promise<void>[] = [];
  parser.on('field', (name, value) => {
    fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    if (name !== UPLOAD_FILE_FIELD) {
      stream.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let truncated = false;
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('limit', () => {
      truncated = true;
    });
    reading.push(
      new Promise((resolve) =>
        stream.on('close', () => {
          outcome = truncated
            ? 'too-large'
            : { name: info.filename ?? '', bytes: Buffer.concat(chunks) };
          resolve();
        }),
      ),
    );
  });
  parser.on('close', () => {
    void Promise.all(reading).then(() => {
      request.body = fields;
      (request as unknown as Record<symbol, UploadOutcome>)[UPLOAD] = outcome;
      next();
    });
  });
  parser.on('error', (error) => next(error));
  request.pipe(parser);
}
