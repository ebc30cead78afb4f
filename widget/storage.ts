// The visitor's identity and a little widget state in the site's own
// localStorage, so that a conversation survives navigation and reloads.
// Storage can be missing or throw (privacy modes); memory stands in then.
import { WIDGET_STORAGE_KEY } from "../lib/widget/protocol";

export interface StoredState {
  visitorId?: string;
  token?: string;
  /** The iframe panel was open: reopen it on the next page. */
  open?: boolean;
  unread?: number;
  /** The greeting bubble was shown once already. */
  teased?: boolean;
}

export function createStore() {
  let memory: StoredState = {};
  const read = (): StoredState => {
    try {
      const v = JSON.parse(localStorage.getItem(WIDGET_STORAGE_KEY) || "{}");
      if (v && typeof v === "object") memory = v;
    } catch {
      // keep memory
    }
    return memory;
  };
  read();
  return {
    // Re-read each time: another tab of the same site may have created the identity.
    get: read,
    set(patch: StoredState) {
      memory = { ...read(), ...patch };
      try {
        localStorage.setItem(WIDGET_STORAGE_KEY, JSON.stringify(memory));
      } catch {
        // memory only
      }
    },
  };
}
export type Store = ReturnType<typeof createStore>;
