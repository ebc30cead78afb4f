// Per-visitor and per-IP limits on the visitor-facing API (session creation,
// dialog creation, messages), with rate-limiter-flexible.
//
// The counters live in this process's memory: right for the one-process
// deployment; several instances each count on their own (the limits then apply
// per instance), which still stops a flood from one client.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { DomainError } from "../errors";

export class TooManyRequests extends DomainError {
  constructor(readonly retryAfterSec: number) {
    super("Too many requests, please slow down", 429, "rate_limited");
  }
}

export type LimitName = "session" | "dialog" | "message" | "offline" | "feedback";

const DEFAULTS: Record<LimitName, { points: number; duration: number }> = {
  session: { points: 30, duration: 60 },
  dialog: { points: 10, duration: 60 },
  message: { points: 60, duration: 60 },
  offline: { points: 5, duration: 600 },
  feedback: { points: 10, duration: 600 },
};

const KEY = Symbol.for("webchat.rate-limiters");
type Holder = { [KEY]?: Map<string, RateLimiterMemory> };

function limiter(name: LimitName): RateLimiterMemory {
  const g = globalThis as Holder;
  const map = (g[KEY] ??= new Map());
  // RATE_LIMIT_SCALE multiplies every allowance (tests and load benchmarks raise it).
  const scale = Number(process.env.RATE_LIMIT_SCALE || 1);
  const id = `${name}:${scale}`;
  let l = map.get(id);
  if (!l) {
    const d = DEFAULTS[name];
    l = new RateLimiterMemory({ keyPrefix: name, points: Math.max(1, Math.round(d.points * scale)), duration: d.duration });
    map.set(id, l);
  }
  return l;
}

export function rateLimitingEnabled(): boolean {
  return process.env.RATE_LIMIT !== "off";
}

/** Consumes one point for each key (e.g. the visitor id and the IP); throws TooManyRequests. */
export async function enforceLimit(name: LimitName, keys: (string | null | undefined)[]): Promise<void> {
  if (!rateLimitingEnabled()) return;
  const l = limiter(name);
  for (const key of keys) {
    if (!key) continue;
    try {
      await l.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new TooManyRequests(Math.ceil(e.msBeforeNext / 1000));
      throw e;
    }
  }
}
