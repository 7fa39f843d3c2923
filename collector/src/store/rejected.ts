/**
 * A store refused the values of one response, not because it is down or busy: the same payload would be refused on
 * every retry, so the collector answers 422 (the widget stops retrying) instead of a retryable 503.
 */
export class DataRejectedError extends Error {
  override readonly name = 'DataRejectedError';
  /** The driver's code, e.g. PostgreSQL's SQLSTATE "22P05" or SQLite's "SQLITE_TOOBIG". */
  readonly code: string;

  constructor(code: string, message: string, cause: unknown) {
    super(message, { cause });
    this.code = code;
  }
}

/**
 * PostgreSQL SQLSTATEs caused by the data sent: class 22 (data exception: 22P05 untranslatable character, 22021
 * character not in repertoire, 22P02 invalid text representation, 22008 datetime out of range, …), NOT NULL and CHECK
 * violations, and 54000 (a value over a size limit). Class 08 (connection), 40 (serialization), 53 (resources),
 * 57 (shutdown) and the rest stay retryable.
 */
const PG_DATA_CODE = /^(22[0-9A-Z]{3}|23502|23514|54000)$/;

/** SQLite result codes caused by the data (SQLITE_BUSY, SQLITE_IOERR, SQLITE_FULL … stay retryable). */
const SQLITE_DATA_CODES = ['SQLITE_TOOBIG', 'SQLITE_MISMATCH', 'SQLITE_CONSTRAINT_CHECK', 'SQLITE_CONSTRAINT_NOTNULL'];

const codeOf = (err: unknown): string | undefined =>
  err !== null && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : undefined;

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function classifyPostgresError(err: unknown): unknown {
  const code = codeOf(err);
  return code && PG_DATA_CODE.test(code) ? new DataRejectedError(code, messageOf(err), err) : err;
}

export function classifySqliteError(err: unknown): unknown {
  const code = codeOf(err);
  return code && SQLITE_DATA_CODES.includes(code) ? new DataRejectedError(code, messageOf(err), err) : err;
}
