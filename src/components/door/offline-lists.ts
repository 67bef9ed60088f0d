import type { StoredLists, QueuedScan } from "./door-storage";

/** GET /api/checkin/offline's answer. */
export type ListAnswer = {
  publicKey: { jwk: JsonWebKey };
  date: string;
  cursor: string;
  entryWindow: StoredLists["entryWindow"];
  void: string[];
  admitted: string[];
  undone: string[];
};

/**
 * The lists after an answer: a full list (another day, or none kept) replaces them, a `since` answer
 * is merged. Admissions this device made offline and has not uploaded yet stay in, whatever the server says.
 */
export function mergeLists(kept: StoredLists | undefined, answer: ListAnswer, queue: QueuedScan[]): StoredLists {
  const base = kept && kept.date === answer.date ? kept : undefined;
  const admitted = { ...(base?.admitted ?? {}) };
  for (const id of answer.undone) delete admitted[id];
  for (const id of answer.admitted) admitted[id] ??= { at: answer.cursor, gate: null };
  for (const scan of queue) admitted[scan.ticketId] ??= { at: scan.at, gate: scan.gate };
  return {
    date: answer.date,
    cursor: answer.cursor,
    jwk: answer.publicKey.jwk,
    entryWindow: answer.entryWindow,
    void: [...new Set([...(base?.void ?? []), ...answer.void])],
    admitted,
  };
}
