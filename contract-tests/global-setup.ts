/**
 * Vitest global setup: starts `prism mock openapi.yaml` on a free loopback
 * port before any test file runs and stops it after the last one, also when
 * tests fail. Tests read the URL with `inject('prismUrl')`.
 */
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startPrism } from './support/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prism = await startPrism({ mode: 'mock' });
  project.provide('prismUrl', prism.url);
  return () => prism.stop();
}
