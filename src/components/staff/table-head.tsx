/** A column heading, or one with the alignment of its cells (counts are right-aligned). */
type Column = string | { label: string; align: "right" };

/** A console table's caption (for screen readers) and column headings. */
export function TableHead({ caption, columns }: { caption: string; columns: Column[] }) {
  return (
    <>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-line text-left">
          {columns.map((column) => {
            const { label, align } = typeof column === "string" ? { label: column, align: undefined } : column;
            return (
              <th key={label} scope="col" className={align === "right" ? "py-2 pr-3 text-right" : "py-2 pr-3"}>
                {label}
              </th>
            );
          })}
        </tr>
      </thead>
    </>
  );
}
