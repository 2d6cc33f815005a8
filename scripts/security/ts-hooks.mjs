// Runs the project's TypeScript directly, as the jest suites do: swc with the same options, the
// `@cs/*` libraries from their sources, `./x.js` imports resolved to `./x.ts`.
// Use: node --import ./scripts/security/ts-hooks.mjs <script>
import { existsSync, readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from '@swc/core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const LIB = /^@cs\/([a-z][a-z0-9-]*)$/;
const SWC = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
};

registerHooks({
  resolve(specifier, context, next) {
    const lib = LIB.exec(specifier);
    if (lib && existsSync(`${root}libs/${lib[1]}/src/index.ts`)) return { url: pathToFileURL(`${root}libs/${lib[1]}/src/index.ts`).href, shortCircuit: true, format: 'module' };
    if (/^\.{1,2}\//.test(specifier) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (existsSync(fileURLToPath(ts))) return { url: ts.href, shortCircuit: true, format: 'module' };
    }
    return next(specifier, context);
  },
  load(url, context, next) {
    if (url.startsWith('file:') && url.endsWith('.ts')) {
      const filename = fileURLToPath(url);
      const { code } = transformSync(readFileSync(filename, 'utf8'), { ...SWC, filename, sourceMaps: 'inline' });
      return { format: 'module', source: code, shortCircuit: true };
    }
    return next(url, context);
  },
});
