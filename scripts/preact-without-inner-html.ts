/**
 * A build-time (Vite) plugin that takes Preact's one `innerHTML` assignment out of the bundle:
 * the `dangerouslySetInnerHTML` prop, which no component of ours uses (tests/unit/
 * manifest-permissions.test.ts checks both the source and the build). Mozilla's linter
 * (`web-ext lint`) reports the assignment as UNSAFE_VAR_ASSIGNMENT, its only warning on the
 * Firefox package. In its place the prop now fails loudly, so it can never be used by accident
 * either. (Preact's other innerHTML uses, a read and clearing with "", stay; neither is reported.)
 *
 * If a Preact upgrade changes this minified line, the build fails here instead of shipping the
 * assignment again (`npm run lint:firefox` would also show it).
 */
import type { Plugin } from 'vite';
import { sourcePatches } from './source-patches';

export function preactWithoutInnerHtml(): Plugin {
  return sourcePatches(
    'preact-without-inner-html',
    [
      {
        // Vite takes the "browser" build (preact.module.js); preact.mjs is the same code.
        file: /[\\/]preact[\\/]dist[\\/]preact\.(module\.js|mjs)$/,
        find: '(u.innerHTML=h.__html)',
        replace:
          '(()=>{throw new Error("dangerouslySetInnerHTML is off in this extension: render elements instead")})()',
      },
    ],
    'Preact changed, update scripts/preact-without-inner-html.ts.',
  );
}
