"use client";
// One ticking clock for every timer on the page (status time, countdowns,
// waiting times), so that each of them re-renders alone once a second.
import { createContext, useContext, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let current = Date.now();

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  if (!timer) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(onChange);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The difference between the server's clock and this browser's, in ms (server − browser). */
export const ClockSkew = createContext(0);

/** The server's "now" in ms, updated every second. */
export function useServerNow(): number {
  const skew = useContext(ClockSkew);
  const now = useSyncExternalStore(
    subscribe,
    () => current,
    () => 0,
  );
  return now === 0 ? 0 : now + skew;
}

/** "0:42", "12:05", "1:02:09" */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, "0") : String(m);
  return `${h ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

export function Elapsed({ since, className }: { since: string | number | null; className?: string }) {
  const now = useServerNow();
  if (since === null || !now) return null;
  const from = typeof since === "number" ? since : Date.parse(since);
  return <span className={className}>{formatClock(now - from)}</span>;
}

/** Seconds left until `until`, for a render prop (the offer countdown). */
export function useSecondsLeft(until: string): number | null {
  const now = useServerNow();
  if (!now) return null;
  // Floor: the clock ticks once a second, so it may lag by up to a second.
  return Math.max(0, Math.floor((Date.parse(until) - now) / 1000));
}
