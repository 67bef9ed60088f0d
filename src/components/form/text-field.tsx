export type FieldSpec = { name: string; label: string; type: string; autoComplete: string; hint?: string; required?: boolean; defaultValue?: string; value?: string; onChange?: (value: string) => void };

type Wording = { optional: string; problem: (label: string, problem: string) => string };
const ENGLISH: Wording = { optional: "(optional)", problem: (label, problem) => `${label} ${problem}.` };

/**
 * A labelled input with its hint and the server's complaint about it, both tied to it for screen
 * readers. Controlled when the field has `value` and `onChange`; `wording` puts it in the page's language.
 */
export function TextField({ field, formId, problem, wording = ENGLISH }: { field: FieldSpec; formId: string; problem?: string; wording?: Wording }) {
  const id = `${formId}-${field.name}`;
  const described = [field.hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {field.label}
        {field.required === false && <span className="font-normal text-muted"> {wording.optional}</span>}
      </label>
      <input
        id={id}
        name={field.name}
        type={field.type}
        autoComplete={field.autoComplete}
        required={field.required !== false}
        defaultValue={field.defaultValue}
        value={field.value}
        onChange={field.onChange && ((event) => field.onChange!(event.target.value))}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described}
        className="mt-1 block w-full rounded-lg border border-line bg-white px-3 py-2 text-base text-ink focus:border-accent"
      />
      {field.hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {field.hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-error`} className="mt-1 text-sm text-sold">
          {wording.problem(field.label, problem)}
        </p>
      )}
    </div>
  );
}
