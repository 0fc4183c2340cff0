import type { ReactNode } from "react";

/** One column heading: its label, right-aligned for numbers, with an optional explanation on hover. */
export interface ColumnHeading {
  label: ReactNode;
  numeric?: boolean;
  title?: string;
}

/** A table's <thead>: one <th scope="col"> per column. */
export function ColumnHeaders({ columns }: { columns: readonly ColumnHeading[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => (
          <th key={index} scope="col" className={column.numeric ? "num" : undefined} title={column.title}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
