import stringWidth from 'string-width';

const ellipsis = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Matches C0 and C1 control characters, DEL and the Unicode bidirectional
 * overrides. Names and notes come from third parties, and printed raw these
 * would break the row or send escape sequences to the terminal.
 */
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g;

/** Returns `value` as one line of printable text: null is empty, controls become one space. */
export function toCellText(value: string | number | null): string {
  if (value === null) return '';
  return String(value).replace(unsafeCharacters, ' ');
}

/** Returns the number of terminal columns that `text` takes. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Cuts `text` to at most `width` terminal columns, ending it with `…` when cut. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;

  let result = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const segmentWidth = displayWidth(segment);
    if (used + segmentWidth > width - 1) break;
    result += segment;
    used += segmentWidth;
  }
  return `${result}${ellipsis}`;
}

/** Pads `text` with spaces to `width` terminal columns, on the left when `alignRight`. */
export function padToWidth(text: string, width: number, alignRight = false): string {
  const padding = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return alignRight ? `${padding}${text}` : `${text}${padding}`;
}
