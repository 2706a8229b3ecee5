/**
 * Reads the JSON report of `npm audit --json` (npm 7 and later) and decides
 * whether it blocks a release: any high or critical advisory does.
 */

/** Severities that fail the audit gate. */
export const blockingSeverities = ['high', 'critical'] as const;

/** One vulnerable package as `npm audit` lists it. */
export interface AuditFinding {
  name: string;
  severity: string;
  /** Advisory titles, or the names of the vulnerable packages it depends on. */
  causes: string[];
}

/** Findings of one `npm audit --json` run. */
export type AuditSummary =
  | { kind: 'report'; blocking: AuditFinding[]; total: number }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'invalid'; reason: string };

interface AuditVulnerability {
  name?: unknown;
  severity?: unknown;
  via?: unknown;
}

function describeCauses(via: unknown): string[] {
  if (!Array.isArray(via)) return [];
  return via.map((cause: unknown) => {
    if (typeof cause === 'string') return `via ${cause}`;
    const title = (cause as { title?: unknown }).title;
    return typeof title === 'string' ? title : 'advisory without a title';
  });
}

function readFindings(vulnerabilities: Record<string, AuditVulnerability>): AuditFinding[] {
  return Object.entries(vulnerabilities).map(([key, vulnerability]) => ({
    name: typeof vulnerability.name === 'string' ? vulnerability.name : key,
    severity: typeof vulnerability.severity === 'string' ? vulnerability.severity : 'unknown',
    causes: describeCauses(vulnerability.via),
  }));
}

/** Classifies the parsed output of `npm audit --json`. */
export function summarizeAudit(report: unknown): AuditSummary {
  if (typeof report !== 'object' || report === null)
    return { kind: 'invalid', reason: 'npm audit printed no JSON object' };

  const { vulnerabilities, statusCode, message } = report as {
    vulnerabilities?: unknown;
    statusCode?: unknown;
    message?: unknown;
  };
  if (typeof vulnerabilities === 'object' && vulnerabilities !== null) {
    const findings = readFindings(vulnerabilities as Record<string, AuditVulnerability>);
    const blocking = findings.filter((finding) =>
      (blockingSeverities as readonly string[]).includes(finding.severity),
    );
    return { kind: 'report', blocking, total: findings.length };
  }
  if (typeof message === 'string' || typeof statusCode === 'number')
    return {
      kind: 'unavailable',
      reason: typeof message === 'string' ? message : `status ${String(statusCode)}`,
    };
  return { kind: 'invalid', reason: 'the JSON has neither vulnerabilities nor an error message' };
}

/** The command whose outcome the gate reports. */
export const auditCommand = 'npm audit --omit=dev --audit-level=high';

/** The gate's verdict: the exit code and the message to print. */
export interface AuditOutcome {
  exitCode: 0 | 1;
  message: string;
}

/**
 * Decides the gate's verdict. An unavailable advisory endpoint is reported
 * as SKIPPED and passes unless `requireAudit` is set.
 */
export function decideAudit(summary: AuditSummary, requireAudit: boolean): AuditOutcome {
  switch (summary.kind) {
    case 'report': {
      if (summary.blocking.length === 0)
        return {
          exitCode: 0,
          message: `${auditCommand}: no high or critical advisories (${summary.total} lower).`,
        };
      const lines = summary.blocking.map(
        (finding) => `  ${finding.severity}  ${finding.name}: ${finding.causes.join('; ')}`,
      );
      return {
        exitCode: 1,
        message: [
          `${auditCommand}: ${summary.blocking.length} high or critical finding(s):`,
          ...lines,
          'Update or replace these runtime dependencies, then run `npm run check` again.',
        ].join('\n'),
      };
    }
    case 'unavailable':
      return {
        exitCode: requireAudit ? 1 : 0,
        message:
          `${auditCommand} SKIPPED: the registry's advisory endpoint is unavailable ` +
          `(${summary.reason}), so no audit was performed. Run it where the registry ` +
          'accepts audit requests. Set FATORA_REQUIRE_AUDIT=1 to make this a failure.',
      };
    case 'invalid':
      return {
        exitCode: 1,
        message: `${auditCommand} failed: ${summary.reason}. Run it by hand to see why.`,
      };
  }
}
