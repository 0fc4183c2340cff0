import { CommanderError } from "commander";
import { isAppError, type ErrorCategory } from "@tenure/shared";

export type ExitCode = 0 | 1 | 2;

/** What to print on stderr and which exit code to return for an error. */
export interface ExitReport {
  readonly exitCode: ExitCode;
  readonly lines: readonly string[];
}

const exitCodes: Record<ErrorCategory, ExitCode> = {
  invalid_input: 1,
  not_found: 1,
  conflict: 1,
  forbidden: 1,
  unauthenticated: 1,
  payload_too_large: 1,
  rate_limited: 1,
  unexpected: 2,
};

/**
 * The CLI's one error edge: 0 ok, 1 the user can fix it (one readable line
 * from the AppError), 2 unexpected (the message and a hint to rerun with
 * DEBUG=1, which adds the stack).
 */
export function mapErrorToExit(error: unknown, debug: boolean): ExitReport {
  if (error instanceof CommanderError) {
    // Commander has already printed its own one-line message or the help.
    return { exitCode: error.exitCode === 0 ? 0 : 1, lines: [] };
  }
  if (isAppError(error) && exitCodes[error.category] === 1) {
    return { exitCode: 1, lines: [`error: ${error.message}`, ...(debug ? stackOf(error) : [])] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: 2,
    lines: [
      `unexpected error: ${message || "(no message)"}`,
      ...(debug ? stackOf(error) : ["Rerun with DEBUG=1 to see the stack trace."]),
    ],
  };
}

function stackOf(error: unknown): string[] {
  return error instanceof Error && error.stack ? error.stack.split("\n") : [];
}
