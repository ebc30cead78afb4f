import { createHmac } from "node:crypto";
import type { Members } from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP,
  collect,
  connectClient,
  connected,
  nextEvent,
  parseData,
  rawConnect,
  roundTrip,
  startHarness,
  subscribe,
  subscribePresence,
  subscribed,
  subscriptionError,
  within,
  type Harness,
  type RawClient,
} from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function channelInfo(name: string, info = "subscription_count") {
  const res = await h.sdk.get({ path: `/channels/${name}`, params: { info } });
  return (await res.json()) as { occupied: boolean; subscription_count?: number; user_count?: number };
}

function sign(data: string, secret = APP.secret): string {
  return createHmac("sha256", secret).update(data).digest("hex");
}

async function rawSocket(): Promise<{ c: RawClient; socketId: string }> {
  const c = rawConnect(h);
  const f = await c.next((x) => x.event === "pusher:connection_established");
  return { c, socketId: parseData<{ socket_id: string }>(f).socket_id };
}

describe("public channels", () => {
  it("subscribes without auth and receives events", async () => {
    const client = connectClient(h);
    const ch = await subscribe(client, "news");
    const got = nextEvent<{ n: number }>(ch, "story");
    await h.sdk.trigger("news", "story", { n: 1 });
    expect((await got).data).toEqual({ n: 1 });
  });

  it("stops delivering after pusher:unsubscribe", async () => {
    const client = connectClient(h);
    const ch = await subscribe(client, "weather");
    expect((await channelInfo("weather")).subscription_count).toBe(1);
    const seen = collect(ch, "rain");
    client.unsubscribe("weather");
    await roundTrip(client);
    expect(await channelInfo("weather")).toEqual({ occupied: false, subscription_count: 0 });
    await h.sdk.trigger("weather", "rain", {});
    // A marker on another channel of the same connection arrives after anything sent before it.
    const marker = await subscribe(client, "weather-marker");
    const m = nextEvent(marker, "done");
    await h.sdk.trigger("weather-marker", "done", {});
    await m;
    expect(seen).toEqual([]);
  });
});

describe("private channels", () => {
  it("subscribes with a valid signature", async () => {
    const client = connectClient(h);
    const ch = await subscribe(client, "private-room-1");
    const got = nextEvent(ch, "hello");
    await h.sdk.trigger("private-room-1", "hello", "plain");
    expect((await got).data).toBe("plain");
  });

  it("refuses a bad signature with subscription_error and does not subscribe", async () => {
    const client = connectClient(h, { secret: "not-the-secret" });
    const err = await subscriptionError(client.subscribe("private-room-2"));
    expect(err.status).toBe(401);
    expect(err.type).toBe("AuthError");
    expect(await channelInfo("private-room-2")).toEqual({ occupied: false, subscription_count: 0 });
  });

  it("refuses a signature made for another socket, another channel or another key", async () => {
    const { c, socketId } = await rawSocket();
    const attempts = [
      { channel: "private-a", auth: `${APP.key}:${sign(`1.1:private-a`)}` },
      { channel: "private-b", auth: `${APP.key}:${sign(`${socketId}:private-other`)}` },
      { channel: "private-c", auth: `other-key:${sign(`${socketId}:private-c`)}` },
      { channel: "private-d", auth: sign(`${socketId}:private-d`) },
      { channel: "private-e", auth: `${APP.key}:${sign(`${socketId}:private-e`).toUpperCase()}` },
      { channel: "private-f" },
    ];
    for (const a of attempts) {
      c.send({ event: "pusher:subscribe", data: a });
      const f = await c.next((x) => x.channel === a.channel, `answer for ${a.channel}`);
      expect(f.event).toBe("pusher:subscription_error");
      expect((f.data as { status: number }).status).toBe(401);
    }
    // and the correct one works on the same socket
    c.send({ event: "pusher:subscribe", data: { channel: "private-g", auth: `${APP.key}:${sign(`${socketId}:private-g`)}` } });
    expect((await c.next((x) => x.channel === "private-g")).event).toBe("pusher_internal:subscription_succeeded");
  });

  it("refuses encrypted channels as unsupported", async () => {
    const { c, socketId } = await rawSocket();
    const channel = "private-encrypted-x";
    c.send({ event: "pusher:subscribe", data: { channel, auth: `${APP.key}:${sign(`${socketId}:${channel}`)}` } });
    expect((await c.next((x) => x.channel === channel)).event).toBe("pusher:subscription_error");
  });
});

