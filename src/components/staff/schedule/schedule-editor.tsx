"use client";

import { useState } from "react";
import { formatDay, formatWhen } from "@/components/format";
import { problemMessage, staffApi, type StaffApiProblem } from "@/components/staff/staff-api";
import type { VenueDate } from "@/domain/calendar/venue-time";
import { isDomainError } from "@/domain/errors";
import type { ScheduleChange } from "@/domain/schedule/replace-schedule";
import { parseSchedule } from "@/domain/schedule/schedule-input";
import type { Schedule, ScheduleRule, SlotShape } from "@/domain/schedule/slot-times";
import { SchedulePreview } from "./schedule-preview";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const NUMBER_FIELDS = ["everyMinutes", "capacity"] as const;
type RuleDraft = { key: number; weekdays: number[]; from: string; until: string; everyMinutes: string; capacity: string };

const draftOf = (rule: ScheduleRule, key: number): RuleDraft => ({ key, weekdays: rule.weekdays, from: rule.from, until: rule.until, everyMinutes: String(rule.everyMinutes), capacity: String(rule.capacity) });
// An empty box is sent as it is (and refused with its field named), not as 0.
const numberOf = (text: string): number | string => (text.trim() === "" ? text : Number(text));
const bodyOf = (rules: RuleDraft[], closedDates: string[]) => ({
  rules: rules.map(({ weekdays, from, until, everyMinutes, capacity }) => ({ weekdays, from, until, everyMinutes: numberOf(everyMinutes), capacity: numberOf(capacity) })),
  closedDates,
});

/** Checks the draft as the server will: the schedule to preview, or the fields that are wrong. */
function check(body: unknown): { schedule: Schedule; fields?: undefined } | { schedule?: undefined; fields: Record<string, string> } {
  try {
    return { schedule: parseSchedule(body) };
  } catch (error) {
    if (isDomainError(error)) return { fields: (error.details.fields ?? {}) as Record<string, string> };
    throw error;
  }
}

type Props = { slug: string; shape: SlotShape; initial: Schedule; isNew: boolean; timeZone: string; today: VenueDate };

