/**
 * The named rules of `npm run spec:diff`. Each change that the comparison
 * finds cites one rule, and the rule decides whether the change is breaking.
 *
 * This project enforces the spec on both sides of the wire: the provider
 * rejects requests that break it, and the client validates every response
 * against it. So a narrowed schema breaks callers in both directions, and a
 * widened response schema breaks consumers that handle only the old values.
 */

/** A rule of the comparison, with the text that names its changes. */
export interface SpecDiffRule {
  name: string;
  /** Short description of the change, as printed in front of its location. */
  title: string;
  breaking: boolean;
}

function rule(name: string, title: string, breaking: boolean): SpecDiffRule {
  return { name, title, breaking };
}

/** Every rule, keyed by name. */
export const rules = {
  operationRemoved: rule('operation-removed', 'removed operation', true),
  operationAdded: rule('operation-added', 'new operation', false),
  responseStatusRemoved: rule('response-status-removed', 'removed response status', true),
  responseStatusAdded: rule('response-status-added', 'new response status', false),
  responseMediaTypeRemoved: rule(
    'response-media-type-removed',
    'removed response media type',
    true,
  ),
  parameterRemoved: rule('parameter-removed', 'removed request parameter', true),
  parameterRenamed: rule('parameter-renamed', 'renamed request parameter', true),
  requiredParameterAdded: rule('required-parameter-added', 'new required parameter', true),
  optionalParameterAdded: rule('optional-parameter-added', 'new optional parameter', false),
  parameterBecameRequired: rule(
    'parameter-became-required',
    'request parameter became required',
    true,
  ),
  parameterBecameOptional: rule(
    'parameter-became-optional',
    'request parameter became optional',
    false,
  ),
  requestMediaTypeRemoved: rule('request-media-type-removed', 'removed request media type', true),
  requestBodyBecameRequired: rule(
    'request-body-became-required',
    'request body became required',
    true,
  ),
  responseFieldRemoved: rule('response-field-removed', 'removed response field', true),
  responseFieldRenamed: rule('response-field-renamed', 'renamed response field', true),
  responseFieldBecameOptional: rule(
    'response-field-became-optional',
    'response field became optional',
    true,
  ),
  responseFieldBecameRequired: rule(
    'response-field-became-required',
    'response field became required',
    false,
  ),
  responseFieldAdded: rule('response-field-added', 'new response field', false),
  requestFieldRemoved: rule('request-field-removed', 'removed request field', true),
  requestFieldRenamed: rule('request-field-renamed', 'renamed request field', true),
  requestFieldBecameRequired: rule(
    'request-field-became-required',
    'request field became required',
    true,
  ),
  requiredRequestFieldAdded: rule(
    'required-request-field-added',
    'new required request field',
    true,
  ),
  optionalRequestFieldAdded: rule(
    'optional-request-field-added',
    'new optional request field',
    false,
  ),
  requestFieldBecameOptional: rule(
    'request-field-became-optional',
    'request field became optional',
    false,
  ),
  typeNarrowed: rule('type-narrowed', 'narrowed type', true),
  nullableRemoved: rule('nullable-removed', 'null no longer allowed', true),
  responseTypeWidened: rule('response-type-widened', 'widened response type', true),
  requestTypeWidened: rule('request-type-widened', 'widened request type', false),
  minimumRaised: rule('minimum-raised', 'new or raised minimum', true),
  minimumLowered: rule('minimum-lowered', 'lowered or removed minimum', false),
  maximumAdded: rule('maximum-added', 'new maximum', true),
  maximumLowered: rule('maximum-lowered', 'lowered maximum', true),
  maximumRaised: rule('maximum-raised', 'raised or removed maximum', false),
  enumAdded: rule('enum-added', 'new enum restriction', true),
  enumValueRemoved: rule('enum-value-removed', 'removed enum value', true),
  responseEnumValueAdded: rule('response-enum-value-added', 'new enum value in a response', true),
  requestEnumValueAdded: rule('request-enum-value-added', 'new enum value in a request', false),
  requestEnumRemoved: rule('request-enum-removed', 'removed enum restriction in a request', false),
  responseEnumRemoved: rule(
    'response-enum-removed',
    'removed enum restriction in a response',
    true,
  ),
  patternChanged: rule('pattern-changed', 'new or changed pattern', true),
  patternRemoved: rule('pattern-removed', 'removed pattern', false),
  additionalPropertiesForbidden: rule(
    'additional-properties-forbidden',
    'additional properties no longer allowed',
    true,
  ),
  compositionChanged: rule(
    'composition-changed',
    'changed allOf/anyOf/oneOf (not compared in detail, review by hand)',
    true,
  ),
  documentationChanged: rule('documentation-changed', 'documentation change', false),
} as const;

/** One difference between the base and the head version of the spec. */
export interface SpecChange {
  rule: SpecDiffRule;
  /** Location of the change, for example `GET /clients 200 ClientList.total`. */
  location: string;
  /** Old and new value where they help, for example `integer -> string`. */
  detail?: string;
}
