/**
 * Bank statement writers for the sandbox: Belgian CODA (Febelfin 2.x, fixed 128-character
 * records) and ISO 20022 CAMT.053 (camt.053.001.02). Plausible rather than certified: the
 * record layout, balances and totals are consistent, which is what an importer looks at.
 */
import { xmlEscape } from './ubl-write';

export interface StatementEntry {
  /** Signed: negative = debit (money out), positive = credit (money in). */
  amount: number;
  valueDate: string; // YYYY-MM-DD
  counterpartyName: string;
  counterpartyIban?: string;
  counterpartyBic?: string;
  /** Free text (e.g. invoice number) or a Belgian structured reference '+++123/4567/89012+++'. */
  communication: string;
  bankReference: string;
}

export interface StatementInput {
  holderName: string;
  iban: string;
  bic: string;
  currency: string;
  /** Statement (closing) date, YYYY-MM-DD. */
  date: string;
  fromDate: string;
  sequence: number;
  openingBalance: number;
  entries: StatementEntry[];
  /** Account holder's company number (CODA header). */
  companyId?: string;
}

const cents = (n: number): number => Math.round(n * 100);
export const closingBalance = (s: StatementInput): number =>
  (cents(s.openingBalance) + s.entries.reduce((sum, e) => sum + cents(e.amount), 0)) / 100;

// ---------------------------------------------------------------------------------- CODA

/** Fixed-width field: left-aligned text or zero-padded digits, cut to width. */
const fx = (s: string, width: number): string => s.slice(0, width).padEnd(width, ' ');
const fn = (n: number | string, width: number): string => String(n).padStart(width, '0').slice(-width);
const ddmmyy = (iso: string): string => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;
/** CODA amounts: 15 digits, 3 implied decimals, sign in a separate field. */
const codaAmount = (n: number): string => fn(Math.round(Math.abs(n) * 1000), 15);
/** CODA is plain ASCII in practice: strip accents rather than risk a code-page mismatch. */
const ascii = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');

export function writeCoda(s: StatementInput): string {
  const lines: string[] = [];
  const push = (line: string): void => {
    if (line.length !== 128) throw new Error(`CODA record of ${line.length} characters (bug): ${line}`);
    lines.push(line);
  };
  const account = `${fx(s.iban, 34)}${fx(s.currency, 3)}`;
  const holder = ascii(s.holderName);

  // Record 0: header.
  push(
    '0' +
      '0000' +
      ddmmyy(s.date) +
      '539' +
      '05' +
      ' ' +
      fx('', 7) +
      fx(`ST${fn(s.sequence, 8)}`, 10) +
      fx(holder, 26) +
      fx(s.bic, 11) +
      fn(s.companyId ?? '0', 11) +
      ' ' +
      '00000' +
      fx('', 16) +
      fx('', 16) +
      fx('', 7) +
      '2',
  );
  // Record 1: old balance.
  const open = s.openingBalance;
  push(
    '1' +
      '2' +
      fn(s.sequence, 3) +
      account +
      (open < 0 ? '1' : '0') +
      codaAmount(open) +
      ddmmyy(s.fromDate) +
      fx(holder, 26) +
      fx('Compte courant', 35) +
      fn(s.sequence, 3),
  );
  let debit = 0;
  let credit = 0;
  s.entries.forEach((e, i) => {
    const seq = fn(i + 1, 4);
    const structured = /^\+\+\+(\d{3})\/(\d{4})\/(\d{5})\+\+\+$/.exec(e.communication);
    const comm = structured ? '1' + fx(`101${structured[1]}${structured[2]}${structured[3]}`, 53) : '0' + fx(ascii(e.communication), 53);
    if (e.amount < 0) debit += cents(-e.amount);
    else credit += cents(e.amount);
    // 2.1: movement (sign 1 = debit); transaction codes 0 01 01 000 (transfer order) / 0 01 50 000 (transfer received).
    push(
      '21' +
        seq +
        '0000' +
        fx(e.bankReference, 21) +
        (e.amount < 0 ? '1' : '0') +
        codaAmount(e.amount) +
        ddmmyy(e.valueDate) +
        (e.amount < 0 ? '00101000' : '00150000') +
        comm +
        ddmmyy(e.valueDate) +
        fn(s.sequence, 3) +
        '0' +
        '1' +
        ' ' +
        '0',
    );
    // 2.2: counterparty BIC; 2.3: counterparty account and name.
    push(
      '22' +
        seq +
        '0000' +
        fx('', 53) +
        fx('', 35) +
        fx(e.counterpartyBic ?? '', 11) +
        fx('', 3) +
        fx('', 1) +
        fx('', 4) +
        fx('', 4) +
        fx('', 4) +
        '1' +
        ' ' +
        '0',
    );
    push(
      '23' +
        seq +
        '0000' +
        fx(e.counterpartyIban ?? '', 34) +
        fx('EUR', 3) +
        fx(ascii(e.counterpartyName), 35) +
        fx('', 43) +
        '0' +
        ' ' +
        '0',
    );
  });
  // Record 8: new balance; record 9: trailer with record count and movement totals.
  const close = closingBalance(s);
  push('8' + fn(s.sequence, 3) + account + (close < 0 ? '1' : '0') + codaAmount(close) + ddmmyy(s.date) + fx('', 64) + '0');
  push('9' + fx('', 15) + fn(lines.length - 1, 6) + codaAmount(debit / 100) + codaAmount(credit / 100) + fx('', 75) + '2');
  return lines.join('\r\n') + '\r\n';
}

