import { IdSchema, lt, type Fact, type Pack } from '../../../domain/index.ts';
import { literalList } from './dmnCells.ts';
import {
  baseTypeName,
  type DmnIssue,
  type DmnMapping,
  type FactType,
  type IdAllocator,
} from './dmnNames.ts';
import type { DmnDefinitions, DmnItemDefinition } from './readDmn.ts';

const BASE_TYPES: Record<string, FactType> = {
  number: 'number',
  string: 'string',
  boolean: 'boolean',
  date: 'date',
};

/** The item definitions of a model by name, and the base type a type reference comes to. */
export function itemTypes(definitions: DmnDefinitions) {
  const items = new Map((definitions.itemDefinition ?? []).map((d) => [d.name ?? '', d]));
  const resolve = (
    typeRef: string | undefined,
    seen = new Set<string>(),
  ): DmnItemDefinition | FactType | undefined => {
    const name = baseTypeName(typeRef);
    if (Object.hasOwn(BASE_TYPES, name)) return BASE_TYPES[name];
    const item = items.get(typeRef ?? '') ?? items.get(name);
    if (!item || seen.has(name)) return undefined;
    seen.add(name);
    if (item.itemComponent?.length || item.isCollection || item.allowedValues) return item;
    return resolve(item.typeRef, seen);
  };
  /** The plain type a value of `typeRef` has, when it is one (components and lists are not). */
  const plain = (typeRef: string | undefined): FactType | undefined => {
    const t = resolve(typeRef);
    if (typeof t === 'string') return t;
    if (t && !t.itemComponent?.length && !t.isCollection) return plain(t.typeRef);
    return undefined;
  };
  return { resolve, plain, items };
}

type Context = {
  alloc: IdAllocator;
  issues: DmnIssue[];
  mapping: DmnMapping;
  /** FEEL name -> value reference, for expressions and table inputs. */
  names: Map<string, string>;
  existing: Pack['vocabulary']['facts'];
};

function fact(id: string, name: string, type: FactType, extra: Partial<Fact> = {}): Fact {
  return { id, label: lt(name, name), type, required: false, ...extra } as Fact;
}

/**
 * The facts of the model's input data: a plain type is one fact, a structured item definition one
 * fact per component (`loan.rate` reads fact `loan-rate`), a string with allowed values an enum.
 * An existing fact of the same id or English label is reused (importing into a pack).
 */
export function importInputs(definitions: DmnDefinitions, ctx: Context): Fact[] {
  const types = itemTypes(definitions);
  const facts: Fact[] = [];
  const reuse = (name: string) =>
    ctx.existing.find((f) => f.label.en === name || f.id === name.replace(/\s+/g, '_'));
  for (const el of definitions.drgElement ?? []) {
    if (el.$type !== 'dmn:InputData') continue;
    const name = el.name ?? el.id ?? '';
    const typeRef = el.variable?.typeRef;
    const issue = (en: string, zh: string, severity: DmnIssue['severity'] = 'error') =>
      ctx.issues.push({
        elementId: el.id ?? name,
        text: `${name}: ${typeRef ?? ''}`,
        message: lt(zh, en),
        severity,
      });
    const found = reuse(name);
    if (found) {
      ctx.names.set(name, found.id);
      ctx.mapping.inputs.set(name, { fact: found.id });
      continue;
    }
    const t = types.resolve(typeRef);
    if (t && typeof t !== 'string' && t.itemComponent?.length) {
      const components = new Map<string, string>();
      for (const c of t.itemComponent) {
        const cName = c.name ?? '';
        const cType = types.plain(c.typeRef);
        if (!cType) {
          issue(
            `component "${cName}" has a type the pack cannot hold (nested or a list)`,
            `组成部分“${cName}”的类型无法表示（嵌套或列表）`,
          );
          continue;
        }
        const id = ctx.alloc.take(`${name}-${cName}`);
        facts.push(fact(id, `${name}.${cName}`, cType));
        components.set(cName, id);
        ctx.names.set(`${name}.${cName}`, id);
      }
      ctx.mapping.inputs.set(name, { components });
      continue;
    }
    if (t && typeof t !== 'string' && t.isCollection) {
      issue('a list input is not supported', '不支持列表类型的输入');
      continue;
    }
    const type = types.plain(typeRef);
    if (!type) {
      issue(
        'the input has no type the pack knows; imported as a string',
        '输入的类型无法识别，按字符串导入',
        'warning',
      );
    }
    const id = ctx.alloc.take(name);
    const allowed = t && typeof t !== 'string' ? t.allowedValues?.text : undefined;
    let made = fact(id, name, type ?? 'string');
    if (allowed !== undefined) {
      const values = literalList(allowed);
      const ids =
        values.ok &&
        values.value.every((v) => typeof v === 'string' && IdSchema.safeParse(v).success);
      if (type === 'string' && values.ok && ids)
        made = fact(id, name, 'enum', {
          values: (values.value as string[]).map((v) => ({ id: v, label: lt(v, v) })),
        } as Partial<Fact>);
      else
        ctx.issues.push({
          elementId: t && typeof t !== 'string' ? (t.id ?? t.name ?? name) : name,
          text: allowed,
          message: lt(
            '允许值未导入（只有标识符形式的字符串列表可成为枚举）',
            'allowed values are not imported (only a list of identifier-like strings becomes an enum)',
          ),
          severity: 'warning',
        });
    }
    facts.push(made);
    ctx.names.set(name, id);
    ctx.mapping.inputs.set(name, { fact: id });
  }
  return facts;
}
