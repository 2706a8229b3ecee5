import type { ContenderResult } from './overhead-harness.js';

/** Formats rows of cells as a Markdown table with padded columns. */
export function formatTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Formats one contender's overhead result as a table row, in the column order of the overhead tables. */
export function formatContenderRow(result: ContenderResult): string[] {
  return [
    result.name,
    result.medianMicros.toFixed(0),
    result.ratio.toFixed(3),
    `${result.ratioP25.toFixed(2)}-${result.ratioP75.toFixed(2)}`,
    result.totalRatio.toFixed(3),
    result.medianCpuMicros.toFixed(0),
    result.cpuRatio.toFixed(3),
  ];
}
