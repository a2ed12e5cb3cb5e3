/**
 * A build-time (Vite) plugin that takes zod's two uses of the `Function` constructor out of the
 * bundle.
 *
 * The extension runs zod jitless (lib/model/zod.ts), so zod never calls them: its feature probe
 * (`allowsEval`, `new Function("")`) returns early and its object fast path (`Doc.compile`) is
 * never built. But the code is still there, and Mozilla's linter (`web-ext lint`, run on every
 * addons.mozilla.org upload) reports each as DANGEROUS_EVAL. Replacing them with what jitless mode
 * does anyway makes the Firefox package lint clean without changing behaviour.
 *
 * If a zod upgrade changes these lines, the build fails here instead of silently shipping the
 * probe again (`npm run lint:firefox` would also show it).
 */
import type { Plugin } from 'vite';
import { sourcePatches } from './source-patches';

export function zodWithoutEval(): Plugin {
  return sourcePatches(
    'zod-without-eval',
    [
      {
        // The probe: answer "no eval" without trying it.
        file: /[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
        find: 'const F = Function;\n        new F("");\n        return true;',
        replace: 'return false;',
      },
      {
        // The JIT compiler's last step: unreachable when jitless, so fail loudly if ever reached.
        file: /[\\/]zod[\\/]v4[\\/]core[\\/]doc\.js$/,
        find: 'const F = Function;',
        replace:
          'const F = () => { throw new Error("zod code generation is off in this extension (jitless)"); };',
      },
    ],
    'zod changed, update scripts/zod-without-eval.ts.',
  );
}
