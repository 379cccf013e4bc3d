import type { Fact, LocalizedText } from '../../../domain/index.ts';

/** What the pack format cannot express, with the DMN element it is in and its text. */
export type DmnIssue = {
  elementId: string;
  text: string;
  message: LocalizedText;
  /** `error`: the element (or a row of it) was left out; `warning`: imported, but it differs. */
  severity: 'error' | 'warning';
};

/**
 * Where each DMN name landed in the pack: an input data is one fact, or one fact per component of
 * a structured item definition; a decision is one output of the output node, or one per column of
 * a table with several output columns (`Approval.Status` is output `Approval-Status`).
 */
export type DmnMapping = {
  inputs: Map<string, { fact: string } | { components: Map<string, string> }>;
  decisions: Map<string, { output: string } | { components: Map<string, string> }>;
};

export type FactType = Fact['type'];

/** Ids the scope already uses, or the import made. */
export class IdAllocator {
  private readonly used: Set<string>;
  constructor(taken: Iterable<string>) {
    this.used = new Set(taken);
  }

  /** An id from a DMN name: letters, digits, `_`, `-`; made unique with a number. */
  take(name: string): string {
    const base =
      name
        .trim()
        .replace(/[^A-Za-z0-9_-]+/g, '_')
        .replace(/^[^A-Za-z0-9]+/, '')
        .replace(/_+$/, '') || 'x';
    let id = base;
    for (
      let n = 2;
      this.used.has(id) || ['__proto__', 'constructor', 'prototype'].includes(id);
      n++
    )
      id = `${base}_${n}`;
    this.used.add(id);
    return id;
  }
}

/** `feel:number`, `FEEL:string`, `number` -> `number`. */
export const baseTypeName = (typeRef: string | undefined) =>
  (typeRef ?? '').replace(/^[A-Za-z]+:/, '').trim();
