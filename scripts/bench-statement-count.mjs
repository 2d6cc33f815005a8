// Loaded into each process of the bench with `BENCH_STATEMENTS=<dir> npm run bench` (node
// --import): counts the statements every pg client of the process sends, by statement text, and
// writes them to <dir>/<service>-<pid>.json (every second and when the process exits). Summarise the directory with
// `node scripts/statement-counts.mjs <dir>`. A measuring aid only; never loaded otherwise.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dir = process.env.BENCH_STATEMENTS;
const pg = createRequire(join(process.cwd(), 'package.json'))('pg');
const counts = new Map();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  const text = typeof config === 'string' ? config : (config?.text ?? config?.name ?? '?');
  const key = String(text).replace(/\s+/g, ' ').trim().slice(0, 100);
  counts.set(key, (counts.get(key) ?? 0) + 1);
  return query.call(this, config, values, callback);
};
const service = process.argv[1]?.match(/services\/([^/]+)\//)?.[1] ?? 'bench';
const write = () => dir && writeFileSync(join(dir, `${service}-${process.pid}.json`), JSON.stringify([...counts].sort((a, b) => b[1] - a[1])));
// every second too: a process stopped by a signal runs no exit handler
setInterval(write, 1000).unref();
process.on('exit', write);
