const bands: readonly [number, string][] = [
  [10, "1-10"],
  [50, "11-50"],
  [200, "51-200"],
  [500, "201-500"],
  [1000, "501-1000"],
  [5000, "1001-5000"],
  [10000, "5001-10000"],
];

/** The size band ("51-200") of an organisation with `employees` people; null for a non-positive or non-number count. */
export function sizeBandForEmployees(employees: unknown): string | null {
  const n = typeof employees === "string" && employees.trim() !== "" ? Number(employees) : employees;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 1) return null;
  for (const [upTo, band] of bands) if (n <= upTo) return band;
  return "10001+";
}
