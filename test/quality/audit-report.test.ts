import { describe, expect, it } from 'vitest';
import { decideAudit, summarizeAudit } from '../../scripts/lib/audit-report.js';

/** The shape of `npm audit --json` (report version 2) with the given vulnerabilities. */
function auditReport(vulnerabilities: Record<string, unknown>): unknown {
  return {
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: {}, dependencies: { prod: 3, dev: 0, total: 3 } },
  };
}

const highFinding = {
  name: 'example-parser',
  severity: 'high',
  isDirect: false,
  via: [
    {
      source: 1001,
      name: 'example-parser',
      dependency: 'example-parser',
      title: 'Prototype pollution in example-parser',
      severity: 'high',
      range: '<1.2.3',
    },
  ],
  effects: ['openapi-fetch'],
  range: '<1.2.3',
  fixAvailable: true,
};

const moderateFinding = { ...highFinding, name: 'example-logger', severity: 'moderate' };
const criticalDependent = {
  name: 'openapi-fetch',
  severity: 'critical',
  via: ['example-parser'],
};

/** What npm 11 prints with --json when the registry rejects the audit request. */
const endpointRejected = {
  message:
    '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  method: 'POST',
  statusCode: 405,
  body: '',
};

describe('summarizeAudit', () => {
  it('passes a clean report', () => {
    expect(summarizeAudit(auditReport({}))).toEqual({ kind: 'report', blocking: [], total: 0 });
  });

  it('ignores moderate findings', () => {
    const summary = summarizeAudit(auditReport({ 'example-logger': moderateFinding }));

    expect(summary).toEqual({ kind: 'report', blocking: [], total: 1 });
  });

  it('blocks high and critical findings', () => {
    const summary = summarizeAudit(
      auditReport({
        'example-parser': highFinding,
        'example-logger': moderateFinding,
        'openapi-fetch': criticalDependent,
      }),
    );

    expect(summary).toEqual({
      kind: 'report',
      total: 3,
      blocking: [
        {
          name: 'example-parser',
          severity: 'high',
          causes: ['Prototype pollution in example-parser'],
        },
        { name: 'openapi-fetch', severity: 'critical', causes: ['via example-parser'] },
      ],
    });
  });

  it('recognizes a rejected audit request', () => {
    expect(summarizeAudit(endpointRejected)).toEqual({
      kind: 'unavailable',
      reason: endpointRejected.message,
    });
  });

  it('rejects output that is not a report', () => {
    expect(summarizeAudit(undefined).kind).toBe('invalid');
    expect(summarizeAudit({ unexpected: true }).kind).toBe('invalid');
  });
});

describe('decideAudit', () => {
  it('fails on a high finding', () => {
    const outcome = decideAudit(
      summarizeAudit(auditReport({ 'example-parser': highFinding })),
      false,
    );

    expect(outcome.exitCode).toBe(1);
    expect(outcome.message).toContain(
      'high  example-parser: Prototype pollution in example-parser',
    );
  });

  it('passes a clean report', () => {
    expect(decideAudit(summarizeAudit(auditReport({})), true).exitCode).toBe(0);
  });

  it('skips loudly when unavailable', () => {
    const outcome = decideAudit(summarizeAudit(endpointRejected), false);

    expect(outcome.exitCode).toBe(0);
    expect(outcome.message).toContain('SKIPPED');
    expect(outcome.message).toContain('405 Method Not Allowed');
  });

  it('fails when the audit is required', () => {
    expect(decideAudit(summarizeAudit(endpointRejected), true).exitCode).toBe(1);
  });

  it('fails on invalid output', () => {
    expect(decideAudit(summarizeAudit(undefined), false).exitCode).toBe(1);
  });
});
