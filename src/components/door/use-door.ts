"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { decideOffline, importTicketKey, listedId, readTicketToken } from "@/domain/checkin/offline-decision";
import { doorApi, isNetworkDown, scannedText } from "./door-api";
import { doorStorage, type QueuedScan, type StoredLists } from "./door-storage";
import { mergeLists, type ListAnswer } from "./offline-lists";
import { codeNeedsNetwork, fromOffline, fromServer, keyMissing, type ScanResult } from "./scan-result";

// How often the lists are refreshed and waiting scans retried while the page is open.
const REFRESH_MS = 30_000;
// POST /api/checkin/sync takes at most this many scans at once.
const BATCH = 100;

export type SyncReport = { at: string; uploaded: number; conflicts: { scanId: string; result: string }[]; problem?: string };

/**
 * The door's state: scans answered by the server when it can be reached, decided here with the
 * day's lists and the public key when not, and the offline admissions uploaded as soon as it can.
 */
export function useDoor(gate: string | undefined, zone: string) {
  const [online, setOnline] = useState(true);
  const [lists, setLists] = useState<StoredLists | undefined>();
  const [queue, setQueue] = useState<QueuedScan[]>([]);
  const [lastSynced, setLastSynced] = useState<string | undefined>();
  const [report, setReport] = useState<SyncReport | undefined>();
  const keyRef = useRef<{ jwk: string; key: Promise<CryptoKey> } | undefined>(undefined);
  const busy = useRef(false);

  const synced = useCallback(() => {
    const at = new Date().toISOString();
    doorStorage.saveLastSynced(at);
    setLastSynced(at);
    setOnline(true);
  }, []);

  const saveLists = useCallback((next: StoredLists) => {
    doorStorage.saveLists(next);
    setLists(next);
  }, []);

  const refreshLists = useCallback(async () => {
    const kept = doorStorage.lists();
    const since = kept ? `?since=${encodeURIComponent(kept.cursor)}` : "";
    let reply = await doorApi(`/api/checkin/offline${since}`);
    // A cursor of another day (or one the server no longer takes) starts the lists again.
    if (reply.status === 200 && kept && (reply.body as ListAnswer).date !== kept.date) reply = await doorApi("/api/checkin/offline");
    if (reply.status !== 200) return;
    saveLists(mergeLists(doorStorage.lists(), reply.body as ListAnswer, doorStorage.queue()));
    synced();
  }, [saveLists, synced]);

  const upload = useCallback(async () => {
    let waiting = doorStorage.queue();
    const conflicts: SyncReport["conflicts"] = [];
    let uploaded = 0;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, BATCH);
      const reply = await doorApi("/api/checkin/sync", { scans: batch.map(({ scanId, token, at, gate }) => ({ scanId, token, at, gate })) });
      if (reply.status !== 200) {
        const error = reply.body.error as { message?: string } | undefined;
        setReport({ at: new Date().toISOString(), uploaded, conflicts, problem: error?.message ?? `The server answered ${reply.status}.` });
        return;
      }
      const results = (reply.body as { results: { scanId: string; result: string }[] }).results;
      conflicts.push(...results.filter((result) => result.result !== "admitted"));
      uploaded += results.length;
      const done = new Set(results.map((result) => result.scanId));
      waiting = doorStorage.queue().filter((scan) => !done.has(scan.scanId));
      doorStorage.saveQueue(waiting);
      setQueue(waiting);
    }
    if (uploaded > 0) setReport({ at: new Date().toISOString(), uploaded, conflicts });
  }, []);

  /** Uploads what waits, then refreshes the lists; a lost network leaves both for the next try. */
  const syncNow = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      await upload();
      await refreshLists();
    } catch (error) {
      if (!isNetworkDown(error)) throw error;
      setOnline(false);
    } finally {
      busy.current = false;
    }
  }, [upload, refreshLists]);

  useEffect(() => {
    /* eslint-disable react-hooks/set-state-in-effect -- what this device kept is only readable once mounted (localStorage) */
    setLists(doorStorage.lists());
    setQueue(doorStorage.queue());
    setLastSynced(doorStorage.lastSynced());
    setOnline(navigator.onLine);
    /* eslint-enable react-hooks/set-state-in-effect */
    void syncNow();
    const timer = setInterval(() => void (navigator.onLine && syncNow()), REFRESH_MS);
    const back = () => void syncNow();
    const lost = () => setOnline(false);
    window.addEventListener("online", back);
    window.addEventListener("offline", lost);
    return () => {
      clearInterval(timer);
      window.removeEventListener("online", back);
      window.removeEventListener("offline", lost);
    };
  }, [syncNow]);

  const decideHere = useCallback(
    async (text: string, scanId: string): Promise<ScanResult> => {
      if (!text.includes(".")) return codeNeedsNetwork;
      const kept = doorStorage.lists();
      if (!kept) return keyMissing;
      const jwk = JSON.stringify(kept.jwk);
      if (keyRef.current?.jwk !== jwk) keyRef.current = { jwk, key: importTicketKey(kept.jwk) };
      const claims = await readTicketToken(text, await keyRef.current.key);
      if (!claims) return fromOffline({ result: "unknown" }, zone);
      const decision = decideOffline(claims, { void: new Set(kept.void), admitted: new Map(Object.entries(kept.admitted)), entryWindow: kept.entryWindow }, new Date());
      if (decision.result === "admitted") {
        const scan: QueuedScan = { scanId, token: text.trim(), at: new Date().toISOString(), gate: gate!, ticketId: listedId(claims) };
        const waiting = [...doorStorage.queue(), scan];
        doorStorage.saveQueue(waiting);
        setQueue(waiting);
        saveLists({ ...kept, admitted: { ...kept.admitted, [scan.ticketId]: { at: scan.at, gate: scan.gate } } });
      }
      return fromOffline(decision, zone);
    },
    [gate, zone, saveLists],
  );

  /** One scan (a QR's text or a typed code), answered by the server or, without a network, here. */
  const scan = useCallback(
    async (text: string): Promise<ScanResult> => {
      const scanId = crypto.randomUUID();
      if (navigator.onLine) {
        try {
          const reply = await doorApi("/api/checkin", { ...scannedText(text.trim()), gate, scanId });
          setOnline(true);
          const ticket = (reply.body as { ticket?: { id: string } }).ticket;
          const kept = doorStorage.lists();
          if (reply.status === 200 && ticket && kept) saveLists({ ...kept, admitted: { ...kept.admitted, [ticket.id]: { at: new Date().toISOString(), gate: gate ?? null } } });
          return fromServer(reply.status, reply.body, zone);
        } catch (error) {
          if (!isNetworkDown(error)) throw error;
        }
      }
      setOnline(false);
      return decideHere(text, scanId);
    },
    [gate, zone, decideHere, saveLists],
  );

  return { online, lists, queue, lastSynced, report, scan, syncNow };
}
