import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../scripts/lib/spec-diff/diff-specs.js';
import { rules } from '../../scripts/lib/spec-diff/rules.js';
import { loadFixture } from './fixtures.js';

/** A fixture pair and every change the comparison must find, as [rule, location, detail?]. */
interface RuleCase {
  base: string;
  head: string;
  expected: Array<[string, string] | [string, string, string]>;
}

const breakingCases: RuleCase[] = [
  {
    base: 'base',
    head: 'response-field-removed',
    expected: [['response-field-removed', 'GET /clients 200 ClientList.total']],
  },
  {
    base: 'base',
    head: 'response-field-renamed',
    expected: [['response-field-renamed', 'GET /clients 200 ClientList.total', 'total -> count']],
  },
  {
    base: 'base',
    head: 'parameter-removed',
    expected: [['parameter-removed', 'GET /clients query parameter email']],
  },
  {
    base: 'base',
    head: 'parameter-renamed',
    expected: [
      ['parameter-renamed', 'GET /clients query parameter page_size', 'page_size -> per_page'],
    ],
  },
  {
    base: 'base',
    head: 'type-narrowed',
    expected: [['type-narrowed', 'GET /clients query parameter keyword', 'string -> integer']],
  },
  {
    base: 'base',
    head: 'type-list-shrunk',
    expected: [
      [
        'type-narrowed',
        'GET /clients 200 ClientList.clients[].external_ref',
        'integer | string -> integer',
      ],
      ['type-narrowed', 'POST /clients 201 Client.external_ref', 'integer | string -> integer'],
    ],
  },
  {
    base: 'base',
    head: 'nullable-removed',
    expected: [
      [
        'nullable-removed',
        'GET /clients 200 ClientList.clients[].notes',
        'null | string -> string',
      ],
      ['nullable-removed', 'POST /clients 201 Client.notes', 'null | string -> string'],
    ],
  },
  {
    base: 'base',
    head: 'minimum-raised',
    expected: [['minimum-raised', 'GET /clients query parameter page', 'minimum 1 -> 2']],
  },
  {
    base: 'base',
    head: 'maximum-added',
    expected: [['maximum-added', 'GET /clients query parameter page', 'maximum none -> 1000']],
  },
  {
    base: 'base',
    head: 'maximum-lowered',
    expected: [['maximum-lowered', 'GET /clients query parameter page_size', 'maximum 100 -> 50']],
  },
  {
    base: 'base',
    head: 'required-parameter-added',
    expected: [['required-parameter-added', 'GET /clients query parameter merchant_id']],
  },
  {
    base: 'base',
    head: 'parameter-became-required',
    expected: [['parameter-became-required', 'GET /clients query parameter keyword']],
  },
  {
    base: 'base',
    head: 'enum-added',
    expected: [['enum-added', 'GET /clients 200 ClientList.status', 'values ["SUCCESS"]']],
  },
  {
    base: 'base',
    head: 'request-enum-added',
    expected: [['enum-added', 'GET /clients query parameter keyword', 'values ["example"]']],
  },
  {
    base: 'base',
    head: 'enum-value-removed',
    expected: [
      ['enum-value-removed', 'GET /clients 200 ClientList.clients[].state', '"archived"'],
      ['enum-value-removed', 'POST /clients 201 Client.state', '"archived"'],
    ],
  },
  {
    base: 'base',
    head: 'response-enum-value-added',
    expected: [
      ['response-enum-value-added', 'GET /clients 200 ClientList.clients[].state', '"deleted"'],
      ['response-enum-value-added', 'POST /clients 201 Client.state', '"deleted"'],
    ],
  },
  {
    base: 'enum-added',
    head: 'base',
    expected: [['response-enum-removed', 'GET /clients 200 ClientList.status', 'was ["SUCCESS"]']],
  },
  {
    base: 'base',
    head: 'response-status-removed',
    expected: [['response-status-removed', 'GET /clients 404']],
  },
  {
    base: 'base',
    head: 'response-media-type-removed',
    expected: [['response-media-type-removed', 'GET /clients 404', 'application/json']],
  },
  {
    base: 'base',
    head: 'operation-removed',
    expected: [['operation-removed', 'POST /clients']],
  },
  {
    base: 'base',
    head: 'request-body-became-required',
    expected: [['request-body-became-required', 'POST /clients request body']],
  },
  {
    base: 'base',
    head: 'request-media-type-removed',
    expected: [['request-media-type-removed', 'POST /clients request body', 'application/json']],
  },
  {
    base: 'base',
    head: 'request-field-became-required',
    expected: [['request-field-became-required', 'POST /clients request body NewClient.email']],
  },
  {
    base: 'base',
    head: 'required-request-field-added',
    expected: [['required-request-field-added', 'POST /clients request body NewClient.phone']],
  },
  {
    base: 'base',
    head: 'request-field-removed',
    expected: [['request-field-removed', 'POST /clients request body NewClient.notes']],
  },
  {
    base: 'base',
    head: 'request-field-renamed',
    expected: [
      ['request-field-renamed', 'POST /clients request body NewClient.email', 'email -> mail'],
    ],
  },
  {
    base: 'base',
    head: 'response-field-became-optional',
    expected: [['response-field-became-optional', 'GET /clients 200 ClientList.total']],
  },
  {
    base: 'base',
    head: 'response-type-widened',
    expected: [
      ['response-type-widened', 'GET /clients 200 ClientList.total', 'integer -> integer | null'],
    ],
  },
  {
    base: 'base',
    head: 'additional-properties-forbidden',
    expected: [['additional-properties-forbidden', 'GET /clients 404 Error']],
  },
  {
    base: 'base',
    head: 'pattern-changed',
    expected: [['pattern-changed', 'POST /clients request body NewClient.email', 'none -> @']],
  },
  {
    base: 'base',
    head: 'composition-changed',
    expected: [['composition-changed', 'POST /clients request body NewClient.notes']],
  },
];

