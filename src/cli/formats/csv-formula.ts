/**
 * First characters that make a spreadsheet (Excel, LibreOffice Calc, Google
 * Sheets) evaluate a cell as a formula, as listed by OWASP's "CSV Injection"
 * page: `=`, `+`, `-`, `@`, tab and carriage return.
 */
const formulaTriggers = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Prefixes a cell that a spreadsheet would run as a formula with a single
 * quote, as OWASP recommends, so text typed by third parties (names, notes)
 * is shown as text. Phone numbers such as `+10000000001` get the prefix
 * too, because a spreadsheet would otherwise evaluate them.
 */
export function neutraliseFormula(cell: string): string {
  const first = cell.charAt(0);
  return formulaTriggers.has(first) ? `'${cell}` : cell;
}
