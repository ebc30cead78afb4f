"use client";
// The ring of an incoming chat: a phone-like double burst made with WebAudio
// (no sound files), repeated while anything rings, and a browser notification
// when the workplace is not in front.
let ctx: AudioContext | null = null;
let ringTimer: ReturnType<typeof setInterval> | null = null;

function audio(): AudioContext | null {
  if (typeof window === "undefined") return null;
  if (!ctx) {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return null;
    ctx = new Ctor();
  }
  return ctx;
}

/** Browsers start audio only after a user gesture: call this from one (a click on Ready, for example). */
export function unlockAudio(): void {
  const c = audio();
  if (c && c.state === "suspended") void c.resume().catch(() => {});
}

/** Two tones (440 + 480 Hz, the North American ring) for `duration` seconds from `at`. */
function burst(c: AudioContext, at: number, duration: number) {
  const gain = c.createGain();
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(0.12, at + 0.02);
  gain.gain.setValueAtTime(0.12, at + duration - 0.04);
  gain.gain.linearRampToValueAtTime(0, at + duration);
  gain.connect(c.destination);
  for (const f of [440, 480]) {
    const osc = c.createOscillator();
    osc.type = "sine";
    osc.frequency.value = f;
    osc.connect(gain);
    osc.start(at);
    osc.stop(at + duration);
  }
}

function ringOnce() {
  const c = audio();
  if (!c || c.state !== "running") return;
  const t = c.currentTime + 0.01;
  burst(c, t, 0.4);
  burst(c, t + 0.6, 0.4);
}

export function startRinging(): void {
  if (ringTimer) return;
  ringOnce();
  ringTimer = setInterval(ringOnce, 3000);
}

export function stopRinging(): void {
  if (ringTimer) clearInterval(ringTimer);
  ringTimer = null;
}

/** A short, soft blip for a new message in a dialog that is not in view. */
export function messageBlip(): void {
  const c = audio();
  if (!c || c.state !== "running") return;
  const at = c.currentTime + 0.01;
  const gain = c.createGain();
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(0.08, at + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
  gain.connect(c.destination);
  const osc = c.createOscillator();
  osc.frequency.setValueAtTime(880, at);
  osc.frequency.exponentialRampToValueAtTime(1320, at + 0.12);
  osc.connect(gain);
  osc.start(at);
  osc.stop(at + 0.26);
}

export function notificationsSupported(): boolean {
  return typeof window !== "undefined" && "Notification" in window;
}

/** Asks once, when the operator first becomes ready; a refusal is respected. */
export function askNotificationPermission(): void {
  if (notificationsSupported() && Notification.permission === "default") void Notification.requestPermission().catch(() => {});
}

const shown = new Map<string, Notification>();

export function notifyOffer(dialogId: string, title: string, body: string): void {
  if (!notificationsSupported() || Notification.permission !== "granted") return;
  if (document.visibilityState === "visible" && document.hasFocus()) return;
  try {
    const n = new Notification(title, { body, tag: `offer-${dialogId}`, requireInteraction: true });
    n.onclick = () => {
      window.focus();
      n.close();
    };
    shown.set(dialogId, n);
  } catch {
    // Some browsers allow notifications only from a service worker; the ring and the card remain.
  }
}

export function clearOfferNotification(dialogId: string): void {
  shown.get(dialogId)?.close();
  shown.delete(dialogId);
}
