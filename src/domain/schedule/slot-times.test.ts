import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, clockTime, venueDateOf } from "../calendar/venue-time";
import { isDomainError } from "../errors";
import { parseSchedule } from "./schedule-input";
import { isoWeekday, minutesOf, wantedSlots, type ScheduleRule } from "./slot-times";

const KOLKATA = "Asia/Kolkata";
const exhibition = { kind: "exhibition", durationMinutes: 60 } as const;
const rule = (over: Partial<ScheduleRule> = {}): ScheduleRule => ({ weekdays: [1, 2, 3, 4, 5, 6, 7], from: "10:00", until: "18:00", everyMinutes: 30, capacity: 50, ...over });
// 2026-11-23 is a Monday.
const week = Array.from({ length: 7 }, (_, day) => addDays("2026-11-23", day));
const times = (slots: { startsAt: Date }[], zone = KOLKATA) => slots.map((slot) => `${venueDateOf(slot.startsAt, zone)} ${clockTime(slot.startsAt, zone)}`);

describe("the slots a schedule wants", () => {
  it("numbers weekdays from Monday (1) to Sunday (7)", () => {
    expect(week.map(isoWeekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("starts at from, then every interval while the start is before until", () => {
    const slots = wantedSlots({ rules: [rule({ until: "11:30" })], closedDates: [] }, exhibition, ["2026-11-23"], KOLKATA);
    expect(times(slots)).toEqual(["2026-11-23 10:00", "2026-11-23 10:30", "2026-11-23 11:00"]);
    const ragged = wantedSlots({ rules: [rule({ until: "11:31" })], closedDates: [] }, exhibition, ["2026-11-23"], KOLKATA);
    expect(times(ragged).at(-1)).toBe("2026-11-23 11:30");
    const toMidnight = wantedSlots({ rules: [rule({ from: "22:00", until: "24:00", everyMinutes: 60 })], closedDates: [] }, exhibition, ["2026-11-23"], KOLKATA);
    expect(times(toMidnight)).toEqual(["2026-11-23 22:00", "2026-11-23 23:00"]);
  });

  it("makes the demo museum's day: 16 slots, 10:00 to 17:30, the entry slot 30 minutes long, a show its duration", () => {
    const slots = wantedSlots({ rules: [rule()], closedDates: [] }, exhibition, ["2026-11-21"], KOLKATA);
    expect(slots).toHaveLength(16);
    expect(slots[0]!.startsAt.toISOString()).toBe("2026-11-21T04:30:00.000Z");
    expect(slots[0]!.endsAt.toISOString()).toBe("2026-11-21T05:00:00.000Z");
    expect(slots.at(-1)!.startsAt.toISOString()).toBe("2026-11-21T12:00:00.000Z");
    const show = wantedSlots({ rules: [rule()], closedDates: [] }, { kind: "show", durationMinutes: 25 }, ["2026-11-21"], KOLKATA);
    expect(show[0]!.endsAt.getTime() - show[0]!.startsAt.getTime()).toBe(25 * 60_000);
  });

  it("keeps to the rule's weekdays in the venue's zone, whatever the server's", () => {
    const weekends = wantedSlots({ rules: [rule({ weekdays: [6, 7], until: "10:30" })], closedDates: [] }, exhibition, week, KOLKATA);
    expect(times(weekends)).toEqual(["2026-11-28 10:00", "2026-11-29 10:00"]);
    // 00:30 on a Saturday in Kolkata is still Friday in UTC: the venue's weekday counts.
    const early = wantedSlots({ rules: [rule({ weekdays: [6], from: "00:30", until: "01:00" })], closedDates: [] }, exhibition, week, KOLKATA);
    expect(early.map((slot) => slot.startsAt.toISOString())).toEqual(["2026-11-27T19:00:00.000Z"]);
    const ny = wantedSlots({ rules: [rule({ weekdays: [1], from: "23:00", until: "23:30" })], closedDates: [] }, exhibition, week, "America/New_York");
    expect(ny.map((slot) => slot.startsAt.toISOString())).toEqual(["2026-11-24T04:00:00.000Z"]);
  });

  it("makes no slots on closed dates", () => {
    const slots = wantedSlots({ rules: [rule()], closedDates: ["2026-11-24", "2026-11-26"] }, exhibition, week, KOLKATA);
    expect(new Set(slots.map((slot) => venueDateOf(slot.startsAt, KOLKATA)))).toEqual(new Set(["2026-11-23", "2026-11-25", "2026-11-27", "2026-11-28", "2026-11-29"]));
  });

  it("makes one slot of two rules' same start, of the larger capacity, whatever the rules' order", () => {
    const weekdays = rule({ weekdays: [1, 2, 3, 4, 5], capacity: 40 });
    const weekendsLonger = rule({ weekdays: [6, 7], until: "20:00", capacity: 60 });
    const everyDayMore = rule({ from: "12:00", until: "13:00", capacity: 80, everyMinutes: 60 });
    for (const rules of [[weekdays, weekendsLonger, everyDayMore], [everyDayMore, weekendsLonger, weekdays]]) {
      const slots = wantedSlots({ rules, closedDates: [] }, exhibition, week, KOLKATA);
      expect(slots.filter((slot) => venueDateOf(slot.startsAt, KOLKATA) === "2026-11-23")).toHaveLength(16);
      expect(slots.filter((slot) => venueDateOf(slot.startsAt, KOLKATA) === "2026-11-28")).toHaveLength(20);
      const noon = slots.filter((slot) => clockTime(slot.startsAt, KOLKATA) === "12:00");
      expect(noon.map((slot) => slot.capacity)).toEqual([80, 80, 80, 80, 80, 80, 80]);
      expect(slots.find((slot) => clockTime(slot.startsAt, KOLKATA) === "10:00")!.capacity).toBe(40);
    }
  });

  it("gives each instant once across a daylight-saving change", () => {
    // Europe/London: clocks go forward at 01:00 on 2026-03-29 and back at 02:00 on 2026-10-25.
    for (const date of ["2026-03-29", "2026-10-25"]) {
      const slots = wantedSlots({ rules: [rule({ from: "00:00", until: "04:00" })], closedDates: [] }, exhibition, [date], "Europe/London");
      const instants = slots.map((slot) => slot.startsAt.getTime());
      expect(new Set(instants).size).toBe(instants.length);
      expect(instants).toEqual([...instants].sort((a, b) => a - b));
    }
  });

  it("holds for any valid schedule: sorted, unique, inside the rules' hours and weekdays, never on a closed date", () => {
    const time = (min: number, max: number) => fc.integer({ min, max }).map((m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
    const arbitraryRule = fc
      .record({ weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), from: time(0, 1380), length: fc.integer({ min: 1, max: 600 }), everyMinutes: fc.integer({ min: 5, max: 720 }), capacity: fc.integer({ min: 1, max: 500 }) })
      .map(({ length, ...r }) => ({ ...r, until: (() => { const end = Math.min(1440, minutesOf(r.from) + length); return end === 1440 ? "24:00" : `${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`; })() }));
    fc.assert(
      fc.property(fc.array(arbitraryRule, { minLength: 1, maxLength: 4 }), fc.subarray(week), (rules, closedDates) => {
        const schedule = parseSchedule({ rules, closedDates });
        const slots = wantedSlots(schedule, exhibition, week, KOLKATA);
        const instants = slots.map((slot) => slot.startsAt.getTime());
        expect(new Set(instants).size).toBe(instants.length);
        expect(instants).toEqual([...instants].sort((a, b) => a - b));
        for (const slot of slots) {
          const date = venueDateOf(slot.startsAt, KOLKATA);
          const minute = minutesOf(clockTime(slot.startsAt, KOLKATA));
          expect(closedDates).not.toContain(date);
          const makers = rules.filter((r) => r.weekdays.includes(isoWeekday(date)) && minute >= minutesOf(r.from) && minute < minutesOf(r.until) && (minute - minutesOf(r.from)) % r.everyMinutes === 0);
          expect(makers.length).toBeGreaterThan(0);
          expect(slot.capacity).toBe(Math.max(...makers.map((r) => r.capacity)));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("a schedule as a client sends it", () => {
  const fieldsOf = (body: unknown) => {
    try {
      parseSchedule(body);
    } catch (error) {
      if (isDomainError(error) && error.code === "invalid_request") return error.details.fields as Record<string, string>;
      throw error;
    }
    throw new Error("accepted");
  };

  it("accepts a valid one, with weekdays and closed dates in order", () => {
    expect(parseSchedule({ rules: [rule({ weekdays: [7, 1], until: "24:00" })], closedDates: ["2026-12-25", "2026-01-26"] })).toEqual({
      rules: [rule({ weekdays: [1, 7], until: "24:00" })],
      closedDates: ["2026-01-26", "2026-12-25"],
    });
    expect(parseSchedule({ rules: [rule()] }).closedDates).toEqual([]);
  });

  it("names every field that is wrong, by its path", () => {
    expect(fieldsOf({ rules: [] })).toHaveProperty("rules");
    expect(fieldsOf({ rules: Array.from({ length: 21 }, () => rule()) })).toHaveProperty("rules");
    const fields = fieldsOf({
      rules: [rule(), { weekdays: [0, 8], from: "24:00", until: "9:00", everyMinutes: 4, capacity: 0, colour: "red" }, rule({ weekdays: [], from: "12:00", until: "12:00", everyMinutes: 721, capacity: 100_001 }), rule({ weekdays: [1, 1] }), "a rule"],
      closedDates: ["2026-02-30", "2026-03-01", "2026-03-01"],
      extra: true,
    });
    expect(Object.keys(fields).sort()).toEqual(
      ["closedDates", "closedDates.0", "extra", "rules.1.capacity", "rules.1.colour", "rules.1.everyMinutes", "rules.1.from", "rules.1.until", "rules.1.weekdays", "rules.2.capacity", "rules.2.everyMinutes", "rules.2.until", "rules.2.weekdays", "rules.3.weekdays", "rules.4"].sort(),
    );
    expect(fieldsOf({ rules: [rule()], closedDates: Array.from({ length: 367 }, (_, i) => addDays("2026-01-01", i)) })).toHaveProperty("closedDates");
    expect(fieldsOf(null)).toHaveProperty("rules");
  });

  it("refuses rules that would make more than 288 slots a day", () => {
    expect(() => parseSchedule({ rules: [rule({ from: "00:00", until: "24:00", everyMinutes: 5 })] })).not.toThrow();
    expect(fieldsOf({ rules: [rule({ from: "00:00", until: "24:00", everyMinutes: 5 }), rule({ from: "00:01", until: "00:02", everyMinutes: 5 })] })).toHaveProperty("rules");
  });
});
