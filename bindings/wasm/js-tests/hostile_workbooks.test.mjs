// Issue 13: hostile workbooks give a coded limit error naming the sheet and cell, never an
// abort. The files are written by tests/data/bad/hostile_workbooks.py (`full`); the three small
// ones are committed (the 4 MB bombs are measured by hand, see tests/data/bad/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as k from 'koperasi';

const bad = (name) =>
  new Uint8Array(readFileSync(new URL(`../../../tests/data/bad/${name}`, import.meta.url)));

for (const [file, limit, place] of [
  ['far_cell.xlsx', 'max_cells', 'cell XFD1048576'],
  ['range_49m.xlsx', 'max_cells', 'cell AU1048576'],
  ['ods_rows_1e9.ods', 'max_cells', 'cell B1000000001'],
]) {
  test(`${file}: ${limit} at ${place}`, () => {
    assert.throws(
      () => k.readAny(bad(file)),
      (e) => {
        assert.equal(e.code, 'read_limit_exceeded');
        assert.match(e.message, new RegExp(`\`${limit}\``));
        assert.match(e.message, new RegExp(`sheet \`Data\`, ${place}`));
        // The details of the core's one error map, as Python has them; the line is kept.
        assert.deepEqual([e.details.limit, e.details.sheet, e.details.cell], [limit, 'Data', place.slice(5)]);
        assert.equal(e.column, limit);
        assert.equal(e.line, e.details.line === '0' ? null : Number(e.details.line));
        return true;
      },
    );
  });
}
