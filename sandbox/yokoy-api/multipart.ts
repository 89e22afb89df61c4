/**
 * multipart/form-data without a dependency: Node 20's WHATWG `Request` parses it. Parts come
 * back as strings (plain fields) or as bytes with a file name (file parts).
 */
import type { IncomingHttpHeaders } from 'node:http';

export type Part = { kind: 'text'; value: string } | { kind: 'file'; data: Buffer; fileName: string; contentType: string };

export async function parseMultipart(headers: IncomingHttpHeaders, body: Buffer): Promise<Map<string, Part> | undefined> {
  const contentType = headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;.*boundary=/i.test(contentType)) return undefined;
  try {
    const form = await new Request('http://multipart.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: Uint8Array.from(body),
    }).formData();
    const parts = new Map<string, Part>();
    for (const [name, value] of form.entries()) {
      if (parts.has(name)) continue; // first one wins, like most form parsers
      if (typeof value === 'string') parts.set(name, { kind: 'text', value });
      else parts.set(name, { kind: 'file', data: Buffer.from(await value.arrayBuffer()), fileName: value.name, contentType: value.type });
    }
    return parts;
  } catch {
    return undefined;
  }
}

/** A part's bytes whether it was sent as a file or as a text field. */
export const partBytes = (part: Part): Buffer => (part.kind === 'file' ? part.data : Buffer.from(part.value, 'utf8'));
