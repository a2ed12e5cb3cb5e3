/**
 * Reads a .docx back, for the Word export's unit and e2e tests: mammoth's HTML and raw text (what
 * a reader of the file gets) and the package's XML parts (to check what mammoth does not show:
 * page size, margins, highlights, header and footer fields, repeated table headers).
 */
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';

export interface ReadDocx {
  /** mammoth's HTML of the document body. */
  html: string;
  /** mammoth's raw text of the document body. */
  text: string;
  /** mammoth's warnings (unknown styles and the like). */
  messages: string[];
  /** Each part of the package by its path ("word/document.xml"), as text. */
  parts: Map<string, string>;
}

/** The files of a zip archive (stored or deflated entries), read from its central directory. */
export function zipEntries(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('Not a zip file: no end of central directory.');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('Broken zip central directory.');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

export async function readDocx(file: Buffer): Promise<ReadDocx> {
  const [html, text] = await Promise.all([
    mammoth.convertToHtml({ buffer: file }),
    mammoth.extractRawText({ buffer: file }),
  ]);
  const parts = new Map(
    [...zipEntries(file)].map(([name, data]) => [name, data.toString('utf8')] as const),
  );
  return {
    html: html.value,
    text: text.value,
    messages: [...html.messages, ...text.messages].map((m) => `${m.type}: ${m.message}`),
    parts,
  };
}

/** The text of each `<w:t>` of an XML part, in order (entities decoded). */
export function xmlTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
