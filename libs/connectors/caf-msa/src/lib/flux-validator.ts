import type { RecordIssue } from '@spie/ingestion/domain';

import { checkSimpleValue, type ElementModel } from './xsd-model';

interface Frame {
  model: ElementModel | null;
  /** The element's name with its rank among same-named siblings (`Personne[2]`); the path is built on error only. */
  step: string;
  parent: Frame | undefined;
  /** Index of the particle of the sequence being filled, and how many times it occurred. */
  index: number;
  count: number;
  text: string;
  /** Occurrences of each child name so far; created with the first child (most elements are leaves). */
  childCounts: Map<string, number> | null;
}

/**
 * Validates a stream of XML events against a compiled content model, one element at a time, in constant memory per
 * depth. Issues are collected per top-level record: `take()` returns and clears them.
 */
export class StreamingSchemaValidator {
  private readonly frames: Frame[] = [];
  private issues: RecordIssue[] = [];

  constructor(private readonly root: ElementModel) {}

  open(name: string): void {
    const parent = this.frames[this.frames.length - 1];
    let model: ElementModel | null = null;
    let step = name;
    if (!parent) {
      model = name === this.root.name ? this.root : null;
    } else {
      parent.childCounts ??= new Map();
      const nth = (parent.childCounts.get(name) ?? 0) + 1;
      parent.childCounts.set(name, nth);
      if (nth > 1) step = `${name}[${nth}]`;
      model = parent.model ? this.advance(parent, name, () => `${pathOf(parent)}/${step}`) : null;
    }
    this.frames.push({ model, step, parent, index: 0, count: 0, text: '', childCounts: null });
  }

  text(value: string): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame) frame.text += value;
  }

  close(): void {
    const frame = this.frames.pop();
    if (!frame?.model) return;
    const { model } = frame;
    if (model.sequence) {
      if (frame.text.trim() !== '') this.error(pathOf(frame), 'text is not allowed here');
      this.requireRest(frame, model.sequence.length, null);
    } else if (model.simple) {
      const reason = checkSimpleValue(model.simple, frame.text);
      if (reason) this.error(pathOf(frame), reason);
    }
  }

  /** The issues found since the last call. */
  take(): RecordIssue[] {
    const issues = this.issues;
    this.issues = [];
    return issues;
  }

  /** Moves the parent's position in its sequence to the particle named `name`, reporting what was skipped. */
  private advance(parent: Frame, name: string, pathOfChild: () => string): ElementModel | null {
    const sequence = parent.model?.sequence;
    if (!sequence) {
      this.error(pathOfChild(), `element not allowed inside ${parent.model?.name}: it has no child elements`);
      return null;
    }
    const current = sequence[parent.index];
    if (current?.name === name && parent.count < current.max) {
      parent.count += 1;
      return current.element;
    }
    const found = sequence.findIndex((particle, i) => i > parent.index && particle.name === name);
    const sameAgain = current?.name === name;
    if (found === -1 || sameAgain) {
      const earlier = sequence.findIndex((particle) => particle.name === name);
      this.error(
        pathOfChild(),
        sameAgain
          ? `${name} occurs more than ${current.max} time(s)`
          : earlier === -1
            ? `unexpected element ${name} in ${parent.model?.name}`
            : `${name} is out of order in ${parent.model?.name}`,
      );
      return earlier === -1 ? null : sequence[earlier].element;
    }
    this.requireRest(parent, found, name);
    parent.index = found;
    parent.count = 1;
    return sequence[found].element;
  }

  /** Reports the required particles between the parent's position and `until` that did not occur enough. */
  private requireRest(frame: Frame, until: number, before: string | null): void {
    const sequence = frame.model?.sequence ?? [];
    for (let i = frame.index; i < until; i++) {
      const occurred = i === frame.index ? frame.count : 0;
      if (occurred < sequence[i].min) {
        this.error(
          `${pathOf(frame)}/${sequence[i].name}`,
          sequence[i].min > 1 && occurred > 0
            ? `${sequence[i].name} must occur ${sequence[i].min} times, found ${occurred}`
            : `missing required element ${sequence[i].name}${before ? ` before ${before}` : ''}`,
        );
      }
    }
  }

  private error(field: string, message: string): void {
    if (this.issues.length < 50) {
      this.issues.push({
        code: 'SCHEMA_VIOLATION',
        message: `${field}: ${message}`,
        field,
        severity: 'error',
      });
    }
  }
}

function pathOf(frame: Frame): string {
  const steps: string[] = [];
  for (let current: Frame | undefined = frame; current; current = current.parent) steps.push(current.step);
  return steps.reverse().join('/');
}
