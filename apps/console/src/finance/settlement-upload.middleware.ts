import type { NextFunction, Request, Response } from 'express';

// The settlement report arrives as a file (multipart/form-data). The page guard checks the
// form's CSRF field before any handler runs, so the multipart body is read here, as
// middleware, ahead of the guard: its text fields (the CSRF token among them) land in
// `request.body`, the file in memory. multer comes with @nestjs/platform-express.

interface UploadedFile {
  readonly fieldname: string;
  readonly originalname: string;
  readonly size: number;
  readonly buffer: Buffer;
}

type Handler = (request: Request, response: Response, next: (error?: unknown) => void) => void;

interface Multer {
  (options: {
    storage: unknown;
    limits: { fileSize: number; files: number; fields: number; fieldSize: number };
  }): { single(field: string): Handler };
  memoryStorage(): unknown;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const multer = require('multer') as Multer;

export const SETTLEMENT_FILE_FIELD = 'report';
export const MAX_SETTLEMENT_FILE_BYTES = 2 * 1024 * 1024;

const parse = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_SETTLEMENT_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024 },
}).single(SETTLEMENT_FILE_FIELD);

/** What the upload handler finds on the request after this middleware. */
export interface SettlementUpload {
  readonly file: { readonly name: string; readonly text: string } | null;
  readonly error: 'tooLarge' | 'unreadable' | null;
}

const UPLOAD = Symbol('settlement-upload');

export function settlementUploadOf(request: Request): SettlementUpload {
  const upload = (request as unknown as Record<symbol, SettlementUpload | undefined>)[UPLOAD];
  return upload ?? { file: null, error: null };
}

export function settlementUploadMiddleware(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (!(request.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    next();
    return;
  }
  parse(request, response, (error?: unknown) => {
    const holder = request as unknown as Record<symbol, SettlementUpload>;
    const file = (request as unknown as { file?: UploadedFile }).file;
    if (error !== undefined && error !== null) {
      const code = (error as { code?: unknown }).code;
      holder[UPLOAD] = {
        file: null,
        error: code === 'LIMIT_FILE_SIZE' ? 'tooLarge' : 'unreadable',
      };
    } else {
      holder[UPLOAD] = {
        file:
          file === undefined || file.size === 0
            ? null
            : { name: file.originalname, text: file.buffer.toString('utf8') },
        error: null,
      };
    }
    if (typeof request.body !== 'object' || request.body === null) request.body = {};
    next();
  });
}
