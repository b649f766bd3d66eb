import assert from "node:assert/strict";
import { csvCell, toCsv } from "../lib/http/csv.ts";

Deno.test("csvCell quotes commas, quotes and line breaks", () => {
  assert.equal(csvCell("plain"), "plain");
  assert.equal(csvCell("Doe, Jane"), '"Doe, Jane"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell("two\nlines"), '"two\nlines"');
  assert.equal(csvCell("cr\rlf"), '"cr\rlf"');
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(undefined), "");
  assert.equal(csvCell(42), "42");
  assert.equal(
    csvCell(new Date("2030-01-02T03:04:05Z")),
    "2030-01-02T03:04:05.000Z",
  );
});

Deno.test("csvCell defuses cells a spreadsheet would run as a formula", () => {
  assert.equal(csvCell("=1+1"), "'=1+1");
  assert.equal(csvCell("+49 30 1234"), "'+49 30 1234");
  assert.equal(csvCell("-2+3"), "'-2+3");
  assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
  assert.equal(csvCell("\t=cmd"), "'\t=cmd");
  assert.equal(
    csvCell('=HYPERLINK("http://evil.test","click")'),
    `"'=HYPERLINK(""http://evil.test"",""click"")"`,
  );
  assert.equal(csvCell("a=b"), "a=b", "only a leading sign is dangerous");
  assert.equal(csvCell(-5), "-5", "numbers are data, not formulas");
});

Deno.test("toCsv writes a header and CRLF-terminated rows", () => {
  assert.equal(
    toCsv(["seat", "name"], [[1, "Ann"], [2, "Lee, Bo"]]),
    'seat,name\r\n1,Ann\r\n2,"Lee, Bo"\r\n',
  );
});
