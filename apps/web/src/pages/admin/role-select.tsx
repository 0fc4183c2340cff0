import type { SelectHTMLAttributes } from "react";
import { commonMessages } from "../../i18n/common-messages.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { roles, type Role } from "./roles.ts";

/** A select of the five roles by their names in the user's language. */
export function RoleSelect({ value, onChange, ...rest }: { value: Role; onChange: (role: Role) => void } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange">) {
  const common = useMessages(commonMessages).t;
  return (
    <select {...rest} value={value} onChange={(event) => onChange(event.target.value as Role)}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {common(`roles.${r}`)}
        </option>
      ))}
    </select>
  );
}
