// The CSRF token of the signed-in session (POST /api/session returns it once).
// Kept in localStorage so every tab of this browser can make unsafe requests;
// the session cookie itself is HttpOnly and never visible to scripts.
const key = "tenure.csrf";

export function readCsrfToken(): string | null {
  return localStorage.getItem(key);
}

export function storeCsrfToken(token: string | null): void {
  if (token === null) localStorage.removeItem(key);
  else localStorage.setItem(key, token);
}
