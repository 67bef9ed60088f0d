import { afterEach, describe, expect, it, vi } from "vitest";
import { doorStorage, type QueuedScan, type StoredLists } from "./door-storage";
import { forgetDoorDevice } from "./door-worker";

/** The browser's localStorage and CacheStorage, as much of them as the door uses. */
function browserStorage() {
  const items = new Map<string, string>();
  const cacheNames = new Set(["door-v1", "another-app"]);
  vi.stubGlobal("localStorage", { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => items.set(key, value), removeItem: (key: string) => items.delete(key) });
  vi.stubGlobal("caches", { delete: async (name: string) => cacheNames.delete(name) });
  return { cacheNames };
}

afterEach(() => vi.unstubAllGlobals());

describe("signing out on a door device", () => {
  it("forgets the kept page and the day's lists with the key, and keeps the gate and the scans still to upload", async () => {
    const { cacheNames } = browserStorage();
    const lists: StoredLists = { date: "2026-11-22", cursor: "2026-11-21T20:00:00.000Z", jwk: { kty: "OKP" }, entryWindow: { opensMinutesBefore: 30, closesMinutesAfter: 30 }, void: ["v1"], admitted: {} };
    const queued: QueuedScan = { scanId: "scan-0001", token: "t.s", at: "2026-11-21T19:58:00.000Z", gate: "North", ticketId: "q1" };
    doorStorage.saveLists(lists);
    doorStorage.saveQueue([queued]);
    doorStorage.saveGate("North");

    await forgetDoorDevice();
    expect(doorStorage.lists()).toBeUndefined();
    expect([...cacheNames]).toEqual(["another-app"]);
    expect(doorStorage.queue()).toEqual([queued]);
    expect(doorStorage.gate()).toBe("North");
  });
});
