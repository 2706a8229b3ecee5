import { describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../../scripts/lib/openapi-document.js';
import { diffSpecs, majorOf } from '../../scripts/lib/spec-diff/diff-specs.js';
import { formatChange, formatReport } from '../../scripts/lib/spec-diff/format-report.js';

/** The parts of openapi.yaml that these tests change. */
interface MutableSpec {
  info: { version: string };
  paths: Record<string, { get: { responses: Record<string, unknown> } }>;
  components: {
    schemas: Record<
      string,
      { properties: Record<string, Record<string, unknown>>; required: string[] }
    >;
    parameters: Record<string, { schema: Record<string, unknown> }>;
  };
}

/** Returns a deep copy of openapi.yaml that a test may change. */
function projectSpec(): MutableSpec {
  return structuredClone(loadOpenApiDocument()) as unknown as MutableSpec;
}

describe('openapi.yaml comparison', () => {
  it('finds no change against itself', () => {
    const result = diffSpecs(projectSpec(), projectSpec());

    expect(result.changes).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('names a removed response field', () => {
    const head = projectSpec();
    const clientList = head.components.schemas.ClientList!;
    delete clientList.properties.total;
    clientList.required = clientList.required.filter((name) => name !== 'total');

    const result = diffSpecs(projectSpec(), head);

    expect(result.breaking.map(formatChange)).toEqual([
      'removed response field: GET /clients 200 ClientList.total [response-field-removed]',
    ]);
    expect(result.exitCode).toBe(1);
  });

  it('follows references into array items', () => {
    const head = projectSpec();
    head.components.schemas.Client!.properties.notes!.type = 'string';

    const result = diffSpecs(projectSpec(), head);

    expect(result.breaking.map(formatChange)).toEqual([
      'null no longer allowed: GET /clients 200 ClientList.clients[].notes (null | string -> string) [nullable-removed]',
    ]);
  });

  it('reads parameters behind references', () => {
    const head = projectSpec();
    head.components.parameters.PageSize!.schema.maximum = 100;

    const result = diffSpecs(projectSpec(), head);

    expect(result.breaking.map(formatChange)).toEqual([
      'new maximum: GET /clients query parameter page_size (maximum none -> 100) [maximum-added]',
    ]);
  });
});

describe('report', () => {
  it('tells how to pass a breaking change', () => {
    const head = projectSpec();
    delete head.paths['/clients']!.get.responses['404'];

    const report = formatReport(diffSpecs(projectSpec(), head));

    expect(report).toContain(
      '  BREAKING      removed response status: GET /clients 404 [response-status-removed]',
    );
    expect(report).toContain('1 change(s), 1 breaking; info.version 0.1.0 -> 0.1.0.');
    expect(report).toContain('raise the major number of info.version');
  });

  it('notes an allowed breaking change', () => {
    const head = projectSpec();
    delete head.paths['/clients']!.get.responses['404'];
    head.info.version = '1.0.0';

    const report = formatReport(diffSpecs(projectSpec(), head));

    expect(report).toContain('The major version went up, so these breaking changes are allowed.');
  });

  it('says when nothing changed', () => {
    expect(formatReport(diffSpecs(projectSpec(), projectSpec()))).toBe(
      'No changes to the API description.',
    );
  });
});

describe('majorOf', () => {
  it('reads plain and prefixed versions', () => {
    expect(majorOf('1.2.3')).toBe(1);
    expect(majorOf('v2.0.0')).toBe(2);
    expect(majorOf('0.1.0')).toBe(0);
  });

  it('rejects versions without a number', () => {
    expect(majorOf('latest')).toBeUndefined();
    expect(majorOf(undefined)).toBeUndefined();
  });
});
