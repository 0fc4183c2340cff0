import { useCallback, useEffect, useState } from "react";
import { api } from "../../api/client.ts";

/**
 * GET `path` declaring the service purpose (X-Purpose: service), so a role
 * allowed to serve this customer reads its personal data unmasked (audited
 * by the server); otherwise the server answers masked.
 */
export function useServiceRead<T>(path: string): { data: T | null; error: unknown; reload: () => void; set: (data: T) => void } {
  const [state, setState] = useState<{ data: T | null; error: unknown }>({ data: null, error: null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    api<T>(path, { purpose: "service", signal: controller.signal }).then(
      (data) => setState({ data, error: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ data: null, error });
      },
    );
    return () => controller.abort();
  }, [path, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ data, error: null }), []);
  return { ...state, reload, set };
}
