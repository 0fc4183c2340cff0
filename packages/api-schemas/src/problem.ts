import { z } from "zod";

/** Error body of every API failure (RFC 9457 problem details, `application/problem+json`). */
export const problemSchema = z
  .object({
    type: z.string().describe("URI naming the problem kind: urn:tenure:problem:<code>"),
    title: z.string().describe("Short, constant summary of the problem kind"),
    status: z.number().int(),
    detail: z.string().describe("What went wrong in this request, in one sentence"),
    code: z.string().describe("Stable machine-readable code, e.g. invalid_input, customer_not_found"),
    field: z.string().optional().describe("The offending field, as a dotted path (body, query or header name)"),
    instance: z.string().describe("The request id; quote it when reporting a problem"),
  })
  .catchall(z.unknown());

export type Problem = z.infer<typeof problemSchema>;
