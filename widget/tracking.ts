// Visitor identity and activity for the live monitor (M1): a page view on
// every page (the session call), a heartbeat while the page is visible, and a
// beacon on leaving. Bodies are text/plain JSON: a "simple" CORS request needs
// no preflight, and sendBeacon sends exactly that. Failures are silent.
import type { Store } from "./storage";

export interface Identity {
  visitorId: string;
  token: string;
}

const HEARTBEAT_MS = 30_000;

export function startTracking(host: string, store: Store, onChange: (pageChanged: boolean) => void) {
  const pageUrl = () => location.href.split("#")[0]!;
  let lastUrl = pageUrl();
  let lastBeat = Date.now();
  let pending: Promise<Identity | null> | null = null;

  const post = (path: string, body: object) =>
    fetch(host + path, { method: "POST", body: JSON.stringify(body), credentials: "omit" }).catch(() => null);

  // The server answers with the same identity, or a new one when the stored token is not valid.
  const pageView = (referrer: string): Promise<Identity | null> => {
    const { visitorId, token } = store.get();
    const p = post("/api/widget/session", { visitorId, token, url: location.href, title: document.title, referrer, language: navigator.language })
      .then((r) => (r && r.ok ? r.json() : null))
      .then((j) => {
        if (!j || typeof j.visitorId !== "string" || typeof j.token !== "string") return null;
        const changed = j.token !== token;
        store.set({ visitorId: j.visitorId, token: j.token });
        if (changed) onChange(false);
        return { visitorId: j.visitorId, token: j.token } as Identity;
      })
      .catch(() => null);
    pending = p;
    void p.then(() => {
      if (pending === p) pending = null;
    });
    return p;
  };

  const beat = () => {
    const { token } = store.get();
    if (!token) return;
    void post("/api/widget/track", { token, type: "heartbeat", url: location.href, title: document.title }).then((r) => {
      if (r && r.status === 401) void pageView(document.referrer);
    });
  };

  // One cheap timer: a single-page site changes the URL without reloading us,
  // and we never patch history.pushState of a page that is not ours.
  const tick = () => {
    const now = Date.now();
    const url = pageUrl();
    if (url !== lastUrl) {
      const referrer = lastUrl;
      lastUrl = url;
      lastBeat = now;
      void pageView(referrer);
      onChange(true);
    } else if (document.visibilityState === "visible" && now - lastBeat >= HEARTBEAT_MS) {
      lastBeat = now;
      beat();
    }
  };

  addEventListener("pagehide", () => {
    const { token } = store.get();
    if (!token) return;
    try {
      navigator.sendBeacon(host + "/api/widget/track", JSON.stringify({ token, type: "leave", url: location.href, title: document.title }));
    } catch {
      // nothing to do on the way out
    }
  });
  // Back from the back/forward cache: a fresh page view, we said "leave" before.
  addEventListener("pageshow", (e) => {
    if (e.persisted) void pageView(document.referrer);
  });

  void pageView(document.referrer);
  setInterval(tick, 1000);

  return {
    /** The identity, waiting for the session call in flight or retrying a failed one. */
    identity(): Promise<Identity | null> {
      if (pending) return pending;
      const { visitorId, token } = store.get();
      return visitorId && token ? Promise.resolve({ visitorId, token }) : pageView(document.referrer);
    },
  };
}
