"use client";
import { useEffect, useState } from "react";
import type { WebchatApi } from "@/lib/widget/protocol";

// The site's own button (W2): it only talks to window.Webchat, which the
// snippet's one-line stub defines before widget.js has even loaded.
function webchat(): WebchatApi | undefined {
  return (window as unknown as { Webchat?: WebchatApi }).Webchat;
}

export function ChatButton({ label, className = "" }: { label: string; className?: string }) {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let off: (() => void) | undefined;
    const r = webchat()?.on("unread", (n) => setUnread(n));
    // Before widget.js has loaded the stub returns nothing: subscribing again later is harmless.
    if (typeof r === "function") off = r;
    return () => off?.();
  }, []);
  return (
    <button type="button" onClick={() => webchat()?.open()} className={`relative ${className}`}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="currentColor">
        <path d="M12 3C6.5 3 2 6.8 2 11.5c0 2.4 1.2 4.6 3.1 6.1L4.3 21l4.1-2.1c1.1.4 2.3.6 3.6.6 5.5 0 10-3.8 10-8.5S17.5 3 12 3Z" />
      </svg>
      {label}
      {unread ? (
        <span className="absolute -right-2 -top-2 grid h-6 min-w-6 place-items-center rounded-full bg-rose-600 px-1.5 text-xs font-bold text-white ring-2 ring-white">
          {unread}
          <span className="sr-only"> unread</span>
        </span>
      ) : null}
    </button>
  );
}
