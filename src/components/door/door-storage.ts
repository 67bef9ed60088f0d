"use client";

/** The day's lists as this device keeps them (localStorage), so a reload without a network still decides. */
export type StoredLists = {
  date: string;
  cursor: string;
  jwk: JsonWebKey;
  entryWindow: { opensMinutesBefore: number; closesMinutesAfter: number };
  void: string[];
  /** Ticket id → when and where it was admitted (for the server's list: when this device learnt of it). */
  admitted: Record<string, { at: string; gate: string | null }>;
};

/** A scan admitted offline, waiting to be uploaded. */
export type QueuedScan = { scanId: string; token: string; at: string; gate: string; ticketId: string };

const KEYS = { gate: "door.gate", lists: "door.lists", queue: "door.queue", synced: "door.lastSynced" } as const;

function read<T>(key: string): T | undefined {
  try {
    const text = localStorage.getItem(key);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}
const write = (key: string, value: unknown) => localStorage.setItem(key, JSON.stringify(value));

export const doorStorage = {
  gate: () => read<string>(KEYS.gate),
  saveGate: (gate: string) => write(KEYS.gate, gate),
  lists: () => read<StoredLists>(KEYS.lists),
  saveLists: (lists: StoredLists) => write(KEYS.lists, lists),
  forgetLists: () => localStorage.removeItem(KEYS.lists),
  queue: () => read<QueuedScan[]>(KEYS.queue) ?? [],
  saveQueue: (queue: QueuedScan[]) => write(KEYS.queue, queue),
  lastSynced: () => read<string>(KEYS.synced),
  saveLastSynced: (at: string) => write(KEYS.synced, at),
};
