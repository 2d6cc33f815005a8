// `node --import ./scripts/faults/workspace-hooks.mjs`: resolves `@cs/<name>` to this checkout's
// libs/ and services/ (their built dist/), so the fault suite runs the code it was built from even
// when node_modules is shared with another checkout (git worktrees). A no-op in a plain clone.
import { register } from 'node:module';

register('./workspace-resolve.mjs', import.meta.url);
