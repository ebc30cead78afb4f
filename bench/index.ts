// Benchmark entry: `npm run bench -- [scenario] [scenario options]`; no scenario runs them all.
import { runConversationBench } from "./conversation";
import { runRealtimeBench } from "./realtime";

type Scenario = (args: string[]) => Promise<void>;

const scenarios: Record<string, Scenario> = {
  realtime: runRealtimeBench,
  conversation: runConversationBench,
};

async function main(): Promise<void> {
  const [first, ...rest] = process.argv.slice(2);
  const named = first && !first.startsWith("--") ? first : undefined;
  const args = named ? rest : process.argv.slice(2);
  if (named && !scenarios[named]) {
    console.error(`Unknown scenario "${named}". Available: ${Object.keys(scenarios).join(", ")}`);
    process.exit(2);
  }
  for (const [name, run] of Object.entries(scenarios)) {
    if (named && name !== named) continue;
    await run(args);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
