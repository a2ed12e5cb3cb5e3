/**
 * A build-time (Vite) plugin that replaces exact snippets in dependencies' published files,
 * for code paths the extension never takes but Mozilla's linter (`web-ext lint`, run on every
 * addons.mozilla.org upload) still reports. Used by ./zod-without-eval.ts and
 * ./preact-without-inner-html.ts.
 *
 * If a dependency upgrade changes a snippet, the build fails here instead of silently shipping
 * the old code again (`npm run lint:firefox` would also show it).
 */
import type { Plugin } from 'vite';

export interface SourcePatch {
  /** The dependency's file, as a path ending. */
  file: RegExp;
  find: string;
  replace: string;
}

export function sourcePatches(name: string, patches: SourcePatch[], update: string): Plugin {
  return {
    name,
    enforce: 'pre',
    transform(code, id) {
      const patch = patches.find((candidate) => candidate.file.test(id.split('?')[0]!));
      if (!patch) return null;
      if (!code.includes(patch.find))
        this.error(`${name}: "${patch.find}" not found in ${id}; ${update}`);
      return { code: code.replace(patch.find, patch.replace), map: null };
    },
  };
}
