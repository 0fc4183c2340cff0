import type { ImportPreviewJson } from "@tenure/api-schemas";
import { useMessages } from "../../i18n/define-messages.ts";
import { importsMessages } from "./imports-messages.ts";
import { ColumnHeaders } from "../../components/column-headers.tsx";

/**
 * The file's columns, a few of their first values, and what each is stored
 * as: a select per column (the fields of the entity, an attribute, or not
 * imported where the column does not match a field by its name).
 */
export function MappingTable({ preview, map, onChange }: { preview: ImportPreviewJson; map: Readonly<Record<string, string>>; onChange: (column: string, target: string | null) => void }) {
  const { t } = useMessages(importsMessages);
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("preview.caption")}</caption>
        <ColumnHeaders columns={[{ label: t("preview.column") }, { label: t("preview.sample") }, { label: t("preview.target") }]} />
        <tbody>
          {preview.header.map((column, index) => {
            const target = preview.mapping[column] ?? null;
            // A column matched by its own name cannot be left out (the server would match it again); it can be remapped.
            const matchedByName = target !== null && !(column in map) && !target.includes(".");
            const attribute = preview.json_field ? `${preview.json_field}.${column.trim()}` : null;
            const id = `map-${index}`;
            return (
              <tr key={column}>
                <th scope="row">
                  <label htmlFor={id}>{column}</label>
                </th>
                <td className="small">{preview.rows.slice(0, 3).map((row) => row[index] ?? "").filter((v) => v !== "").join(" · ")}</td>
                <td>
                  <select id={id} value={target ?? ""} onChange={(event) => onChange(column, event.target.value === "" ? null : event.target.value)}>
                    {!matchedByName && <option value="">{t("preview.notImported")}</option>}
                    {preview.fields.map((field) => (
                      <option key={field.name} value={field.name} title={field.description}>
                        {field.required ? t("preview.requiredMark", { field: field.name }) : field.name}
                      </option>
                    ))}
                    {attribute && <option value={attribute}>{t("preview.attribute", { key: column.trim() })}</option>}
                    {target !== null && target !== attribute && target.includes(".") && <option value={target}>{target}</option>}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The first rows of the file as read, for checking that the columns line up. */
export function SampleRows({ preview }: { preview: ImportPreviewJson }) {
  const { t } = useMessages(importsMessages);
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("preview.rows")}</caption>
        <ColumnHeaders columns={preview.header.map((column) => ({ label: column }))} />
        <tbody>
          {preview.rows.map((row, r) => (
            <tr key={r}>
              {preview.header.map((column, c) => (
                <td key={column}>{row[c] ?? ""}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
