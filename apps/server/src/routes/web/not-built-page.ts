/** What / shows when apps/web has not been built: what Tenure is and the one command to fix it. */
export function notBuiltPage(directory: string): string {
  const escaped = directory.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tenure: web app not built</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>Tenure</h1>
<p>The web app has not been built on this server (nothing at <code>${escaped}</code>).</p>
<p>Build it from the Tenure folder, then restart the server:</p>
<pre>npm run build</pre>
<p>The API works meanwhile: see the <a href="/api/docs">API documentation</a>.</p>
</body>
</html>
`;
}
