import type { FastifySchemaValidationError } from "fastify";
import { invalidInput, type AppError } from "@tenure/shared";

/**
 * A schema failure of a Segment call as an invalid-input error whose field
 * reads as a Segment user would write it: `batch[3].userId`, not `batch.3.userId`.
 */
export function segmentValidationError(issues: readonly FastifySchemaValidationError[]): AppError {
  const first = issues[0];
  const segments = (first?.instancePath ?? "").split("/").filter(Boolean);
  const field = segments.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), "") || "body";
  const reason = first?.keyword === "invalid_union" && segments.at(-1) !== "type" ? "has no valid type (identify, track, group, page or screen)" : (first?.message ?? "is invalid");
  return invalidInput(field, `${field}: ${reason}`);
}
