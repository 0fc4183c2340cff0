/**
 * The data type a zod schema of @tenure/api-schemas describes, without
 * importing zod: `Infer<typeof customerSchema>`. Import schemas with
 * `import type` only, so no schema code reaches the browser bundle.
 */
export type Infer<T extends { _zod: { output: unknown } }> = T["_zod"]["output"];
