import { AppError } from "@tenure/shared";

/**
 * Refuse an input with every field error at once: invalid_input naming the
 * first field in `details.field` and listing all in `details.errors`.
 */
export function throwIfFieldErrors(errors: readonly { field: string; message: string }[]): void {
  if (errors.length === 0) return;
  throw new AppError("invalid_input", "invalid_input", errors.map((e) => e.message).join(" "), { field: errors[0]?.field, errors: [...errors] });
}
