import type { ApiServer } from "../../http/api-server.ts";
import { docsPrefix } from "../docs-routes.ts";

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tenure</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1f2933; }
code, pre { background: #f0f4f8; border-radius: 4px; padding: 0.1rem 0.3rem; }
pre { padding: 0.75rem; overflow-x: auto; }
</style>
</head>
<body>
<h1>Tenure</h1>
<p>Tenure is an open-source customer retention and loyalty platform: customer value (CLV),
churn risk, satisfaction, cases, account reviews, renewals and offers, for B2B account teams and B2C businesses.</p>
<h2>API</h2>
<p>Browse and try the HTTP API in the <a href="${docsPrefix}">API documentation</a>
(<a href="/api/openapi.json">OpenAPI document</a>).</p>
<h2>Get a token</h2>
<p>Every <code>/api</code> call needs a bearer token. On the first start Tenure printed one for the demo workspace.
Create another from the directory where Tenure runs:</p>
<pre>npx tenure token create --name me</pre>
<p>Then send it: <code>Authorization: Bearer tnr_…</code></p>
<p>The web interface comes in a later release.</p>
</body>
</html>
`;

/** GET /: a small landing page saying what Tenure is and how to use the API. Public. */
export async function homeRoute(app: ApiServer): Promise<void> {
  app.get("/", { config: { auth: "none" }, schema: { hide: true } }, async (_request, reply) => reply.type("text/html; charset=utf-8").send(page));
}
