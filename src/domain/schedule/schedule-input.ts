import { isVenueDate } from "../calendar/venue-time";
import { DomainError } from "../errors";
import { minutesOf, type Schedule } from "./slot-times";

export const SCHEDULE_LIMITS = { rules: 20, closedDates: 366, everyMinutes: { min: 5, max: 720 }, capacity: { min: 1, max: 100_000 }, slotsPerDay: 288 } as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const isWhole = (value: unknown, min: number, max: number): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/**
 * A schedule as a client sent it, checked field by field: 400 `invalid_request` with `fields` keyed
 * by path (`rules.1.until`), so a form can point at the field. `from` is 00:00–23:59; `until` may
 * also be 24:00, to run until midnight.
 */
export function parseSchedule(body: unknown): Schedule {
  const fields: Record<string, string> = {};
  const input = (typeof body === "object" && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  for (const key of Object.keys(input)) if (key !== "rules" && key !== "closedDates") fields[key] = "is not a known field";

  const rules = input.rules;
  if (!Array.isArray(rules) || rules.length === 0) fields.rules = "must be a list of 1 to 20 rules";
  else if (rules.length > SCHEDULE_LIMITS.rules) fields.rules = `must have at most ${SCHEDULE_LIMITS.rules} rules`;
  else rules.forEach((rule, index) => checkRule(rule, `rules.${index}`, fields));

  const closedDates = input.closedDates ?? [];
  if (!Array.isArray(closedDates)) fields.closedDates = "must be a list of dates YYYY-MM-DD";
  else if (closedDates.length > SCHEDULE_LIMITS.closedDates) fields.closedDates = `must have at most ${SCHEDULE_LIMITS.closedDates} dates`;
  else {
    closedDates.forEach((date, index) => {
      if (typeof date !== "string" || !isVenueDate(date)) fields[`closedDates.${index}`] = "must be a real date written YYYY-MM-DD";
    });
    if (new Set(closedDates).size !== closedDates.length) fields.closedDates ??= "must not name a date twice";
  }

  if (Object.keys(fields).length === 0 && busiestDay(rules as Schedule["rules"]) > SCHEDULE_LIMITS.slotsPerDay) {
    fields.rules = `must make at most ${SCHEDULE_LIMITS.slotsPerDay} slots a day`;
  }
  if (Object.keys(fields).length > 0) throw new DomainError("invalid_request", "Some fields of the schedule are not valid.", { fields });
  const valid = rules as Schedule["rules"];
  return {
    rules: valid.map(({ weekdays, from, until, everyMinutes, capacity }) => ({ weekdays: [...weekdays].sort((a, b) => a - b), from, until, everyMinutes, capacity })),
    closedDates: [...(closedDates as string[])].sort(),
  };
}

function checkRule(rule: unknown, path: string, fields: Record<string, string>): void {
  if (typeof rule !== "object" || rule === null || Array.isArray(rule)) {
    fields[path] = "must be a rule { weekdays, from, until, everyMinutes, capacity }";
    return;
  }
  const { weekdays, from, until, everyMinutes, capacity, ...rest } = rule as Record<string, unknown>;
  for (const key of Object.keys(rest)) fields[`${path}.${key}`] = "is not a known field";
  if (!Array.isArray(weekdays) || weekdays.length === 0 || !weekdays.every((day) => isWhole(day, 1, 7)) || new Set(weekdays).size !== weekdays.length) {
    fields[`${path}.weekdays`] = "must list weekdays 1 (Monday) to 7 (Sunday), each once";
  }
  const fromOk = typeof from === "string" && TIME.test(from);
  const untilOk = typeof until === "string" && (TIME.test(until) || until === "24:00");
  if (!fromOk) fields[`${path}.from`] = "must be a time HH:MM from 00:00 to 23:59";
  if (!untilOk) fields[`${path}.until`] = "must be a time HH:MM from 00:01 to 24:00";
  else if (fromOk && minutesOf(until) <= minutesOf(from)) fields[`${path}.until`] = "must be after from";
  const { min, max } = SCHEDULE_LIMITS.everyMinutes;
  if (!isWhole(everyMinutes, min, max)) fields[`${path}.everyMinutes`] = `must be a whole number of minutes from ${min} to ${max}`;
  if (!isWhole(capacity, SCHEDULE_LIMITS.capacity.min, SCHEDULE_LIMITS.capacity.max)) fields[`${path}.capacity`] = `must be a whole number from ${SCHEDULE_LIMITS.capacity.min} to ${SCHEDULE_LIMITS.capacity.max}`;
}

/** The most slot starts the rules make on one weekday: what bounds the rows a schedule can add. */
function busiestDay(rules: Schedule["rules"]): number {
  let most = 0;
  for (let weekday = 1; weekday <= 7; weekday++) {
    const starts = new Set<number>();
    for (const rule of rules.filter((candidate) => candidate.weekdays.includes(weekday))) {
      for (let minute = minutesOf(rule.from); minute < minutesOf(rule.until); minute += rule.everyMinutes) starts.add(minute);
    }
    most = Math.max(most, starts.size);
  }
  return most;
}