const nonBreakingCases: RuleCase[] = [
  {
    base: 'base',
    head: 'response-field-added',
    expected: [['response-field-added', 'GET /clients 200 ClientList.page']],
  },
  {
    base: 'base',
    head: 'response-status-added',
    expected: [['response-status-added', 'GET /clients 429']],
  },
  {
    base: 'base',
    head: 'optional-parameter-added',
    expected: [['optional-parameter-added', 'GET /clients query parameter sort']],
  },
  {
    base: 'base',
    head: 'optional-request-field-added',
    expected: [['optional-request-field-added', 'POST /clients request body NewClient.phone']],
  },
  {
    base: 'base',
    head: 'operation-added',
    expected: [['operation-added', 'DELETE /clients/{id}']],
  },
  {
    base: 'base',
    head: 'documentation-changed',
    expected: [
      ['documentation-changed', 'paths["/clients"].get.summary'],
      ['documentation-changed', 'paths["/clients"].get.parameters[0].description'],
      ['documentation-changed', 'components.schemas.Client.description'],
    ],
  },
  {
    base: 'base',
    head: 'request-type-widened',
    expected: [
      [
        'request-type-widened',
        'POST /clients request body NewClient.notes',
        'string -> null | string',
      ],
    ],
  },
  {
    base: 'base',
    head: 'bounds-relaxed',
    expected: [
      ['minimum-lowered', 'GET /clients query parameter page_size', 'minimum 1 -> 0'],
      ['maximum-raised', 'GET /clients query parameter page_size', 'maximum 100 -> 500'],
    ],
  },
  {
    base: 'parameter-became-required',
    head: 'base',
    expected: [['parameter-became-optional', 'GET /clients query parameter keyword']],
  },
  {
    base: 'response-field-became-optional',
    head: 'base',
    expected: [['response-field-became-required', 'GET /clients 200 ClientList.total']],
  },
  {
    base: 'request-field-became-required',
    head: 'base',
    expected: [['request-field-became-optional', 'POST /clients request body NewClient.email']],
  },
  {
    base: 'request-enum-added',
    head: 'base',
    expected: [['request-enum-removed', 'GET /clients query parameter keyword', 'was ["example"]']],
  },
  {
    base: 'request-enum-added',
    head: 'request-enum-value-added',
    expected: [['request-enum-value-added', 'GET /clients query parameter keyword', '"sample"']],
  },
  {
    base: 'pattern-changed',
    head: 'base',
    expected: [['pattern-removed', 'POST /clients request body NewClient.email', '@ -> none']],
  },
];

function listChanges(testCase: RuleCase): string[][] {
  const result = diffSpecs(loadFixture(testCase.base), loadFixture(testCase.head));
  return result.changes.map((change) =>
    change.detail === undefined
      ? [change.rule.name, change.location]
      : [change.rule.name, change.location, change.detail],
  );
}

function caseName(testCase: RuleCase): string {
  return `${testCase.base} -> ${testCase.head}`;
}

describe('breaking rules', () => {
  for (const testCase of breakingCases) {
    it(caseName(testCase), () => {
      const result = diffSpecs(loadFixture(testCase.base), loadFixture(testCase.head));

      expect(listChanges(testCase)).toEqual(testCase.expected);
      expect(result.breaking).toHaveLength(testCase.expected.length);
      expect(result.exitCode).toBe(1);
    });
  }
});

describe('non-breaking rules', () => {
  for (const testCase of nonBreakingCases) {
    it(caseName(testCase), () => {
      const result = diffSpecs(loadFixture(testCase.base), loadFixture(testCase.head));

      expect(listChanges(testCase)).toEqual(testCase.expected);
      expect(result.breaking).toEqual([]);
      expect(result.exitCode).toBe(0);
    });
  }
});

describe('rule coverage', () => {
  it('every rule has a fixture case', () => {
    const covered = new Set(
      [...breakingCases, ...nonBreakingCases].flatMap((testCase) =>
        testCase.expected.map(([name]) => name),
      ),
    );
    const uncovered = Object.values(rules)
      .map((rule) => rule.name)
      .filter((name) => !covered.has(name));

    expect(uncovered).toEqual([]);
  });

  it('breaking flags match the case tables', () => {
    const byName = new Map(Object.values(rules).map((rule) => [rule.name, rule]));
    for (const testCase of breakingCases)
      for (const [name] of testCase.expected) expect(byName.get(name)?.breaking, name).toBe(true);
    for (const testCase of nonBreakingCases)
      for (const [name] of testCase.expected) expect(byName.get(name)?.breaking, name).toBe(false);
  });
});

describe('version rule', () => {
  it('major version allows breaking changes', () => {
    const result = diffSpecs(loadFixture('base'), loadFixture('major-version-raised'));

    expect(result.breaking.map((change) => change.rule.name)).toEqual(['response-field-removed']);
    expect(result.majorVersionRaised).toBe(true);
    expect(result.exitCode).toBe(0);
  });

  it('minor version keeps the gate closed', () => {
    const result = diffSpecs(
      loadFixture('base'),
      loadFixture('minor-version-with-breaking-change'),
    );

    expect(result.breaking).toHaveLength(1);
    expect(result.majorVersionRaised).toBe(false);
    expect(result.exitCode).toBe(1);
  });

  it('identical specs have no changes', () => {
    const result = diffSpecs(loadFixture('base'), loadFixture('base'));

    expect(result.changes).toEqual([]);
    expect(result.exitCode).toBe(0);
  });
});
