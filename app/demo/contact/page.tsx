import type { Metadata } from "next";
import { ChatButton } from "../chat-button";

export const metadata: Metadata = { title: "Contact us" };

const CHANNELS = [
  { title: "Call us", text: "+1 555 0100", sub: "Mon–Sun, 8:00–22:00", icon: "M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2" },
  { title: "Write to us", text: "help@acme.example", sub: "We reply within a day", icon: "M4 6h16v12H4zM4 7l8 6 8-6" },
  { title: "Visit us", text: "12 Fiber Lane, Springfield", sub: "Mon–Fri, 9:00–18:00", icon: "M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11zM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5" },
];

export default function DemoContact() {
  return (
    <section className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
      <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">We&apos;re here to help</h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-600">Questions about plans, a bill or your connection? The quickest way is a chat with our team.</p>

      <div className="mt-10 overflow-hidden rounded-3xl bg-gradient-to-br from-indigo-600 to-violet-700 p-8 text-white shadow-xl sm:p-10">
        <div className="flex flex-col gap-8 md:flex-row md:items-center md:justify-between">
          <div className="max-w-xl">
            <h2 className="text-2xl font-bold">Chat with a real person</h2>
            <p className="mt-2 text-indigo-100">Average reply in under a minute. Choose a topic and you&apos;ll be connected to someone who knows it.</p>
            <p className="mt-4 text-xs text-indigo-200">
              This button is the site&apos;s own: it calls <code className="rounded bg-white/15 px-1.5 py-0.5 font-mono">Webchat.open()</code>.
            </p>
          </div>
          <ChatButton label="Chat with us" className="inline-flex flex-none items-center justify-center gap-2 rounded-full bg-white px-7 py-3.5 text-base font-semibold text-indigo-700 shadow-lg hover:bg-indigo-50" />
        </div>
      </div>

      <ul className="mt-10 grid gap-6 md:grid-cols-3">
        {CHANNELS.map((c) => (
          <li key={c.title} className="rounded-2xl border border-slate-200 p-6 shadow-sm">
            <span className="grid h-10 w-10 place-items-center rounded-xl bg-indigo-50 text-indigo-600">
              <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <path d={c.icon} />
              </svg>
            </span>
            <h2 className="mt-4 font-semibold">{c.title}</h2>
            <p className="mt-1 text-slate-900">{c.text}</p>
            <p className="text-sm text-slate-500">{c.sub}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
