import Link from "next/link";
import { ChatButton } from "./chat-button";

const FEATURES = [
  { title: "Symmetric fiber", text: "Uploads as fast as downloads, for video calls and cloud backups that never stall.", icon: "M13 2 4 14h7l-1 8 9-12h-7z" },
  { title: "Installed in 48 hours", text: "Book online, and a technician connects you within two working days. No drilling fees.", icon: "M12 8v4l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18" },
  { title: "Humans on chat", text: "Real people answer in about a minute, every day from 8:00 to 22:00. Try the button below.", icon: "M4 5h16v10H8l-4 4z" },
  { title: "No annual contract", text: "Month to month, cancel any time. The router is yours to keep after a year.", icon: "M5 12l5 5L20 7" },
];

export default function DemoHome() {
  return (
    <>
      <section className="relative overflow-hidden bg-slate-950 text-white">
        <div aria-hidden="true" className="absolute -right-32 -top-32 h-[28rem] w-[28rem] rounded-full bg-indigo-600/40 blur-3xl" />
        <div aria-hidden="true" className="absolute -bottom-40 left-10 h-80 w-80 rounded-full bg-violet-600/30 blur-3xl" />
        <div className="relative mx-auto grid max-w-6xl gap-12 px-4 py-20 sm:px-6 lg:grid-cols-[1.2fr_1fr] lg:py-28">
          <div>
            <p className="inline-flex items-center gap-2 rounded-full bg-white/10 px-3 py-1 text-xs font-medium text-indigo-100 ring-1 ring-white/15">
              <span className="h-1.5 w-1.5 rounded-full bg-emerald-400" /> Now in 40 new neighbourhoods
            </p>
            <h1 className="mt-5 text-4xl font-bold tracking-tight sm:text-6xl">
              Fiber internet that <span className="bg-gradient-to-r from-indigo-300 to-violet-300 bg-clip-text text-transparent">just works.</span>
            </h1>
            <p className="mt-5 max-w-xl text-lg text-slate-300">
              Up to 1 Gbit/s both ways, a Wi-Fi 6 router included, and people who pick up when you need them.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href="/demo/pricing" className="rounded-full bg-white px-6 py-3 text-sm font-semibold text-slate-900 shadow hover:bg-indigo-50">
                See plans
              </Link>
              <ChatButton label="Ask us anything" className="inline-flex items-center gap-2 rounded-full px-6 py-3 text-sm font-semibold text-white ring-1 ring-white/30 hover:bg-white/10" />
            </div>
          </div>
          <dl className="grid grid-cols-2 gap-4 self-center">
            {[
              ["1 Gbit/s", "top speed, up and down"],
              ["99.98%", "uptime last year"],
              ["58 s", "average chat reply"],
              ["4.8 / 5", "from 12,000 reviews"],
            ].map(([n, l]) => (
              <div key={l} className="rounded-2xl bg-white/5 p-5 ring-1 ring-white/10">
                <dt className="text-sm text-slate-400">{l}</dt>
                <dd className="mt-1 text-2xl font-semibold tracking-tight">{n}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <h2 className="text-3xl font-bold tracking-tight">Why neighbours switch to ACME</h2>
        <p className="mt-3 max-w-2xl text-slate-600">Everything you need from a provider, nothing you have to fight for.</p>
        <ul className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {FEATURES.map((f) => (
            <li key={f.title} className="rounded-2xl border border-slate-200 p-6 shadow-sm">
              <span className="grid h-10 w-10 place-items-center rounded-xl bg-indigo-50 text-indigo-600">
                <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                  <path d={f.icon} />
                </svg>
              </span>
              <h3 className="mt-4 font-semibold">{f.title}</h3>
              <p className="mt-2 text-sm text-slate-600">{f.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="bg-indigo-50">
        <div className="mx-auto flex max-w-6xl flex-col items-start justify-between gap-6 px-4 py-14 sm:px-6 md:flex-row md:items-center">
          <blockquote className="max-w-2xl">
            <p className="text-xl font-medium text-slate-900">“I asked about moving my line in the chat at 9 pm and had an answer before my tea was ready.”</p>
            <footer className="mt-3 text-sm text-slate-600">— Maria K., customer since 2021</footer>
          </blockquote>
          <Link href="/demo/contact" className="rounded-full bg-indigo-600 px-6 py-3 text-sm font-semibold text-white shadow hover:bg-indigo-700">
            Contact us
          </Link>
        </div>
      </section>
    </>
  );
}
