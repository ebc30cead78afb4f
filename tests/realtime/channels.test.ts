import { describe, expect, it } from "vitest";
import {
  MONITOR_CHANNEL,
  cobrowseChannel,
  dialogChannel,
  isTooLarge,
  isUuid,
  isValidChannelName,
  isValidSocketId,
  operatorChannel,
  parseChannel,
} from "@/lib/realtime/channels";

const ID = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b";

describe("channel names", () => {
  it("builds the product's channels", () => {
    expect(dialogChannel(ID)).toBe(`private-dialog-${ID}`);
    expect(operatorChannel(ID)).toBe(`private-operator-${ID}`);
    expect(cobrowseChannel(ID)).toBe(`private-cobrowse-${ID}`);
    expect(MONITOR_CHANNEL).toBe("private-monitor");
    expect(dialogChannel(ID.toUpperCase())).toBe(`private-dialog-${ID}`);
  });

  it("refuses to build a channel from a non-UUID id", () => {
    expect(() => dialogChannel("123")).toThrow();
    expect(() => operatorChannel(`${ID}-x`)).toThrow();
    expect(() => cobrowseChannel("")).toThrow();
  });

  it("parses the product's channels and lowercases ids", () => {
    expect(parseChannel(`private-dialog-${ID}`)).toEqual({ kind: "dialog", id: ID });
    expect(parseChannel(`private-operator-${ID.toUpperCase()}`)).toEqual({ kind: "operator", id: ID });
    expect(parseChannel(`private-cobrowse-${ID}`)).toEqual({ kind: "cobrowse", id: ID });
    expect(parseChannel("private-monitor")).toEqual({ kind: "monitor" });
  });

  it.each([
    "private-dialog-",
    "private-dialog-123",
    `private-dialog-${ID}x`,
    `private-dialog-x${ID}`,
    `private-dialog-${ID.replace(/-/g, "")}`,
    `private-dialog-${ID.slice(0, 9)}${ID.slice(9).toUpperCase()}`, // mixed case
    `private-dialog-${ID.replace("3", "g")}`,
    `presence-dialog-${ID}`,
    `dialog-${ID}`,
    "private-monitor-2",
    "private-monitorx",
    `private-operator-${ID} `,
    "",
    `private-dialog-${ID}\n`,
  ])("rejects %j", (name) => {
    expect(parseChannel(name)).toBeNull();
  });

  it("rejects non-strings", () => {
    expect(parseChannel(undefined)).toBeNull();
    expect(parseChannel(42)).toBeNull();
    expect(parseChannel({})).toBeNull();
  });

  it("knows UUIDs", () => {
    expect(isUuid(ID)).toBe(true);
    expect(isUuid(ID.toUpperCase())).toBe(true);
    expect(isUuid(`{${ID}}`)).toBe(false);
  });
});

describe("isValidChannelName", () => {
  it("accepts Pusher's character set up to 164 characters", () => {
    expect(isValidChannelName("a")).toBe(true);
    expect(isValidChannelName("private-Az09_-=@,.;")).toBe(true);
    expect(isValidChannelName("x".repeat(164))).toBe(true);
  });

  it.each(["", "x".repeat(165), "with space", "a/b", "a:b", "a#b", "ä", "a\nb", "#server-to-user-1", "a*b", "a+b"])(
    "rejects %j",
    (name) => {
      expect(isValidChannelName(name)).toBe(false);
    },
  );

  it("rejects non-strings", () => {
    expect(isValidChannelName(null)).toBe(false);
    expect(isValidChannelName(["a"])).toBe(false);
  });
});

describe("isValidSocketId", () => {
  it.each(["1.1", "123.456", "0.0", "2147483647.99999"])("accepts %j", (s) => {
    expect(isValidSocketId(s)).toBe(true);
  });

  it.each(["", "1", "1.", ".1", "1.2.3", "a.b", " 1.2", "1.2 ", "1.2\n", "-1.2", "1,2", "1.2e3", `${"9".repeat(40)}.${"9".repeat(40)}`])(
    "rejects %j",
    (s) => {
      expect(isValidSocketId(s)).toBe(false);
    },
  );

  it("rejects non-strings", () => {
    expect(isValidSocketId(1.2)).toBe(false);
    expect(isValidSocketId(undefined)).toBe(false);
  });
});

describe("isTooLarge", () => {
  it("recognizes the reference shape", () => {
    expect(isTooLarge({ ref: { type: "message", dialogId: ID, seq: 3 } })).toBe(true);
    expect(isTooLarge({ ref: { type: "message", dialogId: ID } })).toBe(false);
    expect(isTooLarge({ dialogId: ID, message: {} })).toBe(false);
    expect(isTooLarge(null)).toBe(false);
  });
});
