// Timers of the single-process deployment. On Vercel the same work runs from
// /api/cron/sweep.
export function startBackgroundJobs(): NodeJS.Timeout[] {
  return [];
}
