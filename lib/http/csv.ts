// CSV for spreadsheets (RFC 4180), safe to open in Excel or LibreOffice.

// A cell starting with one of these is run as a formula by spreadsheet apps
// ("CSV injection"); a leading apostrophe makes it plain text instead.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-guarded, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | Date | null | undefined) {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document: a header row, then the rows; CRLF line ends as RFC 4180 asks. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | Date | null | undefined)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join(
    "\r\n",
  ) + "\r\n";
}
