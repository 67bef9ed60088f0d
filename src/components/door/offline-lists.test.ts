import { describe, expect, it } from "vitest";
import type { QueuedScan, StoredLists } from "./door-storage";
import { mergeLists, type ListAnswer } from "./offline-lists";

const answer = (over: Partial<ListAnswer> = {}): ListAnswer => ({
  publicKey: { jwk: { kty: "OKP", crv: "Ed25519", x: "key" } },
  date: "2026-11-22",
  cursor: "2026-11-21T20:00:00.000Z",
  entryWindow: { opensMinutesBefore: 30, closesMinutesAfter: 30 },
  void: [],
  admitted: [],
  undone: [],
  ...over,
});
const kept: StoredLists = { ...answer(), cursor: "2026-11-21T19:59:30.000Z", jwk: { kty: "OKP" }, void: ["v1"], admitted: { a1: { at: "2026-11-21T19:50:00.000Z", gate: "North" }, a2: { at: "2026-11-21T19:51:00.000Z", gate: "North" } } };
const queued: QueuedScan = { scanId: "scan-0001", token: "t.s", at: "2026-11-21T19:58:00.000Z", gate: "Basement", ticketId: "q1" };

describe("the door's lists after an answer", () => {
  it("merges an answer since the cursor: new voids and admissions added, undone ones dropped, known times kept", () => {
    const merged = mergeLists(kept, answer({ void: ["v2"], admitted: ["a1", "a3"], undone: ["a2"] }), []);
    expect(merged.void.sort()).toEqual(["v1", "v2"]);
    expect(merged.admitted).toEqual({ a1: kept.admitted.a1, a3: { at: "2026-11-21T20:00:00.000Z", gate: null } });
    expect(merged.cursor).toBe("2026-11-21T20:00:00.000Z");
    expect(merged.jwk).toEqual(answer().publicKey.jwk);
  });

  it("starts again on another day, keeping only the admissions still waiting to be uploaded", () => {
    const merged = mergeLists(kept, answer({ date: "2026-11-23", admitted: ["b1"] }), [queued]);
    expect(merged.void).toEqual([]);
    expect(merged.admitted).toEqual({ b1: { at: "2026-11-21T20:00:00.000Z", gate: null }, q1: { at: queued.at, gate: "Basement" } });
  });

  it("keeps a waiting admission that the server undid before it heard of it", () => {
    const merged = mergeLists({ ...kept, admitted: {} }, answer({ undone: ["q1"] }), [queued]);
    expect(merged.admitted.q1).toEqual({ at: queued.at, gate: "Basement" });
  });
});
