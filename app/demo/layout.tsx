import type { Metadata } from "next";
import Link from "next/link";
import { WEBCHAT_STUB } from "@/lib/widget/snippet";
import { DemoNav } from "./demo-nav";

export const metadata: Metadata = {
  title: { absolute: "ACME Internet — fiber for home and business", template: "%s · ACME Internet" },
};

// A customer's site, not ours: its own look, English only, and the widget
// embedded exactly the way a site owner pastes it from /admin/widget.
export default function DemoLayout({ children }: { children: React.ReactNode }) {
  return (
    <div lang="en" className="flex min-h-screen flex-col bg-white text-slate-900">
      <script dangerouslySetInnerHTML={{ __html: WEBCHAT_STUB }} />
      <script src="/widget.js" async data-lang="en" />
      <div className="bg-indigo-600 px-4 py-2 text-center text-xs font-medium text-indigo-50 sm:text-sm">
        A demo customer site for Webchat — the chat button in the corner is the embedded widget.{" "}
        <Link href="/login" className="underline decoration-indigo-300 underline-offset-2 hover:text-white">
          Staff sign-in
        </Link>
      </div>
      <header className="sticky top-0 z-30 border-b border-slate-200/80 bg-white/90 backdrop-blur">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <Link href="/demo" className="flex items-center gap-2.5 font-semibold tracking-tight">
            <AcmeLogo />
            <span className="whitespace-nowrap text-lg">ACME<span className="hidden text-indigo-600 sm:inline"> Internet</span></span>
          </Link>
          <DemoNav />
        </div>
      </header>
      <main className="flex-1">{children}</main>
      <footer className="border-t border-slate-200 bg-slate-50">
        <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm text-slate-600 sm:grid-cols-3 sm:px-6">
          <div>
            <div className="flex items-center gap-2 font-semibold text-slate-900">
              <AcmeLogo small /> ACME Internet
            </div>
            <p className="mt-3 max-w-xs">Fiber internet for homes and businesses. A fictional company, here to show the Webchat widget at work.</p>
          </div>
          <div>
            <p className="font-semibold text-slate-900">Company</p>
            <ul className="mt-3 space-y-2">
              <li><Link href="/demo/pricing" className="hover:text-indigo-700">Plans and prices</Link></li>
              <li><Link href="/demo/contact" className="hover:text-indigo-700">Contact us</Link></li>
            </ul>
          </div>
          <div>
            <p className="font-semibold text-slate-900">Support</p>
            <ul className="mt-3 space-y-2">
              <li>Mon–Sun, 8:00–22:00</li>
              <li>+1 555 0100</li>
              <li>help@acme.example</li>
            </ul>
          </div>
        </div>
        <p className="border-t border-slate-200 py-4 text-center text-xs text-slate-500">© ACME Internet. Not a real provider.</p>
      </footer>
    </div>
  );
}

function AcmeLogo({ small = false }: { small?: boolean }) {
  return (
    <span aria-hidden="true" className={`grid place-items-center rounded-lg bg-gradient-to-br from-indigo-500 to-violet-600 text-white shadow-sm ${small ? "h-6 w-6" : "h-8 w-8"}`}>
      <svg viewBox="0 0 24 24" className={small ? "h-3.5 w-3.5" : "h-5 w-5"} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round">
        <path d="M5 12.5a10 10 0 0 1 14 0M8.5 16a5 5 0 0 1 7 0M2 9a14.5 14.5 0 0 1 20 0" />
        <circle cx="12" cy="19.5" r="1.2" fill="currentColor" stroke="none" />
      </svg>
    </span>
  );
}
