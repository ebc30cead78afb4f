import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Plans and prices" };

const PLANS = [
  { name: "Basic", speed: "100 Mbit/s", price: 29, perks: ["Wi-Fi 6 router", "Unlimited data", "Free installation"] },
  { name: "Plus", speed: "500 Mbit/s", price: 49, perks: ["Everything in Basic", "Mesh extender", "Static IP on request"], popular: true },
  { name: "Giga", speed: "1 Gbit/s", price: 69, perks: ["Everything in Plus", "Priority support", "Second mesh extender"] },
];

const FAQ = [
  ["Is there a contract?", "No. Plans are month to month and you can cancel at any time without a fee."],
  ["How fast is installation?", "Usually within 48 hours of ordering. A technician calls you the day before."],
  ["Can I keep my router?", "Yes — after twelve months the router is yours, even if you leave."],
  ["Do you have business plans?", "Yes. Open the chat and pick “Corporate clients” to talk to our business team."],
];

export default function DemoPricing() {
  return (
    <>
      <section className="border-b border-slate-200 bg-gradient-to-b from-indigo-50/70 to-white">
        <div className="mx-auto max-w-6xl px-4 pb-10 pt-16 text-center sm:px-6">
          <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">Simple plans, honest prices</h1>
          <p className="mx-auto mt-4 max-w-xl text-slate-600">The price you see is the price you pay. Taxes included, no setup fee.</p>
        </div>
      </section>
      <section className="mx-auto max-w-6xl px-4 py-14 sm:px-6">
        <ul className="grid gap-6 md:grid-cols-3">
          {PLANS.map((p) => (
            <li
              key={p.name}
              className={`relative flex flex-col rounded-3xl p-8 ${p.popular ? "bg-slate-950 text-white shadow-xl ring-1 ring-slate-900" : "border border-slate-200 bg-white shadow-sm"}`}
            >
              {p.popular ? (
                <span className="absolute -top-3 left-8 rounded-full bg-gradient-to-r from-indigo-500 to-violet-500 px-3 py-1 text-xs font-semibold text-white">Most popular</span>
              ) : null}
              <h2 className="text-lg font-semibold">{p.name}</h2>
              <p className={`mt-1 text-sm ${p.popular ? "text-slate-300" : "text-slate-600"}`}>{p.speed} up and down</p>
              <p className="mt-6 flex items-baseline gap-1">
                <span className="text-5xl font-bold tracking-tight">${p.price}</span>
                <span className={p.popular ? "text-slate-400" : "text-slate-500"}>/month</span>
              </p>
              <ul className={`mt-6 flex-1 space-y-3 text-sm ${p.popular ? "text-slate-200" : "text-slate-700"}`}>
                {p.perks.map((perk) => (
                  <li key={perk} className="flex gap-2">
                    <svg aria-hidden="true" viewBox="0 0 20 20" className={`mt-0.5 h-4 w-4 flex-none ${p.popular ? "text-indigo-300" : "text-indigo-600"}`} fill="currentColor">
                      <path d="M7.7 13.3 4.4 10l-1.2 1.2 4.5 4.5 9.1-9.1-1.2-1.2z" />
                    </svg>
                    {perk}
                  </li>
                ))}
              </ul>
              <Link
                href="/demo/contact"
                className={`mt-8 rounded-full px-5 py-3 text-center text-sm font-semibold ${p.popular ? "bg-white text-slate-900 hover:bg-indigo-50" : "bg-indigo-600 text-white hover:bg-indigo-700"}`}
              >
                Choose {p.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="mx-auto max-w-3xl px-4 pb-20 sm:px-6">
        <h2 className="text-2xl font-bold tracking-tight">Questions</h2>
        <div className="mt-6 divide-y divide-slate-200 rounded-2xl border border-slate-200">
          {FAQ.map(([q, a]) => (
            <details key={q} className="group px-5 py-4">
              <summary className="flex cursor-pointer list-none items-center justify-between gap-4 font-medium">
                {q}
                <span aria-hidden="true" className="text-slate-400 transition-transform group-open:rotate-45">+</span>
              </summary>
              <p className="mt-2 text-sm text-slate-600">{a}</p>
            </details>
          ))}
        </div>
      </section>
    </>
  );
}
