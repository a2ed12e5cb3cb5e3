/**
 * The pdf.js the extension ships holds no `Function` constructor call and no `import()` of a
 * computed address (scripts/pdfjs-without-eval.ts): the MV3 CSP forbids eval, and Mozilla's linter
 * reports both. The worker keeps the word only inside strings (PDF dictionary names such as
 * "FunctionType"); the main module keeps `import("…")` only inside a string it never runs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  PDFJS_WORKER_PATH,
  pdfjsWithoutEval,
  pdfjsWorkerFile,
} from '../../../scripts/pdfjs-without-eval';

/** `Function(`, `new Function(` or an alias `= Function`, outside property access and strings. */
const CONSTRUCTOR = /(?<![\w.$"'])Function\s*\(|=\s*Function\b(?!\s*\.)/;

/** `import(` whose argument (after any comments) is not a string literal. */
const COMPUTED_IMPORT = /(?<![\w.$"'`])import\(\s*(?:\/\*.*?\*\/\s*)*(?!["'`])/s;

describe('pdf.js without eval', () => {
  it('the worker file has no Function constructor and goes where the reader loads it', () => {
    const worker = pdfjsWorkerFile();
    expect(worker.relativeDest).toBe(PDFJS_WORKER_PATH);
    expect(readFileSync('lib/iep-import/pdf.ts', 'utf8')).toContain(`'/${PDFJS_WORKER_PATH}'`);
    expect(worker.contents).not.toMatch(CONSTRUCTOR);
    expect(worker.contents).not.toMatch(COMPUTED_IMPORT);
    // The JPX fall-back still ends in pdf.js's own catch, which skips the image.
    expect(worker.contents).toContain('try{throw new Error(`not in the extension: ${t}`)}catch(e)');
    expect(worker.contents.length).toBeGreaterThan(500_000);
  });

  it('the main module is patched as Vite bundles it', () => {
    const require = createRequire(import.meta.url);
    const id = require.resolve('pdfjs-dist/build/pdf.mjs');
    const original = readFileSync(id, 'utf8');
    expect(original).toMatch(CONSTRUCTOR);
    expect(original).toMatch(COMPUTED_IMPORT);
    const plugin = pdfjsWithoutEval() as { transform: (code: string, id: string) => unknown };
    const result = plugin.transform(original, id) as { code: string };
    expect(result.code).not.toMatch(CONSTRUCTOR);
    expect(result.code).not.toMatch(COMPUTED_IMPORT);
    expect(plugin.transform('const x = 1;', '/src/other.ts')).toBeNull();
  });
});
