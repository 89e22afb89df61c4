import { describe, expect, it } from 'vitest';
import { checkCredential, type CredentialField } from '../../lib/credentials/clean';

const uuid = '3f2a9c1e-1111-4222-8333-123456789abc';
const org = 'o7Hq2LmXc9RtV4bN1sKd';
const org10 = 'AbcDeF1234';
const secret = 'Xk3_vP9qL2mN8rT5wY7zB4cD6fG1hJ0s';

type Row = [CredentialField, string, string, { errors?: string[]; warnings?: string[]; fixes?: string[] }?];

// [field, pasted, expected value, expected finding kinds]
const table: Row[] = [
  ['clientId', uuid, uuid],
  ['clientId', `  ${uuid}  `, uuid, { fixes: ['whitespace-removed'] }],
  ['clientId', `${uuid}\n`, uuid, { fixes: ['whitespace-removed'] }],
  ['clientId', `Client ID: ${uuid}`, uuid, { fixes: ['label-removed'] }],
  ['clientId', `client id:${uuid}`, uuid, { fixes: ['label-removed'] }],
  ['clientId', `ID de cliente Yokoy: ${uuid}`, uuid, { fixes: ['label-removed'] }],
  ['clientId', `Identifiant client : ${uuid}`, uuid, { fixes: ['label-removed'] }],
  ['clientId', `Client-ID ${uuid}`, uuid, { fixes: ['label-removed'] }],
  ['clientId', `Client ID\n${uuid}`, uuid, { fixes: ['label-removed'] }],
  ['clientId', `"${uuid}"`, uuid, { fixes: ['quotes-removed'] }],
  ['clientId', `“${uuid}”`, uuid, { fixes: ['quotes-removed'] }],
  ['clientId', `\u200b${uuid}\u200b`, uuid],
  ['clientId', `\u00a0${uuid}`, uuid, { fixes: ['whitespace-removed'] }],
  ['clientId', secret, secret, { warnings: ['looks-like'] }],
  ['clientId', org, org, { warnings: ['looks-like'] }],
  ['clientId', org10, org10, { warnings: ['looks-like'] }],
  ['clientId', 'sandbox-ready-client', 'sandbox-ready-client'],
  ['clientId', '3f2a9c1e 1111', '3f2a9c1e 1111', { errors: ['bad-character'] }],
  ['clientId', 'abc\tdef', 'abc\tdef', { errors: ['bad-character'] }],
  ['clientId', 'abc€def', 'abc€def', { errors: ['bad-character'] }],
  ['clientId', '', '', { errors: ['empty'] }],
  ['clientId', '   ', '', { errors: ['empty'] }],
  ['clientSecret', secret, secret],
  ['clientSecret', ` ${secret}\r\n`, secret, { fixes: ['whitespace-removed'] }],
  ['clientSecret', `Client secret: ${secret}`, secret, { fixes: ['label-removed'] }],
  ['clientSecret', `Segredo do cliente Yokoy: ${secret}`, secret, { fixes: ['label-removed'] }],
  ['clientSecret', `Clientgeheim ${secret}`, secret, { fixes: ['label-removed'] }],
  ['clientSecret', `'${secret}'`, secret, { fixes: ['quotes-removed'] }],
  ['clientSecret', 'AbC+de/FgH==', 'AbC+de/FgH=='],
  ['clientSecret', uuid, uuid, { warnings: ['looks-like'] }],
  ['clientSecret', 'abc def', 'abc def', { errors: ['bad-character'] }],
  ['clientSecret', 'ab\u0007c', 'ab\u0007c', { errors: ['bad-character'] }],
  ['organizationId', org, org],
  ['organizationId', org10, org10],
  ['organizationId', `${org}a`, `${org}a`],
  ['organizationId', `Organization ID: ${org}`, org, { fixes: ['label-removed'] }],
  ['organizationId', `Organization ID ${org}`, org, { fixes: ['label-removed'] }],
  ['organizationId', `ID da organização Yokoy ${org}`, org, { fixes: ['label-removed'] }],
  ['organizationId', `Organisatie-ID: ${org}`, org, { fixes: ['label-removed'] }],
  ['organizationId', `Identifiant d’organisation : ${org}`, org, { fixes: ['label-removed'] }],
  ['organizationId', `Organization ID:\n${org}`, org, { fixes: ['label-removed'] }],
  ['organizationId', `${org} `, org, { fixes: ['whitespace-removed'] }],
  ['organizationId', 'o7Hq2 LmXc9', 'o7Hq2 LmXc9', { errors: ['bad-character'] }],
  ['organizationId', 'o7Hq2/LmXc9', 'o7Hq2/LmXc9', { errors: ['bad-character'] }],
  ['organizationId', 'o7Hq2.LmXc9', 'o7Hq2.LmXc9', { errors: ['bad-character'] }],
  ['organizationId', 'https://app.yokoy.ai/x', 'https://app.yokoy.ai/x', { errors: ['bad-character'] }],
  ['organizationId', uuid, uuid, { warnings: ['looks-like'] }],
  ['organizationId', 'short', 'short', { warnings: ['unusual-format'] }],
  ['organizationId', 'ÀbcDeF1234', 'ÀbcDeF1234', { errors: ['bad-character'] }],
  ['organizationId', '', '', { errors: ['empty'] }],
];

describe('credential paste cleaning', () => {
  it('covers at least 40 inputs', () => expect(table.length).toBeGreaterThanOrEqual(40));

  it.each(table)('%s ← %j', (field, pasted, value, expected = {}) => {
    const checked = checkCredential(field, pasted);
    expect(checked.value).toBe(value);
    expect(checked.errors.map((f) => f.kind)).toEqual(expected.errors ?? []);
    expect(checked.warnings.map((f) => f.kind)).toEqual(expected.warnings ?? []);
    for (const fix of expected.fixes ?? []) expect(checked.fixes.map((f) => f.kind)).toContain(fix);
  });

  it('says where the bad character is', () => {
    expect(checkCredential('organizationId', 'o7Hq2 LmXc9').errors[0]).toEqual({ kind: 'bad-character', character: ' ', position: 5 });
  });

  it('keeps the label it removed, to say so', () => {
    expect(checkCredential('clientId', `Client ID: ${uuid}`).fixes).toContainEqual({ kind: 'label-removed', label: 'Client ID' });
  });

  it('flags a legal-entity ID in the organization field', () => {
    const checked = checkCredential('organizationId', 'aB9jQoE3HE', { knownLegalEntityIds: ['aB9jQoE3HE'] });
    expect(checked.warnings).toEqual([{ kind: 'looks-like', other: 'legalEntityId' }]);
  });

  it('flags the client ID pasted into the organization field too', () => {
    const checked = checkCredential('organizationId', 'sandbox-ready-client', { others: { clientId: 'sandbox-ready-client' } });
    expect(checked.warnings).toEqual([{ kind: 'looks-like', other: 'clientId' }]);
  });

  it('flags the same value in secret and client ID', () => {
    expect(checkCredential('clientSecret', 'abcdefgh', { others: { clientId: 'abcdefgh' } }).warnings).toEqual([
      { kind: 'looks-like', other: 'clientId' },
    ]);
  });

  it('does not mistake a sentence for a label', () => {
    const checked = checkCredential('clientId', 'please send me the id');
    expect(checked.errors[0]?.kind).toBe('bad-character');
  });
});
