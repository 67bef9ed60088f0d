"use client";

import { useEffect, useRef, useState } from "react";
import { CameraReader } from "./camera-reader";
import { keepDoorOffline } from "./door-worker";
import { doorStorage } from "./door-storage";
import { signal } from "./feedback";
import { GateForm } from "./gate-form";
import { ResultPanel } from "./result-panel";
import type { ScanResult } from "./scan-result";
import { SyncStatus } from "./sync-status";
import { useDoor } from "./use-door";
import { WedgeInput } from "./wedge-input";

/** The scanner: a gate, the camera, a field for a handheld scanner or a typed code, and the last result. */
export function DoorScanner({ zone }: { zone: string }) {
  const [mounted, setMounted] = useState(false);
  const [gate, setGate] = useState<string | undefined>();
  const [editingGate, setEditingGate] = useState(false);
  const [result, setResult] = useState<ScanResult | undefined>();
  const [offlineReady, setOfflineReady] = useState(false);
  const audio = useRef<AudioContext | undefined>(undefined);
  const door = useDoor(gate, zone);

  useEffect(() => {
    /* eslint-disable react-hooks/set-state-in-effect -- the gate is kept on the device (localStorage), readable once mounted */
    setGate(doorStorage.gate());
    setMounted(true);
    /* eslint-enable react-hooks/set-state-in-effect */
    keepDoorOffline()
      .then(setOfflineReady)
      .catch(() => setOfflineReady(false));
  }, []);

  const read = async (text: string) => {
    if (!text.trim()) return;
    // Browsers let a page make sound only after a gesture: a scan (a key or a click) is one.
    audio.current ??= typeof AudioContext === "function" ? new AudioContext() : undefined;
    const outcome = await door.scan(text);
    setResult(outcome);
    signal(outcome.tone, audio.current);
  };

  // Nothing to press before the page can act on it: the gate lives on the device, not the server.
  if (!mounted) return <p className="text-muted">Loading the scanner…</p>;
  if (!gate || editingGate)
    return (
      <GateForm
        gate={gate}
        onCancel={gate ? () => setEditingGate(false) : undefined}
        onSave={(name) => {
          doorStorage.saveGate(name);
          setGate(name);
          setEditingGate(false);
        }}
      />
    );

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="flex flex-col gap-4">
        <p className="flex items-center gap-3 text-ink">
          <span>
            Gate: <strong data-testid="door-gate">{gate}</strong>
          </span>
          <button type="button" onClick={() => setEditingGate(true)} className="font-semibold text-accent underline-offset-4 hover:underline">
            Change gate
          </button>
        </p>
        <WedgeInput onScan={read} />
        <CameraReader onRead={read} />
      </div>
      <div className="flex flex-col gap-4">
        <ResultPanel result={result} zone={zone} />
        <SyncStatus online={door.online} queued={door.queue.length} lastSynced={door.lastSynced} report={door.report} offlineReady={offlineReady} />
      </div>
    </div>
  );
}
