// Browser, OS and device for the supervisor's visitor list (M1).
import { UAParser } from "ua-parser-js";

export interface ParsedUserAgent {
  browser: string | null;
  os: string | null;
  device: string;
}

function join(name?: string, version?: string): string | null {
  if (!name) return null;
  return version ? `${name} ${version}` : name;
}

export function parseUserAgent(userAgent: string | null | undefined): ParsedUserAgent {
  if (!userAgent) return { browser: null, os: null, device: "unknown" };
  const r = UAParser(userAgent);
  const major = r.browser.major ?? r.browser.version;
  // ua-parser leaves device.type empty for desktops.
  const device = r.device.type ?? "desktop";
  return { browser: join(r.browser.name, major), os: join(r.os.name, r.os.version), device };
}
