import { useCallback, useEffect, useState } from "react";
import { api, type Purpose, type Query } from "./client.ts";

export interface ApiState<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Fetch again (after a change, or from a "try again" button). */
  reload: () => void;
}

/**
 * GET `path` with `query` when the component shows and whenever they change;
 * a null path fetches nothing. An answer arriving after a newer request is dropped.
 * `purpose` sends X-Purpose (personal data unmasked if allowed, and audited).
 */
export function useApi<T>(path: string | null, query?: Query, purpose?: Purpose): ApiState<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: path !== null });
  const [generation, setGeneration] = useState(0);
  const key = path === null ? null : `${path}?${JSON.stringify(query ?? {})}#${purpose ?? ""}`;

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, error: null, loading: true }));
    api<T>(path, { query, purpose, signal: controller.signal }).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ data: null, error, loading: false });
      },
    );
    return () => controller.abort();
    // key stands for path and query, so a new object with the same values does not refetch
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}