// ------------------------------------------------------------------------------ CAMT.053

const amt = (n: number): string => Math.abs(n).toFixed(2);

export function writeCamt053(s: StatementInput): string {
  const close = closingBalance(s);
  const id = `STMT-${s.iban.slice(-8)}-${s.date.replace(/-/g, '')}`;
  const created = `${s.date}T20:00:00`;
  const bal = (code: 'OPBD' | 'CLBD', value: number, date: string): string => `      <Bal>
        <Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp>
        <Amt Ccy="${s.currency}">${amt(value)}</Amt>
        <CdtDbtInd>${value < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd>
        <Dt><Dt>${date}</Dt></Dt>
      </Bal>`;
  const entries = s.entries.map((e) => {
    const out = e.amount < 0;
    const party = out ? 'Cdtr' : 'Dbtr';
    const structured = /^\+\+\+[\d/]+\+\+\+$/.test(e.communication);
    const rmt = structured
      ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp><Ref>${e.communication.replace(/\D/g, '')}</Ref></CdtrRefInf></Strd>`
      : `<Ustrd>${xmlEscape(e.communication)}</Ustrd>`;
    return `      <Ntry>
        <Amt Ccy="${s.currency}">${amt(e.amount)}</Amt>
        <CdtDbtInd>${out ? 'DBIT' : 'CRDT'}</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>${e.valueDate}</Dt></BookgDt>
        <ValDt><Dt>${e.valueDate}</Dt></ValDt>
        <AcctSvcrRef>${xmlEscape(e.bankReference)}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${out ? 'ICDT' : 'RCDT'}</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><EndToEndId>${xmlEscape(e.bankReference)}</EndToEndId></Refs>
            <AmtDtls><TxAmt><Amt Ccy="${s.currency}">${amt(e.amount)}</Amt></TxAmt></AmtDtls>
            <RltdPties>
              <${party}><Nm>${xmlEscape(e.counterpartyName)}</Nm></${party}>${
                e.counterpartyIban ? `\n              <${party}Acct><Id><IBAN>${e.counterpartyIban}</IBAN></Id></${party}Acct>` : ''
              }
            </RltdPties>${e.counterpartyBic ? `\n            <RltdAgts><${party}Agt><FinInstnId><BIC>${e.counterpartyBic}</BIC></FinInstnId></${party}Agt></RltdAgts>` : ''}
            <RmtInf>${rmt}</RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>`;
  });
  const sumOf = (xs: StatementEntry[]): string => amt(xs.reduce((t, e) => t + cents(Math.abs(e.amount)), 0) / 100);
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr>
      <MsgId>${id}</MsgId>
      <CreDtTm>${created}</CreDtTm>
    </GrpHdr>
    <Stmt>
      <Id>${id}</Id>
      <ElctrncSeqNb>${s.sequence}</ElctrncSeqNb>
      <CreDtTm>${created}</CreDtTm>
      <FrToDt><FrDtTm>${s.fromDate}T00:00:00</FrDtTm><ToDtTm>${s.date}T23:59:59</ToDtTm></FrToDt>
      <Acct>
        <Id><IBAN>${s.iban}</IBAN></Id>
        <Ccy>${s.currency}</Ccy>
        <Ownr><Nm>${xmlEscape(s.holderName)}</Nm></Ownr>
        <Svcr><FinInstnId><BIC>${s.bic}</BIC></FinInstnId></Svcr>
      </Acct>
${bal('OPBD', s.openingBalance, s.fromDate)}
${bal('CLBD', close, s.date)}
      <TxsSummry>
        <TtlNtries><NbOfNtries>${s.entries.length}</NbOfNtries></TtlNtries>
        <TtlCdtNtries><NbOfNtries>${s.entries.filter((e) => e.amount >= 0).length}</NbOfNtries><Sum>${sumOf(s.entries.filter((e) => e.amount >= 0))}</Sum></TtlCdtNtries>
        <TtlDbtNtries><NbOfNtries>${s.entries.filter((e) => e.amount < 0).length}</NbOfNtries><Sum>${sumOf(s.entries.filter((e) => e.amount < 0))}</Sum></TtlDbtNtries>
      </TxsSummry>
${entries.join('\n')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}
