/**
 * RFC 4180 CSV of rows of text, with a UTF-8 byte order mark so spreadsheet programs read the
 * Vietnamese letters right. A cell that starts like a formula (=, +, -, @) is written as text
 * (a leading apostrophe), so opening the file never runs anything.
 */
const FORMULA = /^[=+\-@\t\r]/;

const quote = (cell: string): string => {
  const safe = FORMULA.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const toCsv = (rows: readonly (readonly string[])[]): string => `\uFEFF${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;

/** The rows back from CSV text (for tests and checks): the inverse of toCsv for its own output. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
};
