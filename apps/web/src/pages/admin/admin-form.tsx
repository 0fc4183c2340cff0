import { useId, useState, type ReactNode } from "react";
import { FormProblem } from "./form-problem.tsx";

/** What a form's fields need while it is sent: disable the button, mark the field the server named. */
export interface FormState {
  busy: boolean;
  error: unknown;
  /** Id of the error message, for aria-describedby of the offending field. */
  errorId: string;
  /** A base for the fields' ids. */
  id: string;
}

/**
 * An administration form in a panel with its title: on submit it runs `send`
 * (the API call), hands the answer to `onSent` and shows what went wrong
 * under the fields when it fails.
 */
export function AdminForm<T>({ title, send, onSent, children }: { title: string; send: () => Promise<T>; onSent: (result: T) => void; children: (state: FormState) => ReactNode }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const state: FormState = { busy, error, errorId: `${id}-error`, id };

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      onSent(await send());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="panel admin-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {children(state)}
      <FormProblem error={error} id={state.errorId} />
    </form>
  );
}
