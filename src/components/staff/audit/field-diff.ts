/** One field of an audited entity that a change touched, as text for people. */
export type FieldChange = { field: string; before: string; after: string };

const shown = (value: unknown): string => {
  if (value === undefined) return "—";
  if (value === null) return "none";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
};

const fieldsOf = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : value === null || value === undefined ? {} : { value });

/** The fields whose value differs between before and after (all of them for a creation or a removal). */
export function fieldDiff(before: unknown, after: unknown): FieldChange[] {
  const from = fieldsOf(before);
  const to = fieldsOf(after);
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .map((field) => ({ field, before: shown(from[field]), after: shown(to[field]) }));
}

/** What names the entity for people, when the entry kept it (an e-mail, a slug, a title). */
export function entityLabel(before: unknown, after: unknown): string | undefined {
  for (const side of [fieldsOf(after), fieldsOf(before)]) {
    for (const key of ["email", "slug", "title", "name"]) if (typeof side[key] === "string") return side[key] as string;
  }
  return undefined;
}
