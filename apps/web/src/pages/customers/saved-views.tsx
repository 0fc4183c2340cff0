import { useId, useState } from "react";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { describeError } from "../../components/feedback.tsx";
import { commonMessages } from "../../i18n/common-messages.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { customersMessages } from "./customers-messages.ts";
import type { Filters, SavedView, SavedViewList } from "./customer-types.ts";

/** Pick, save and delete the user's saved views of the customers list (GET/POST/DELETE /api/views). */
export function SavedViews({ filters, onApply }: { filters: Filters; onApply: (filters: Filters) => void }) {
  const { t } = useMessages(customersMessages);
  const common = useMessages(commonMessages);
  const views = useApi<SavedViewList>("/api/views", { page: "customers" });
  const [selected, setSelected] = useState("");
  const [name, setName] = useState("");
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const selectId = useId();
  const nameId = useId();
  const items: readonly SavedView[] = views.data?.items ?? [];

  async function save() {
    try {
      const view = await api<SavedView>("/api/views", { method: "POST", body: { page: "customers", name, query: filters } });
      setNote({ text: t("views.saved", { name: view.name }), error: false });
      setName("");
      setSelected(view.id);
      views.reload();
    } catch (error) {
      setNote({ text: describeError(error, common.t), error: true });
    }
  }

  async function remove() {
    try {
      await api<void>(`/api/views/${encodeURIComponent(selected)}`, { method: "DELETE" });
      setNote({ text: t("views.deleted"), error: false });
      setSelected("");
      views.reload();
    } catch (error) {
      setNote({ text: describeError(error, common.t), error: true });
    }
  }

  return (
    <div className="toolbar" aria-label={t("views.label")} role="group">
      <div className="field">
        <label htmlFor={selectId}>{t("views.label")}</label>
        <select
          id={selectId}
          value={selected}
          onChange={(event) => {
            setSelected(event.target.value);
            const view = items.find((v) => v.id === event.target.value);
            if (view) onApply(view.query);
          }}
        >
          <option value="">{t("views.none")}</option>
          {items.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      {selected && (
        <button type="button" className="button" onClick={() => void remove()}>
          {t("views.delete")}
        </button>
      )}
      <form
        className="toolbar inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor={nameId}>{t("views.name")}</label>
          <input id={nameId} value={name} maxLength={100} required onChange={(event) => setName(event.target.value)} />
        </div>
        <button type="submit" className="button" disabled={name.trim() === ""}>
          {t("views.save")}
        </button>
      </form>
      {note && (
        <p role="status" className={note.error ? "form-error" : "muted"}>
          {note.text}
        </p>
      )}
    </div>
  );
}
