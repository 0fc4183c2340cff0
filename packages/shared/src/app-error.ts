/** Categories every edge (HTTP, CLI) maps exhaustively. */
export type ErrorCategory =
  | "invalid_input"
  | "not_found"
  | "conflict"
  | "forbidden"
  | "unauthenticated"
  | "payload_too_large"
  | "rate_limited"
  | "unexpected";

export interface ErrorDetails {
  /** The offending field, as a dotted path (e.g. `traits.email`). */
  field?: string;
  /** 1-based line of an input file, when the error comes from one. */
  line?: number;
  [key: string]: unknown;
}

/**
 * The one error type use cases throw. `code` is stable and machine-readable
 * (e.g. `customer_not_found`); `message` is one readable sentence.
 */
export class AppError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly details: ErrorDetails;

  constructor(code: string, category: ErrorCategory, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.category = category;
    this.details = details;
  }
}

/** Shorthand for an `invalid_input` error naming the offending field. */
export function invalidInput(field: string, message: string, details: ErrorDetails = {}): AppError {
  return new AppError("invalid_input", "invalid_input", message, { ...details, field });
}

/** Shorthand for a `not_found` error. */
export function notFound(code: string, message: string, details: ErrorDetails = {}): AppError {
  return new AppError(code, "not_found", message, details);
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
