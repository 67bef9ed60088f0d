/** When a ticket admits: from a while before its slot starts until a while after it ends (CHECKIN_OPENS_MINUTES_BEFORE, CHECKIN_CLOSES_MINUTES_AFTER). */
export type EntryWindow = { opensAt: string; closesAt: string };

const MINUTE_MS = 60_000;

export function entryWindow(slot: { startsAt: Date; endsAt: Date }, settings: { checkInOpensMinutesBefore: number; checkInClosesMinutesAfter: number }): EntryWindow {
  return {
    opensAt: new Date(slot.startsAt.getTime() - settings.checkInOpensMinutesBefore * MINUTE_MS).toISOString(),
    closesAt: new Date(slot.endsAt.getTime() + settings.checkInClosesMinutesAfter * MINUTE_MS).toISOString(),
  };
}

export const insideWindow = (window: EntryWindow, at: Date): boolean => at.getTime() >= Date.parse(window.opensAt) && at.getTime() <= Date.parse(window.closesAt);
