import { defaultFieldResolver, getNamedType, isAbstractType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { visibilityOf } from '../../auth/visibility';
import { PLANNED, RECORD } from './planner';
import { readInterfaceOf, readModelOf, readModels, type ReadModel } from './read-model';

type Source = Record<string, unknown> | null | undefined;

/** The record of a planned object, for its type's hand-written resolvers (built once per object). */
function recordOf(model: ReadModel, source: Record<string, unknown>): object {
  const cached = source.$record as object | undefined;
  if (cached) return cached;
  const record = model.record.toRecord(source[RECORD] as never);
  source.$record = record;
  return record;
}

/**
 * Makes every object type's fields read planned objects (see planner.ts) by response key — a
 * property read, nothing per promise — and hands unplanned fields of a read model's type the
 * record they were written for. Objects not built by the planner (mutation payloads, records from
 * loaders) go to the field's own resolver as before.
 */
export function installPlannedResolvers(schema: GraphQLSchema): void {
  assertReadModels(schema);
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type)) continue;
    const model = readModelOf(type.name);
    for (const field of Object.values(type.getFields())) {
      const own: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const plan = model?.fields[field.name];
      if (plan?.kind === 'computed') {
        field.resolve = (source: Source, args, context, info) =>
          source && source[PLANNED] === 1 ? plan.compute(source[info.path.key as string] as never, args) : own(source, args, context, info);
      } else if (model && !plan) {
        field.resolve = (source: Source, args, context, info) =>
          source && source[PLANNED] === 1 ? own(recordOf(model, source), args, context, info) : own(source, args, context, info);
      } else {
        field.resolve = (source: Source, args, context, info) => (source && source[PLANNED] === 1 ? source[info.path.key as string] : own(source, args, context, info));
      }
    }
  }
}

/**
 * Checked at start-up: every read model names an object type and fields it has, its relations lead
 * to types the planner can read, and no personal-data field is read natively (masking stays with
 * the record's resolver, which knows the caller and the record's region).
 */
function assertReadModels(schema: GraphQLSchema): void {
  for (const model of readModels()) {
    const type = schema.getType(model.type);
    if (!type || !isObjectType(type)) throw new Error(`Read model ${model.type}: no such object type`);
    const fields = type.getFields();
    for (const [name, plan] of Object.entries(model.fields)) {
      const field = fields[name];
      if (!field) throw new Error(`Read model ${model.type}.${name}: no such field`);
      if (visibilityOf(field)?.kind === 'PERSONAL') throw new Error(`Read model ${model.type}.${name}: personal data is read through its resolver`);
      if (plan.kind === 'value' || plan.kind === 'computed') continue;
      if (plan.kind === 'oneOf') {
        if (!isAbstractType(getNamedType(field.type))) throw new Error(`Read model ${model.type}.${name}: a oneOf reference needs an abstract field type`);
        for (const { type: target } of Object.values(plan.targets)) {
          if (!readModelOf(target) && !readInterfaceOf(target)) throw new Error(`Read model ${model.type}.${name}: ${target} has no read model`);
        }
        continue;
      }
      const target = plan.type;
      const targetType = schema.getType(target);
      if (!targetType) throw new Error(`Read model ${model.type}.${name}: no type ${target}`);
      if (isAbstractType(targetType)) {
        if (!readInterfaceOf(target)) throw new Error(`Read model ${model.type}.${name}: interface ${target} has no read model`);
        for (const concrete of schema.getPossibleTypes(targetType)) {
          if (!readModelOf(concrete.name)) throw new Error(`Read model ${model.type}.${name}: ${concrete.name} has no read model`);
        }
      } else if (!readModelOf(target)) {
        throw new Error(`Read model ${model.type}.${name}: ${target} has no read model`);
      }
      const named = getNamedType(field.type);
      if (plan.kind === 'connection' ? !named.name.endsWith('Connection') : named.name !== target) {
        throw new Error(`Read model ${model.type}.${name}: the field's type ${named.name} does not fit a ${plan.kind} of ${target}`);
      }
    }
  }
}
