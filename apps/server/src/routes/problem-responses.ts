import { problemSchema } from "@tenure/api-schemas";

/** The error responses every authenticated /api route declares in OpenAPI. */
export const problemResponses = {
  400: problemSchema.describe("Invalid input: code invalid_input and the offending field"),
  401: problemSchema.describe("Missing, unknown, revoked or expired API token"),
  404: problemSchema.describe("No such resource in the token's workspace"),
  500: problemSchema.describe("Unexpected error; quote instance (the request id)"),
} as const;

/** Plus 409, for routes that write. */
export const writeProblemResponses = {
  ...problemResponses,
  409: problemSchema.describe("Conflict: customer_exists (field external_id) or version_conflict (If-Match)"),
} as const;
