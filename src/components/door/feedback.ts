"use client";

import type { ScanResult } from "./scan-result";

// One rising tone for "in", a low buzz for "no", two short mid tones for "look at the screen".
const TONES: Record<ScanResult["tone"], { notes: number[]; wave: OscillatorType; vibrate: number[] }> = {
  admitted: { notes: [880, 1320], wave: "sine", vibrate: [80] },
  refused: { notes: [180], wave: "square", vibrate: [300, 100, 300] },
  warning: { notes: [520, 0, 520], wave: "triangle", vibrate: [120, 80, 120] },
};
const NOTE_SECONDS = 0.12;

/** A sound and a vibration per outcome, so the door staff need not look at the screen for a plain admission. */
export function signal(tone: ScanResult["tone"], audio: AudioContext | undefined) {
  const { notes, wave, vibrate } = TONES[tone];
  navigator.vibrate?.(vibrate);
  if (!audio) return;
  notes.forEach((frequency, index) => {
    if (frequency === 0) return;
    const start = audio.currentTime + index * NOTE_SECONDS;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = wave;
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.2, start);
    gain.gain.exponentialRampToValueAtTime(0.001, start + NOTE_SECONDS);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(start + NOTE_SECONDS);
  });
}