/** Edits an exhibition's weekly rules and closed dates, previews a week of them, and saves them (PUT …/schedule). */
export function ScheduleEditor({ slug, shape, initial, isNew, timeZone, today }: Props) {
  const [rules, setRules] = useState<RuleDraft[]>(() => initial.rules.map(draftOf));
  const [closedDates, setClosedDates] = useState<string[]>(initial.closedDates);
  const [newDate, setNewDate] = useState("");
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ change: ScheduleChange } | { error: string } | null>(null);
  const body = bodyOf(rules, closedDates);
  const checked = check(body);
  const fields = checked.fields ?? {};

  const change = (key: number, patch: Partial<RuleDraft>) => setRules((all) => all.map((rule) => (rule.key === key ? { ...rule, ...patch } : rule)));
  const addRule = () => setRules((all) => [...all, draftOf({ weekdays: [6, 7], from: "10:00", until: "20:00", everyMinutes: 30, capacity: 50 }, Math.max(0, ...all.map((rule) => rule.key)) + 1)]);
  const addDate = () => {
    if (newDate && !closedDates.includes(newDate)) setClosedDates((all) => [...all, newDate].sort());
    setNewDate("");
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setOutcome(null);
    try {
      const answer = await staffApi<ScheduleChange>(`/api/staff/exhibitions/${encodeURIComponent(slug)}/schedule`, { method: "PUT", body });
      setOutcome({ change: answer });
    } catch (error) {
      const problem = error as StaffApiProblem;
      const named = problem.details?.fields ? ` ${Object.entries(problem.details.fields as Record<string, string>).map(([field, message]) => `${field} ${message}`).join("; ")}.` : "";
      setOutcome({ error: `${problemMessage(error)}${named}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={save} className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" noValidate>
      <div>
        <h2 className="font-serif text-2xl font-semibold text-ink">Weekly rules</h2>
        {isNew && <p className="mt-1 text-sm text-muted">This exhibition has no schedule yet: these rules are a suggestion until you save them.</p>}
        {fields.rules && <p className="mt-2 text-sm text-sold">Rules {fields.rules}.</p>}
        <ol className="mt-3 grid gap-4">
          {rules.map((rule, index) => (
            <li key={rule.key}>
              <fieldset className="rounded-xl border border-line bg-white p-4" data-testid="schedule-rule">
                <legend className="px-1 font-semibold text-ink">Rule {index + 1}</legend>
                <fieldset>
                  <legend className="text-sm font-semibold text-ink">Days</legend>
                  <div className="mt-1 flex flex-wrap gap-3">
                    {WEEKDAYS.map((name, day) => (
                      <label key={name} className="flex items-center gap-1 text-sm text-ink">
                        <input
                          type="checkbox"
                          checked={rule.weekdays.includes(day + 1)}
                          onChange={(event) => change(rule.key, { weekdays: event.target.checked ? [...rule.weekdays, day + 1].sort() : rule.weekdays.filter((d) => d !== day + 1) })}
                        />
                        {name}
                      </label>
                    ))}
                  </div>
                  <Problem id={`rule-${rule.key}-weekdays`} text={fields[`rules.${index}.weekdays`]} />
                </fieldset>
                <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
                  <RuleField rule={rule} name="from" label="First start" hint="HH:MM" problem={fields[`rules.${index}.from`]} onChange={change} />
                  <RuleField rule={rule} name="until" label="Starts before" hint="HH:MM, 24:00 for midnight" problem={fields[`rules.${index}.until`]} onChange={change} />
                  {NUMBER_FIELDS.map((name) => (
                    <RuleField key={name} rule={rule} name={name} label={name === "everyMinutes" ? "Every (minutes)" : "Places a slot"} problem={fields[`rules.${index}.${name}`]} onChange={change} numeric />
                  ))}
                </div>
                {rules.length > 1 && (
                  <button type="button" onClick={() => setRules((all) => all.filter((other) => other.key !== rule.key))} className="mt-3 rounded-lg border border-line px-3 py-1 text-sm font-semibold text-ink hover:border-accent">
                    Remove rule {index + 1}
                  </button>
                )}
              </fieldset>
            </li>
          ))}
        </ol>
        <button type="button" onClick={addRule} className="mt-3 rounded-lg border border-line bg-white px-4 py-2 text-sm font-semibold text-ink hover:border-accent">
          Add a rule
        </button>

        <h2 className="mt-8 font-serif text-2xl font-semibold text-ink">Closed dates</h2>
        {fields.closedDates && <p className="mt-2 text-sm text-sold">Closed dates {fields.closedDates}.</p>}
        {closedDates.length === 0 ? (
          <p className="mt-2 text-sm text-muted">None: the rules apply every week.</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-2" data-testid="closed-dates">
            {closedDates.map((date) => (
              <li key={date} className="flex items-center gap-2 rounded-lg border border-line bg-white px-3 py-1 text-sm text-ink">
                {formatDay(date, "long")}
                <button type="button" onClick={() => setClosedDates((all) => all.filter((other) => other !== date))} className="font-semibold text-accent-dark underline-offset-4 hover:underline" aria-label={`Open again on ${formatDay(date, "long")}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-3 flex flex-wrap items-end gap-2">
          <label className="text-sm font-semibold text-ink">
            Date to close
            <input type="date" value={newDate} min={today} onChange={(event) => setNewDate(event.target.value)} className="mt-1 block rounded-lg border border-line bg-white px-3 py-2 text-base text-ink" />
          </label>
          <button type="button" onClick={addDate} className="rounded-lg border border-line bg-white px-4 py-2 text-sm font-semibold text-ink hover:border-accent">
            Close this date
          </button>
        </div>

        <div className="mt-8">
          <button type="submit" disabled={saving} className="rounded-lg bg-accent px-6 py-3 font-semibold text-white hover:bg-accent-dark disabled:opacity-60">
            {saving ? "Saving…" : "Save schedule"}
          </button>
        </div>
        <div aria-live="polite" className="mt-4" data-testid="schedule-outcome">
          {outcome && "error" in outcome && <p className="text-sold">{outcome.error}</p>}
          {outcome && "change" in outcome && <Outcome change={outcome.change} timeZone={timeZone} />}
        </div>
      </div>

      <div>
        <h2 className="font-serif text-2xl font-semibold text-ink">The next seven days</h2>
        {checked.schedule ? (
          <SchedulePreview schedule={checked.schedule} shape={shape} from={today} timeZone={timeZone} />
        ) : (
          <p className="mt-3 text-sm text-muted">Correct the fields marked in the rules to see the slots they give.</p>
        )}
      </div>
    </form>
  );
}

function RuleField({ rule, name, label, hint, problem, numeric, onChange }: { rule: RuleDraft; name: "from" | "until" | "everyMinutes" | "capacity"; label: string; hint?: string; problem?: string; numeric?: boolean; onChange: (key: number, patch: Partial<RuleDraft>) => void }) {
  const id = `rule-${rule.key}-${name}`;
  const described = [hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {label}
      </label>
      <input
        id={id}
        type={numeric ? "number" : "text"}
        inputMode={numeric ? "numeric" : undefined}
        value={rule[name]}
        onChange={(event) => onChange(rule.key, { [name]: event.target.value })}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described}
        className="mt-1 block w-full rounded-lg border border-line bg-white px-3 py-2 text-base text-ink focus:border-accent"
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      <Problem id={id} text={problem} />
    </div>
  );
}

const Problem = ({ id, text }: { id: string; text?: string }) =>
  text ? (
    <p id={`${id}-error`} className="mt-1 text-sm text-sold">
      {text}
    </p>
  ) : null;

function Outcome({ change, timeZone }: { change: ScheduleChange; timeZone: string }) {
  return (
    <div className="rounded-xl border border-line bg-white p-4">
      <p className="font-semibold text-ink" data-testid="schedule-saved">
        Saved. {change.slotsCreated} slot{change.slotsCreated === 1 ? "" : "s"} created, {change.slotsRemoved} removed, {change.slotsResized} with a new capacity.
      </p>
      {change.skipped.length > 0 && (
        <>
          <p className="mt-2 text-sm text-ink">{change.skipped.length} left as they were, because people hold places in them or staff closed them:</p>
          <table className="mt-2 w-full border-collapse text-sm" data-testid="schedule-skipped">
            <thead>
              <tr className="border-b border-line text-left">
                <th scope="col" className="py-1 pr-3">Slot</th>
                <th scope="col" className="py-1">Why</th>
              </tr>
            </thead>
            <tbody>
              {change.skipped.map((slot) => (
                <tr key={`${slot.slotId} ${slot.change}`} className="border-b border-line/60">
                  <td className="py-1 pr-3">{formatWhen(slot.startsAt, timeZone)}</td>
                  <td className="py-1">{slot.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
