import type { sessionMeSchema, signedInSchema } from "@tenure/api-schemas";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Infer } from "../api/schema-types.ts";
import { api, onUnauthenticated } from "../api/client.ts";
import { readCsrfToken, storeCsrfToken } from "../api/csrf-token.ts";
import { syncUserLocale } from "./user-locale.ts";

export type Me = Infer<typeof sessionMeSchema>;
type SignedIn = Infer<typeof signedInSchema>;

export interface Session {
  me: Me;
  /** True when the signed-in role holds `permission` (e.g. "customers.read"). */
  can(permission: string): boolean;
  signOut(): Promise<void>;
}

type SessionState = { status: "checking" } | { status: "signed-out" } | { status: "signed-in"; me: Me };

interface SessionControl {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionControl | null>(null);

/** Knows who is signed in: asks GET /api/session/me on start, signs in and out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "checking" });

  useEffect(() => {
    // Without the CSRF token this tab could read but not change anything: sign in again.
    if (readCsrfToken() === null) {
      setState({ status: "signed-out" });
      return;
    }
    api<Me>("/api/session/me").then(
      (me) => setState(me.authenticated_by === "session" ? { status: "signed-in", me } : { status: "signed-out" }),
      () => setState({ status: "signed-out" }),
    );
  }, []);

  useEffect(
    () =>
      onUnauthenticated(() => {
        storeCsrfToken(null);
        setState({ status: "signed-out" });
      }),
    [],
  );

  const signIn = useCallback(async (email: string, password: string) => {
    const signed = await api<SignedIn>("/api/session", { method: "POST", body: { email, password } });
    storeCsrfToken(signed.csrf_token);
    // The stored language arrives while the first page loads (no extra wait before it).
    void syncUserLocale();
    const { csrf_token: _csrf, expires_at: _expires, ...me } = signed;
    setState({ status: "signed-in", me });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api<void>("/api/session", { method: "DELETE" });
    } finally {
      storeCsrfToken(null);
      setState({ status: "signed-out" });
    }
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionControl(): SessionControl {
  const control = useContext(SessionContext);
  if (!control) throw new Error("useSessionControl outside SessionProvider");
  return control;
}

/** The signed-in session; only pages inside the layout (which needs one) call it. */
export function useSession(): Session {
  const { state, signOut } = useSessionControl();
  if (state.status !== "signed-in") throw new Error("useSession without a signed-in user");
  const me = state.me;
  return { me, can: (permission) => me.permissions.includes(permission), signOut };
}
