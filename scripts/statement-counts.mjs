// Summarises what `BENCH_STATEMENTS=<dir> npm run bench` counted: per process, the statements sent
// (round trips to Postgres) in all and the most frequent ones.
// Run: node scripts/statement-counts.mjs <dir> [--top 12]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 12;
const dir = args.find((a, i) => !a.startsWith('--') && i !== topIndex + 1);
if (!dir) {
  console.error('usage: node scripts/statement-counts.mjs <dir> [--top N]');
  process.exit(2);
}
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const counts = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  console.log(`\n${file.replace(/\.json$/, '')}: ${total} statements`);
  for (const [text, n] of counts.slice(0, top)) console.log(`${String(n).padStart(8)}  ${text}`);
}
