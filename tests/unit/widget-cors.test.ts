import { describe, expect, it } from "vitest";
import { corsHeaders, isOriginAllowed, normalizeOrigin } from "@/lib/widget/cors";

describe("widget CORS origins", () => {
  it("normalizes origins and rejects anything that is not one", () => {
    expect(normalizeOrigin("https://Shop.Example.com")).toBe("https://shop.example.com");
    expect(normalizeOrigin(" https://shop.example.com/ ")).toBe("https://shop.example.com");
    expect(normalizeOrigin("https://shop.example.com:443")).toBe("https://shop.example.com");
    expect(normalizeOrigin("http://localhost:8080")).toBe("http://localhost:8080");
    expect(normalizeOrigin("https://пример.рф")).toBe("https://xn--e1afmkfd.xn--p1ai");
    for (const bad of ["shop.example.com", "https://shop.example.com/path", "https://shop.example.com?x=1", "https://shop.example.com/#a", "ftp://shop.example.com", "javascript:alert(1)", "https://user:pw@shop.example.com", "", "null", "*"]) {
      expect(normalizeOrigin(bad), bad).toBeNull();
    }
  });

  it("allows any origin while the admin's list is empty", () => {
    expect(isOriginAllowed("https://anything.example", [])).toBe(true);
    expect(isOriginAllowed("null", [])).toBe(true);
  });

  it("with a list, allows exactly the listed origins", () => {
    const list = ["https://shop.example.com", "http://localhost:8080"];
    expect(isOriginAllowed("https://shop.example.com", list)).toBe(true);
    expect(isOriginAllowed("https://SHOP.example.com:443", list)).toBe(true);
    expect(isOriginAllowed("http://localhost:8080", list)).toBe(true);
    expect(isOriginAllowed("http://shop.example.com", list)).toBe(false); // scheme matters
    expect(isOriginAllowed("https://shop.example.com:8443", list)).toBe(false); // port matters
    expect(isOriginAllowed("https://evil.shop.example.com", list)).toBe(false); // no subdomains
    expect(isOriginAllowed("https://shop.example.com.evil.net", list)).toBe(false);
    expect(isOriginAllowed("http://localhost:3000", list)).toBe(false);
    expect(isOriginAllowed("null", list)).toBe(false);
    expect(isOriginAllowed("not an origin", list)).toBe(false);
  });

  it("always allows the chat host itself and requests without an Origin", () => {
    const list = ["https://shop.example.com"];
    expect(isOriginAllowed("https://chat.example.net", list, "https://chat.example.net")).toBe(true);
    expect(isOriginAllowed(null, list)).toBe(true);
    expect(isOriginAllowed(undefined, list)).toBe(true);
  });

  it("echoes the origin only when allowed, and always varies on Origin", () => {
    const list = ["https://shop.example.com"];
    const ok = corsHeaders("https://shop.example.com", list);
    expect(ok["Access-Control-Allow-Origin"]).toBe("https://shop.example.com");
    expect(ok["Access-Control-Allow-Methods"]).toContain("POST");
    expect(ok["Access-Control-Allow-Headers"]).toBe("Content-Type");
    expect(ok["Access-Control-Allow-Credentials"]).toBeUndefined();
    expect(ok.Vary).toBe("Origin");

    const denied = corsHeaders("https://evil.example", list);
    expect(denied["Access-Control-Allow-Origin"]).toBeUndefined();
    expect(denied.Vary).toBe("Origin");

    expect(corsHeaders(null, list)["Access-Control-Allow-Origin"]).toBeUndefined();
    expect(corsHeaders("https://any.example", [])["Access-Control-Allow-Origin"]).toBe("https://any.example");
  });
});