describe("channel name validation", () => {
  it.each(["bad name", "a/b", "x".repeat(165), "#server-to-user-1", "ä"])("refuses %j", async (channel) => {
    const { c } = await rawSocket();
    c.send({ event: "pusher:subscribe", data: { channel } });
    const f = await c.next((x) => x.event !== "pusher:pong");
    expect(["pusher:subscription_error", "pusher:error"]).toContain(f.event);
    const info = await h.sdk.get({ path: "/channels" });
    expect(Object.keys(((await info.json()) as { channels: object }).channels)).not.toContain(channel);
  });

  it("refuses a subscribe without a channel", async () => {
    const { c } = await rawSocket();
    c.send({ event: "pusher:subscribe", data: {} });
    expect((await c.next()).event).toBe("pusher:error");
  });
});

describe("presence channels", () => {
  it("sends members on subscription and member_added / member_removed to others", async () => {
    const alice = connectClient(h, { user: { user_id: "alice", user_info: { name: "Alice" } } });
    const aliceCh = await subscribePresence(alice, "presence-room-1");
    expect(aliceCh.members.count).toBe(1);
    expect(aliceCh.members.me).toEqual({ id: "alice", info: { name: "Alice" } });

    const added = nextEvent<{ id: string; info: unknown }>(aliceCh, "pusher:member_added");
    const bob = connectClient(h, { user: { user_id: "bob", user_info: { name: "Bob" } } });
    const bobCh = bob.subscribe("presence-room-1");
    const members = await subscribed<Members>(bobCh);
    expect(members.count).toBe(2);
    expect(members.get("alice")).toEqual({ id: "alice", info: { name: "Alice" } });
    expect((await added).data).toEqual({ id: "bob", info: { name: "Bob" } });

    const removed = nextEvent<{ id: string }>(aliceCh, "pusher:member_removed");
    bob.disconnect();
    expect((await removed).data.id).toBe("bob");
    expect(aliceCh.members.count).toBe(1);
  });

  it("lists a member without user_info", async () => {
    const client = connectClient(h, { user: { user_id: "no-info" } });
    const ch = await subscribePresence(client, "presence-bare");
    expect(ch.members.me).toEqual({ id: "no-info", info: null });
    expect(ch.members.count).toBe(1);
  });

  it("sends the exact subscription_succeeded shape", async () => {
    const { c, socketId } = await rawSocket();
    const channel = "presence-shape";
    const channelData = JSON.stringify({ user_id: "u-1", user_info: { a: 1 } });
    c.send({
      event: "pusher:subscribe",
      data: { channel, channel_data: channelData, auth: `${APP.key}:${sign(`${socketId}:${channel}:${channelData}`)}` },
    });
    const f = await c.next((x) => x.channel === channel);
    expect(f.event).toBe("pusher_internal:subscription_succeeded");
    expect(typeof f.data).toBe("string");
    expect(parseData(f)).toEqual({ presence: { ids: ["u-1"], hash: { "u-1": { a: 1 } }, count: 1 } });
  });

  it("counts one user with two connections once", async () => {
    const watcher = connectClient(h, { user: { user_id: "watcher" } });
    const watcherCh = await subscribePresence(watcher, "presence-room-2");
    const addedEvents = collect<{ id: string }>(watcherCh, "pusher:member_added");
    const removedEvents = collect<{ id: string }>(watcherCh, "pusher:member_removed");

    const firstAdded = nextEvent(watcherCh, "pusher:member_added");
    const tab1 = connectClient(h, { user: { user_id: "carol" } });
    await subscribePresence(tab1, "presence-room-2");
    await firstAdded;
    const tab2 = connectClient(h, { user: { user_id: "carol" } });
    const tab2Ch = await subscribePresence(tab2, "presence-room-2");
    expect(tab2Ch.members.count).toBe(2);

    const info = await channelInfo("presence-room-2", "user_count,subscription_count");
    expect(info).toEqual({ occupied: true, user_count: 2, subscription_count: 3 });
    const users = (await (await h.sdk.get({ path: "/channels/presence-room-2/users" })).json()) as { users: { id: string }[] };
    expect(users.users.map((u) => u.id).sort()).toEqual(["carol", "watcher"]);

    // Closing one of carol's two connections is not a departure.
    tab1.disconnect();
    await within(
      new Promise<void>((resolve) => {
        const poll = async () => {
          const i = await channelInfo("presence-room-2", "user_count,subscription_count");
          if (i.subscription_count === 2) resolve();
          else setTimeout(poll, 20);
        };
        void poll();
      }),
      "the closed tab to leave",
    );
    expect((await channelInfo("presence-room-2", "user_count")).user_count).toBe(2);

    const removed = nextEvent<{ id: string }>(watcherCh, "pusher:member_removed");
    tab2.disconnect();
    expect((await removed).data.id).toBe("carol");
    expect(addedEvents.map((e) => e.id)).toEqual(["carol"]);
    expect(removedEvents.map((e) => e.id)).toEqual(["carol"]);
  });

  it("refuses channel_data without a user_id, and unsigned channel_data", async () => {
    const { c, socketId } = await rawSocket();
    const channel = "presence-room-3";
    const noUser = JSON.stringify({ user_info: {} });
    c.send({
      event: "pusher:subscribe",
      data: { channel, channel_data: noUser, auth: `${APP.key}:${sign(`${socketId}:${channel}:${noUser}`)}` },
    });
    expect((await c.next((x) => x.channel === channel)).event).toBe("pusher:subscription_error");

    // signed without the channel_data (the private-channel string)
    const data = JSON.stringify({ user_id: "mallory" });
    c.send({ event: "pusher:subscribe", data: { channel, channel_data: data, auth: `${APP.key}:${sign(`${socketId}:${channel}`)}` } });
    expect((await c.next((x) => x.channel === channel)).event).toBe("pusher:subscription_error");

    // signed data, then a different user_id substituted
    const signedFor = JSON.stringify({ user_id: "bob" });
    c.send({
      event: "pusher:subscribe",
      data: { channel, channel_data: JSON.stringify({ user_id: "admin" }), auth: `${APP.key}:${sign(`${socketId}:${channel}:${signedFor}`)}` },
    });
    expect((await c.next((x) => x.channel === channel)).event).toBe("pusher:subscription_error");
    expect((await channelInfo(channel)).occupied).toBe(false);
  });

  it("refuses the 101st member but not another connection of a member", async () => {
    const channel = "presence-full";
    const members: RawClient[] = [];
    await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const { c, socketId } = await rawSocket();
        members.push(c);
        const channelData = JSON.stringify({ user_id: `user-${i}` });
        c.send({
          event: "pusher:subscribe",
          data: { channel, channel_data: channelData, auth: `${APP.key}:${sign(`${socketId}:${channel}:${channelData}`)}` },
        });
        const f = await c.next((x) => x.channel === channel && x.event.includes("subscription"));
        expect(f.event).toBe("pusher_internal:subscription_succeeded");
      }),
    );
    expect((await channelInfo(channel, "user_count")).user_count).toBe(100);

    const extra = connectClient(h, { user: { user_id: "user-100" } });
    const err = await subscriptionError(extra.subscribe(channel));
    expect(err.type).toBe("LimitReached");

    const again = connectClient(h, { user: { user_id: "user-7" } });
    const ch = await subscribePresence(again, channel);
    expect(ch.members.count).toBe(100);
    expect(await channelInfo(channel, "user_count,subscription_count")).toEqual({
      occupied: true,
      user_count: 100,
      subscription_count: 101,
    });
    for (const m of members) m.ws.close();
  });

  it("pusher-js reports the refusal through subscription_error", async () => {
    const client = connectClient(h, { secret: "wrong", user: { user_id: "x" } });
    await connected(client);
    const err = await subscriptionError(client.subscribe("presence-room-4"));
    expect(err.status).toBe(401);
  });
});
