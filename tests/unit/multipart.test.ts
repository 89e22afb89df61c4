import { describe, expect, it } from 'vitest';
import { multipart } from '../../lib/export/multipart';

describe('multipart body', () => {
  it('is read back by a standard parser with its fields and file intact', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x0d, 0x0a]);
    const { body, contentType } = multipart([
      { name: 'standard', value: 'peppolBis' },
      { name: 'invoiceData', value: '<Invoice>é "quoted"\r\n</Invoice>' },
      { name: 'pdf', value: pdf, fileName: 'INV "1".pdf', contentType: 'application/pdf' },
    ]);
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    expect(form.get('standard')).toBe('peppolBis');
    expect(form.get('invoiceData')).toBe('<Invoice>é "quoted"\r\n</Invoice>');
    const file = form.get('pdf') as File;
    expect(file.type).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
  });
});
