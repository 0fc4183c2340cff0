/** A JSON schema as found in the OpenAPI document (the parts the walkers read). */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
}

interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  security?: Record<string, string[]>[];
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  "x-permission"?: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** One operation of the document, with what a test needs to call it. */
export interface Operation {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  /** bearerAuth, writeKey, or none. */
  auth: "bearer" | "write_key" | "none";
  permission: string | null;
  pathParams: string[];
  queryParams: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
}

/** Every operation of the document. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const schemes = (op.security ?? []).flatMap((s) => Object.keys(s));
      out.push({
        method: method.toUpperCase() as Operation["method"],
        path,
        auth: schemes.includes("bearerAuth") ? "bearer" : schemes.includes("writeKey") ? "write_key" : "none",
        permission: op["x-permission"] ?? null,
        pathParams: (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
        queryParams: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: op.requestBody?.content?.["application/json"]?.schema ?? null,
      });
    }
  }
  return out;
}

/** The URL of `op` with each path parameter replaced by `value(name)`. */
export function urlOf(op: Operation, value: (name: string) => string): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value(name)));
}

/** A minimal valid value of a schema: required properties only, first enum value, plausible formats. */
export function exampleOf(schema: JsonSchema): unknown {
  if (schema.enum && schema.enum.length > 0) return schema.enum.find((v) => v !== null);
  const alternative = schema.anyOf ?? schema.oneOf;
  if (alternative) return exampleOf(alternative.find((s) => s.type !== "null" && !(s.enum && s.enum.every((v) => v === null))) ?? {});
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => exampleOf(s) as object));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = exampleOf(schema.properties?.[name] ?? {});
      return out;
    }
    case "array":
      return [];
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    default:
      if (schema.format === "date-time") return new Date().toISOString();
      if (schema.format === "email") return "probe@example.com";
      return "probe-value";
  }
}

/** Dotted paths of every string property of an object schema (optional ones too), one level of nesting. */
export function stringFieldsOf(schema: JsonSchema | null, prefix = ""): string[] {
  if (!schema?.properties) return [];
  const out: string[] = [];
  for (const [name, property] of Object.entries(schema.properties)) {
    const types = [property.type, ...(property.anyOf ?? []).map((s) => s.type)].flat();
    if (types.includes("string")) out.push(prefix + name);
    else if (types.includes("object") && property.properties && prefix === "") out.push(...stringFieldsOf(property, `${name}.`));
  }
  return out;
}
