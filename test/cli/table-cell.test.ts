import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  padToWidth,
  toCellText,
  truncateToWidth,
} from '../../src/cli/formats/table-cell.js';

describe('toCellText', () => {
  it('prints null as empty', () => {
    expect(toCellText(null)).toBe('');
  });

  it('joins lines with a space', () => {
    expect(toCellText('first\r\nsecond')).toBe('first second');
  });

  it('removes escape characters', () => {
    expect(toCellText('red\u001b[31m')).toBe('red [31m');
  });

  it('removes bidirectional overrides', () => {
    expect(toCellText('abc\u202edef')).toBe('abc def');
  });
});

describe('truncateToWidth', () => {
  it('keeps text that fits', () => {
    expect(truncateToWidth('Example', 7)).toBe('Example');
  });

  it('cuts with an ellipsis', () => {
    expect(truncateToWidth('Example Client', 8)).toBe('Example…');
  });

  it('counts wide characters twice', () => {
    const cut = truncateToWidth('東京都千代田区', 6);

    expect(cut).toBe('東京…');
    expect(displayWidth(cut)).toBe(5);
  });

  it('keeps combining marks with their letter', () => {
    expect(truncateToWidth('e\u0301e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301…');
  });
});

describe('padToWidth', () => {
  it('pads wide text by display width', () => {
    expect(padToWidth('東京', 6)).toBe('東京  ');
  });

  it('aligns right', () => {
    expect(padToWidth('42', 5, true)).toBe('   42');
  });
});
