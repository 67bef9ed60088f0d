"use client";

import { useEffect, useRef, useState } from "react";
import { qrDecoder } from "./qr-decoder";

// Frames read a second, and how long the same code must be out of sight before it counts again.
const READ_EVERY_MS = 200;
const SAME_CODE_MS = 3000;

/** The device's back camera with a start/stop button; each QR code held up is passed on once. */
export function CameraReader({ onRead }: { onRead: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const onReadRef = useRef(onRead);
  useEffect(() => {
    onReadRef.current = onRead;
  }, [onRead]);

  useEffect(() => {
    if (!running) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const last = { text: "", seen: 0 };
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      } catch {
        setProblem("The camera could not be opened: allow this page to use it, or use a handheld scanner.");
        setRunning(false);
        return;
      }
      if (stopped) return stream.getTracks().forEach((track) => track.stop());
      video.current!.srcObject = stream;
      await video.current!.play().catch(() => undefined);
      const decode = await qrDecoder();
      let reading = false;
      timer = setInterval(async () => {
        if (reading || !video.current) return;
        reading = true;
        const text = await decode(video.current);
        reading = false;
        if (!text) return;
        const now = Date.now();
        const repeat = text === last.text && now - last.seen < SAME_CODE_MS;
        Object.assign(last, { text, seen: now });
        if (!repeat) onReadRef.current(text);
      }, READ_EVERY_MS);
    })();
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [running]);

  return (
    <section aria-labelledby="camera-heading" className="rounded-xl border border-line bg-white p-4">
      <div className="flex items-center justify-between gap-3">
        <h2 id="camera-heading" className="font-semibold text-ink">
          Camera
        </h2>
        <button
          type="button"
          onClick={() => {
            setProblem(undefined);
            setRunning(!running);
          }}
          className="rounded-lg bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark"
        >
          {running ? "Stop camera" : "Start camera"}
        </button>
      </div>
      {problem && (
        <p role="alert" className="mt-2 text-sm text-sold">
          {problem}
        </p>
      )}
      <video ref={video} muted playsInline aria-label="Camera view" className={running ? "mt-3 w-full rounded-lg bg-ink" : "hidden"} />
    </section>
  );
}
