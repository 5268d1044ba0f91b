import { readFileSync } from 'node:fs';

import { SaxesParser } from 'saxes';

/**
 * The subset of XML Schema that the CNAF schemas use (`vrsb0801.xsd`): global and local elements, complex types made
 * of one `sequence` of elements with min/max occurrences, and simple types restricting `string` (maxLength),
 * `integer` and `decimal` (totalDigits, fractionDigits), `date`, `time` and `boolean`. Compiled once into a content
 * model that the streaming validator walks; anything outside that subset is refused at load time, so a new schema
 * version that needs more is noticed rather than half-checked.
 */
export interface SimpleTypeModel {
  base: 'string' | 'integer' | 'decimal' | 'date' | 'time' | 'boolean';
  maxLength?: number;
  totalDigits?: number;
  fractionDigits?: number;
}

export interface ParticleModel {
  name: string;
  min: number;
  max: number;
  element: ElementModel;
}

export interface ElementModel {
  name: string;
  /** Complex content: the sequence of children. */
  sequence?: ParticleModel[];
  /** Simple content. */
  simple?: SimpleTypeModel;
}

interface RawElement {
  name?: string;
  ref?: string;
  type?: string;
  min: number;
  max: number;
  sequence?: RawElement[];
  simple?: SimpleTypeModel;
}

const XSD = 'http://www.w3.org/2001/XMLSchema';
const BUILTIN: Record<string, SimpleTypeModel['base']> = {
  string: 'string',
  integer: 'integer',
  decimal: 'decimal',
  date: 'date',
  time: 'time',
  boolean: 'boolean',
};

export function loadXsdModel(path: string, rootName: string): ElementModel {
  return compileXsd(readFileSync(path, 'utf8'), rootName);
}

export function compileXsd(text: string, rootName: string): ElementModel {
  const parser = new SaxesParser({ xmlns: true });
  const globals = new Map<string, RawElement>();
  const elementStack: RawElement[] = [];
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    if (tag.uri !== XSD) return;
    const attr = (name: string): string | undefined => tag.attributes[name]?.value;
    const current = elementStack[elementStack.length - 1];
    switch (tag.local) {
      case 'element': {
        const max = attr('maxOccurs');
        const element: RawElement = {
          name: attr('name'),
          ref: attr('ref'),
          type: attr('type'),
          min: Number(attr('minOccurs') ?? 1),
          max: max === 'unbounded' ? Number.POSITIVE_INFINITY : Number(max ?? 1),
        };
        if (element.type) element.simple = { base: builtin(element.type) };
        if (!current) {
          if (!element.name) throw new Error('A global element needs a name');
          globals.set(element.name, element);
        } else {
          if (!current.sequence) throw new Error(`Element inside ${current.name} outside a sequence`);
          current.sequence.push(element);
        }
        elementStack.push(element);
        break;
      }
      case 'sequence':
        if (!current || current.sequence) throw new Error('Only one sequence per complex type is supported');
        current.sequence = [];
        break;
      case 'restriction':
        if (!current) throw new Error('restriction outside an element');
        current.simple = { base: builtin(attr('base') ?? '') };
        break;
      case 'maxLength':
      case 'totalDigits':
      case 'fractionDigits':
        if (!current?.simple) throw new Error(`${tag.local} outside a restriction`);
        current.simple[tag.local] = Number(attr('value'));
        break;
      case 'schema':
      case 'annotation':
      case 'documentation':
      case 'complexType':
      case 'simpleType':
        break;
      default:
        throw new Error(`XML Schema construct xsd:${tag.local} is not supported by the flux validator`);
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.uri === XSD && tag.local === 'element') elementStack.pop();
  });
  parser.write(text).close();
  if (error) throw error;

  const compiled = new Map<RawElement, ElementModel>();
  const compile = (raw: RawElement): ElementModel => {
    const target = raw.ref ? globals.get(raw.ref) : raw;
    if (!target) throw new Error(`Unknown element reference ${raw.ref}`);
    const existing = compiled.get(target);
    if (existing) return existing;
    const model: ElementModel = { name: target.name ?? '' };
    compiled.set(target, model);
    if (target.sequence) {
      model.sequence = target.sequence.map((child) => {
        const element = compile(child);
        return { name: element.name, min: child.min, max: child.max, element };
      });
    } else {
      model.simple = target.simple ?? { base: 'string' };
    }
    return model;
  };
  const root = globals.get(rootName);
  if (!root) throw new Error(`The schema has no element ${rootName}`);
  return compile(root);
}

function builtin(qname: string): SimpleTypeModel['base'] {
  const local = qname.replace(/^xsd?:/, '');
  const base = BUILTIN[local];
  if (!base) throw new Error(`XML Schema type ${qname} is not supported by the flux validator`);
  return base;
}

/** Checks a simple value against its type; returns the reason when it does not fit. */
export function checkSimpleValue(type: SimpleTypeModel, raw: string): string | null {
  const value = type.base === 'string' ? raw : raw.trim();
  switch (type.base) {
    case 'string':
      if (type.maxLength !== undefined && [...value].length > type.maxLength) {
        return `longer than ${type.maxLength} characters`;
      }
      return null;
    case 'integer':
      if (!/^[+-]?\d+$/.test(value)) return 'not an integer';
      return digits(value, type);
    case 'decimal':
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return 'not a decimal number';
      return digits(value, type);
    case 'date': {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match) return 'not a date (YYYY-MM-DD)';
      const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
      if (date.getUTCMonth() !== +match[2] - 1 || date.getUTCDate() !== +match[3])
        return 'not a calendar date';
      return null;
    }
    case 'time':
      return /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?$/.test(value) ? null : 'not a time (hh:mm:ss)';
    case 'boolean':
      return /^(true|false|0|1)$/.test(value) ? null : 'not a boolean (0, 1, true, false)';
  }
}

function digits(value: string, type: SimpleTypeModel): string | null {
  const [whole, fraction = ''] = value.replace(/^[+-]/, '').split('.');
  const significant = (whole.replace(/^0+/, '') + fraction.replace(/0+$/, '')).length;
  if (type.totalDigits !== undefined && significant > type.totalDigits) {
    return `more than ${type.totalDigits} digits`;
  }
  if (type.fractionDigits !== undefined && fraction.replace(/0+$/, '').length > type.fractionDigits) {
    return `more than ${type.fractionDigits} decimals`;
  }
  return null;
}
