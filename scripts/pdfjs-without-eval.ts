/**
 * pdf.js for the IEP reader (lib/iep-import/pdf.ts), without the `Function` constructor and
 * without `import()` of a computed address.
 *
 * The reader runs pdf.js with `isEvalSupported: false`, so pdf.js never compiles PostScript
 * functions to code: its probe (`new Function("")`) and the compile step are dead code. The MV3
 * CSP would refuse them anyway, and Mozilla's linter reports each as DANGEROUS_EVAL, so both are
 * taken out at build time (like scripts/zod-without-eval.ts does for zod):
 *
 * - `pdfjsWithoutEval()`: a Vite plugin that patches pdf.js's main-thread module as it is bundled
 *   into the tracker page's lazily loaded reader chunk;
 * - `pdfjsWorkerFile()`: the worker, patched the same way, written to `pdfjs/pdf.worker.js` in the
 *   extension (wxt.config.ts adds it through the `build:publicAssets` hook). pdf.js loads it from
 *   the extension's own files as a module worker: no blob: or remote worker.
 *
 * pdf.js also loads code with `import(variable)` in two fall-backs the reader never takes, and
 * Mozilla's linter reports each as UNSAFE_VAR_ASSIGNMENT ("Unsafe call to import"). Both are
 * replaced with the failure they would end in here, so no code can be loaded from an address
 * computed at run time:
 *
 * - the main thread's "fake worker" (`import(workerSrc)`, pdf.js's fall-back when no worker can
 *   start). The reader always hands pdf.js its own module worker and treats a worker that does
 *   not start as an error; `workerSrc` is never set, so the import would throw anyway. Now the
 *   fall-back fails at once with a plain error.
 * - the worker's JPEG 2000 decoder written in plain JS (`import(wasmUrl +
 *   "openjpeg_nowasm_fallback.js")`), used only to draw JPX images when the wasm decoder cannot
 *   load. The reader asks only for text, the extension ships neither decoder, and the import
 *   would fail; pdf.js already catches that failure and skips the image.
 *
 * If a pdf.js upgrade changes these lines, the build fails here instead of shipping them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

interface Patch {
  find: string;
  replace: string;
}

/** The path of the worker inside the built extension (lib/iep-import/pdf.ts loads it). */
export const PDFJS_WORKER_PATH = 'pdfjs/pdf.worker.mjs';

const MAIN_PATCHES: Patch[] = [
  {
    find: 'try {\n    new Function("");\n    return true;\n  } catch {\n    return false;\n  }',
    replace: 'return false;',
  },
  {
    find: 'const worker = await import(\n      /*webpackIgnore: true*/\n      /*@vite-ignore*/\n      this.workerSrc);\n      return worker.WorkerMessageHandler;',
    replace: 'throw new Error("pdf.js runs only in the worker lib/iep-import/pdf.ts starts");',
  },
];

const WORKER_PATCHES: Patch[] = [
  { find: 'try{new Function("");return!0}catch{return!1}', replace: 'return!1' },
  {
    find: 'if(e)return new Function("src","srcOffset","dest","destOffset",e)',
    replace: 'if(e);',
  },
  {
    find: 'try{n=(await import(\n/*webpackIgnore: true*/\n/*@vite-ignore*/\nt)).default()}',
    replace: 'try{throw new Error(`not in the extension: ${t}`)}',
  },
];

function apply(source: string, patches: readonly Patch[], file: string): string {
  let out = source;
  for (const patch of patches) {
    if (!out.includes(patch.find)) {
      throw new Error(
        `scripts/pdfjs-without-eval.ts: ${file} changed; update the patch for ${JSON.stringify(patch.find)}.`,
      );
    }
    out = out.split(patch.find).join(patch.replace);
  }
  return out;
}

export function pdfjsWithoutEval(): Plugin {
  return {
    name: 'pdfjs-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]pdfjs-dist[\\/]build[\\/]pdf\.mjs$/.test(id.split('?')[0]!)) return null;
      return { code: apply(code, MAIN_PATCHES, 'pdfjs-dist/build/pdf.mjs'), map: null };
    },
  };
}

export function pdfjsWorkerFile(): { relativeDest: string; contents: string } {
  const require = createRequire(import.meta.url);
  const path = require.resolve('pdfjs-dist/build/pdf.worker.min.mjs');
  const contents = apply(readFileSync(path, 'utf8'), WORKER_PATCHES, 'pdf.worker.min.mjs');
  return { relativeDest: PDFJS_WORKER_PATH, contents };
}
