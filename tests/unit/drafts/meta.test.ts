/**
 * Conventions the draft library keeps: every kind file is registered and described, kinds cite
 * only registry keys (through `cite`, never as literal text), and each kind's declared citations
 * are the ones it prints.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DRAFT_FORMS,
  DRAFT_KIND_IDS,
  draftKinds,
  getDraftKind,
  isCitationKey,
  listDraftKinds,
  renderDraft,
  type DraftKind,
} from '../../../lib/drafts';
import { citedKeys } from './checks';
import { RICH_INPUTS, richContext } from './fixtures';

const draftsDir = path.resolve(__dirname, '..', '..', '..', 'lib', 'drafts');
const kindsDir = path.join(draftsDir, 'kinds');
const kindFiles = readdirSync(kindsDir).filter((f) => f.endsWith('.ts'));

function isDraftKind(value: unknown): value is DraftKind {
  return typeof value === 'object' && value !== null && 'render' in value && 'id' in value;
}

/** Source without comments, so a citation in a comment does not count as printed text. */
function codeOf(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

describe('draft kind files', () => {
  it('has one file per kind id and nothing else', () => {
    expect(kindFiles.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...DRAFT_KIND_IDS].sort());
  });

  it.each(kindFiles)('%s exports one registered kind named after the file', async (file) => {
    const module: Record<string, unknown> = await import(path.join(kindsDir, file));
    const kinds = Object.values(module).filter(isDraftKind);
    expect(kinds).toHaveLength(1);
    const kind = kinds[0]!;
    expect(kind.id).toBe(file.replace(/\.ts$/, ''));
    expect(getDraftKind(kind.id)).toBe(kind);
    expect(draftKinds).toContain(kind);
  });

  it('registers the kinds in the order of the seed steps', () => {
    expect(draftKinds.map((k) => k.id)).toEqual([...DRAFT_KIND_IDS]);
    expect(draftKinds.slice(0, 5).map((k) => k.id)).toEqual([
      'records-request',
      'service-concern',
      'pwn-request',
      'compensatory-services',
      'state-complaint',
    ]);
  });

  it.each(draftKinds.map((k) => [k.id, k] as const))(
    '%s has a title, a one-line description and described inputs',
    (_id, kind) => {
      expect(kind.title.trim().length).toBeGreaterThan(5);
      expect(kind.description).toMatch(/^Use this when [^\n]+\.$/);
      const ids = kind.inputs.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const input of kind.inputs) {
        expect(input.label.trim()).not.toBe('');
        expect(input.help.trim()).not.toBe('');
        expect(input.required || /\(optional\)$/.test(input.label)).toBe(true);
        if (input.type === 'select') expect(input.options?.length).toBeGreaterThan(1);
      }
    },
  );

  it('has unique titles, and lists them without render functions', () => {
    const titles = draftKinds.map((k) => k.title);
    expect(new Set(titles).size).toBe(titles.length);
    const listed = listDraftKinds();
    expect(listed.map((k) => k.title)).toEqual(titles);
    expect(JSON.parse(JSON.stringify(listed))).toEqual(listed);
  });
});

describe('citations in kinds', () => {
  it.each(draftKinds.map((k) => [k.id, k] as const))(
    '%s declares only registry keys and cites only what it declares',
    (id, kind) => {
      for (const key of kind.citations) expect(isCitationKey(key)).toBe(true);
      const code = codeOf(path.join(kindsDir, `${id}.ts`));
      const used = [...code.matchAll(/cite\('([^']+)'\)/g)].map((m) => m[1]!);
      expect(new Set(used)).toEqual(new Set(kind.citations));
    },
  );

  it('prints each declared citation in some rendering, and nothing undeclared', () => {
    const contexts = [
      richContext(),
      richContext({ inputs: { ...RICH_INPUTS, origin: 'out-of-state' } }),
      richContext({ inputs: { ...RICH_INPUTS, caseLaw: 'include' } }),
    ];
    for (const kind of draftKinds) {
      const printed = new Set(
        contexts.flatMap((ctx) =>
          DRAFT_FORMS.flatMap((form) => citedKeys(renderDraft(kind.id, ctx, form).text)),
        ),
      );
      expect([...printed].sort(), kind.id).toEqual([...kind.citations].sort());
    }
  });

  it('keeps citation text out of the code: kinds and helpers print citations only by key', () => {
    const files = [
      ...kindFiles.map((f) => path.join(kindsDir, f)),
      ...readdirSync(draftsDir)
        .filter((f) => f.endsWith('.ts') && f !== 'citations.ts')
        .map((f) => path.join(draftsDir, f)),
    ];
    for (const file of files) {
      expect(codeOf(file), file).not.toMatch(/C\.F\.R\.|\bARM 10|F\.3d|§/);
    }
  });
});
