/** A console table's caption (for screen readers) and column headings. */
export function TableHead({ caption, columns }: { caption: string; columns: string[] }) {
  return (
    <>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-line text-left">
          {columns.map((column) => (
            <th key={column} scope="col" className="py-2 pr-3">
              {column}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}
