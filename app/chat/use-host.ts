"use client";
// The chat's link to the page that opened it (lib/widget/protocol.ts): say
// "ready" to the parent (iframe) or opener (popup), take the visitor's
// identity from the loader's "init", and afterwards talk only to the origin
// that init came from. Opened directly, or when no loader answers, the chat
// keeps an identity of its own in its own storage.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { isOriginAllowed } from "@/lib/widget/cors";
import { isLoaderToChatMessage, type ChatToLoaderMessage, type WidgetVisitor } from "@/lib/widget/protocol";

export interface Identity {
  visitorId: string;
  token: string;
  /** Whose identity: the loader's (the site's storage) or the chat's own. */
  source: "loader" | "own";
}

export type HostKind = "iframe" | "popup" | "standalone";

const OWN_KEY = "webchat:chat:v1";
/** How long to wait for the loader's init before falling back to an identity of our own. */
const INIT_WAIT_MS = 5000;

function hostWindow(): { kind: HostKind; win: Window | null } {
  if (window.parent !== window) return { kind: "iframe", win: window.parent };
  if (window.opener) return { kind: "popup", win: window.opener as Window };
  return { kind: "standalone", win: null };
}

function referrerOrigin(): string | null {
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

function readOwn(): { visitorId?: string; token?: string } {
  try {
    const v = JSON.parse(localStorage.getItem(OWN_KEY) || "{}");
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

/** The chat's own identity: the stored one if the server still knows it, else a new one. */
async function ownIdentity(forgetStored = false): Promise<Identity> {
  const stored = forgetStored ? {} : readOwn();
  const res = await fetch("/api/widget/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      visitorId: stored.visitorId,
      token: stored.token,
      url: location.href,
      title: document.title,
      referrer: document.referrer,
      language: navigator.language,
    }),
  });
  if (!res.ok) throw new Error(`session ${res.status}`);
  const j = (await res.json()) as { visitorId: string; token: string };
  try {
    localStorage.setItem(OWN_KEY, JSON.stringify({ visitorId: j.visitorId, token: j.token }));
  } catch {
    // storage unavailable: this page keeps the identity in memory
  }
  return { visitorId: j.visitorId, token: j.token, source: "own" };
}

const noSubscription = () => () => {};

export function useHost(allowedOrigins: string[], selfOrigin: string) {
  // Known only in the browser; the server renders the standalone shape.
  const kind = useSyncExternalStore(noSubscription, () => hostWindow().kind, (): HostKind => "standalone");
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [failed, setFailed] = useState(false);
  const [visitor, setVisitor] = useState<WidgetVisitor>({});
  const target = useRef<{ win: Window; origin: string } | null>(null);
  const identityRef = useRef<Identity | null>(null);
  const ownPending = useRef(false);

  const adoptOwn = useCallback((forget = false) => {
    if (ownPending.current) return;
    ownPending.current = true;
    setFailed(false);
    ownIdentity(forget)
      .then((id) => {
        // A loader's identity that arrived meanwhile wins: it is the site's.
        if (identityRef.current?.source === "loader") return;
        identityRef.current = id;
        setIdentity(id);
      })
      .catch(() => setFailed(true))
      .finally(() => {
        ownPending.current = false;
      });
  }, []);

  useEffect(() => {
    const host = hostWindow();
    if (!host.win) {
      adoptOwn();
      return;
    }
    const parent = host.win;
    const expected = host.kind === "iframe" ? referrerOrigin() : null;
    const onMessage = (e: MessageEvent) => {
      if (e.source !== parent || !isLoaderToChatMessage(e.data)) return;
      // An opaque ("null") origin cannot be answered safely; its init is ignored.
      if (e.origin === "null" || !isOriginAllowed(e.origin, allowedOrigins, selfOrigin)) return;
      if (expected && e.origin !== expected) return;
      target.current = { win: parent, origin: e.origin };
      clearTimeout(timer);
      const m = e.data;
      setVisitor(m.visitor);
      if (m.visitorId && m.token) {
        if (identityRef.current?.token === m.token) return;
        const id: Identity = { visitorId: m.visitorId, token: m.token, source: "loader" };
        identityRef.current = id;
        setIdentity(id);
      } else if (!identityRef.current) adoptOwn();
    };
    addEventListener("message", onMessage);
    // Nothing secret in it, and the site's origin is not known yet: hence "*".
    const ready: ChatToLoaderMessage = { type: "webchat:ready" };
    parent.postMessage(ready, "*");
    const timer = setTimeout(() => {
      if (!identityRef.current) adoptOwn();
    }, INIT_WAIT_MS);
    return () => {
      removeEventListener("message", onMessage);
      clearTimeout(timer);
    };
  }, [allowedOrigins, selfOrigin, adoptOwn]);

  /** To the loader, only at the origin whose init was accepted; silently nothing otherwise. */
  const post = useCallback((msg: ChatToLoaderMessage) => {
    const t = target.current;
    if (!t) return;
    try {
      t.win.postMessage(msg, t.origin);
    } catch {
      // the page is gone
    }
  }, []);

  /** The token was refused: the loader's goes back to the loader on its next page; we use our own. */
  const rejectIdentity = useCallback(() => {
    const bad = identityRef.current;
    identityRef.current = null;
    setIdentity(null);
    adoptOwn(bad?.source === "own");
  }, [adoptOwn]);

  const retry = useCallback(() => adoptOwn(), [adoptOwn]);

  return { kind, identity, failed, visitor, post, rejectIdentity, retry };
}
