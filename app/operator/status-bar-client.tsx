"use client";
// The header strip of the workplace: ready / away / offline like a phone
// agent, time in that status, the load, sound and the connection.
import { useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";
import type { Workplace } from "@/lib/workplace/workplace";
import { Elapsed } from "./clock";

type Status = Workplace["me"]["status"];

const STATUS_STYLE: Record<Status, { dot: string; on: string }> = {
  ready: { dot: "bg-emerald-500", on: "bg-emerald-700 text-white shadow-sm" },
  away: { dot: "bg-amber-500", on: "bg-amber-700 text-white shadow-sm" },
  offline: { dot: "bg-slate-400", on: "bg-slate-700 text-white shadow-sm" },
};

const SPEAKER_ON = "M11 5 6 9H2v6h4l5 4zM15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14";
const SPEAKER_OFF = "M11 5 6 9H2v6h4l5 4zM22 9l-6 6M16 9l6 6";

export function StatusBar({
  me,
  load,
  busy,
  onStatus,
  soundOn,
  onToggleSound,
  live,
}: {
  me: Workplace["me"];
  load: number;
  busy: boolean;
  onStatus: (s: Status) => void;
  soundOn: boolean;
  onToggleSound: () => void;
  live: boolean;
}) {
  const t = useTranslations("workplace");
  const statuses: Status[] = ["ready", "away", "offline"];
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-3 rounded-xl border border-slate-200 bg-white px-3 py-2.5 shadow-xs sm:px-4">
      <fieldset className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-2">
        <legend className="sr-only">{t("status.label")}</legend>
        <div className="inline-flex rounded-lg bg-slate-100 p-1" role="presentation">
          {statuses.map((s) => (
            <label
              key={s}
              className={`relative inline-flex cursor-pointer items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap transition-colors select-none has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 sm:px-3 ${
                me.status === s ? STATUS_STYLE[s].on : "text-slate-700 hover:bg-white hover:text-slate-900"
              } ${busy ? "cursor-wait" : ""}`}
            >
              <input
                type="radio"
                name="operator-status"
                value={s}
                checked={me.status === s}
                onChange={() => onStatus(s)}
                className="sr-only"
              />
              <span aria-hidden="true" className={`h-2 w-2 rounded-full ${me.status === s ? "bg-white" : STATUS_STYLE[s].dot}`} />
              {t(`status.${s}`)}
            </label>
          ))}
        </div>
        <p className="text-xs whitespace-nowrap text-slate-600">
          <span className="sr-only">{t("status.timeIn")} </span>
          <Icon d="M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0" className="mr-1 inline h-3.5 w-3.5 align-[-2px] text-slate-400" />
          <Elapsed since={me.statusSince} className="font-medium text-slate-800 tabular-nums" />
        </p>
      </fieldset>

      <div className="flex items-center gap-2 text-sm" title={t("load.hint", { max: me.maxDialogs })}>
        <span className="text-slate-600">{t("load.label")}</span>
        <span className="font-semibold text-slate-900 tabular-nums">
          {load} / {me.maxDialogs}
        </span>
        <span aria-hidden="true" className="flex gap-0.5">
          {Array.from({ length: Math.min(me.maxDialogs, 10) }, (_, i) => (
            <span key={i} className={`h-3 w-1.5 rounded-sm ${i < load ? (load >= me.maxDialogs ? "bg-amber-500" : "bg-brand-500") : "bg-slate-200"}`} />
          ))}
        </span>
      </div>

      {me.skills.length ? (
        <p className="hidden min-w-0 truncate text-xs text-slate-600 xl:block" title={me.skills.map((s) => s.name).join(", ")}>
          {t("skills")}: <span className="text-slate-800">{me.skills.map((s) => s.name).join(" · ")}</span>
        </p>
      ) : null}

      <div className="ml-auto flex items-center gap-2">
        <span
          className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${live ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-800"}`}
        >
          <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${live ? "bg-emerald-500" : "animate-pulse bg-amber-500"}`} />
          {live ? t("connection.live") : t("connection.connecting")}
        </span>
        <button
          type="button"
          onClick={onToggleSound}
          aria-pressed={soundOn}
          className="grid h-8 w-8 place-items-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900"
          title={soundOn ? t("sound.on") : t("sound.off")}
        >
          <Icon d={soundOn ? SPEAKER_ON : SPEAKER_OFF} />
          <span className="sr-only">{t("sound.label")}</span>
        </button>
      </div>
    </div>
  );
}
