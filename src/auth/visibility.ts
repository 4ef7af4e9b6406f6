import { Extensions } from 'type-graphql';
import {
  GraphQLError,
  type GraphQLResolveInfo,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { hasRole, type Principal } from './principal';
import { Role } from './roles';
import { translate } from '../i18n/messages';
import type { Locale } from '../i18n/locale';

/**
 * Who may read what, declared with each object type and each field (Hasura's per-role column
 * permissions, in type-graphql decorators), denied by default: the schema is refused at start-up
 * when a type or a field has no declaration (see assertEveryFieldDeclared), and every operation's
 * whole selection is checked against them once, before it runs (see checkSelectionVisibility).
 *
 * - PUBLIC: anyone, anonymous callers included (public station facts).
 * - SIGNED_IN: any caller with credentials (analysts, partners, operators, administrators).
 * - ROLES: callers holding one of the roles (administrators always).
 * - PERSONAL: personal data (PIPL): reachable wherever its record is, its VALUE whole, masked or
 *   null by the masking rule of the caller and the record's region (auth/permissions.ts).
 * A field leading to a record also needs the target type's own declaration to allow the caller:
 * a new relation to a private type is private without anyone remembering to say so.
 */
export type Visibility = { kind: 'PUBLIC' } | { kind: 'SIGNED_IN' } | { kind: 'ROLES'; roles: Role[] } | { kind: 'PERSONAL'; data: 'NAME' | 'PHONE' | 'ID_NUMBER' };

/** The extension key the declarations are stored under (type and field extensions). */
export const VISIBILITY_EXTENSION = 'visibility';

type Decorator = ClassDecorator & MethodDecorator & PropertyDecorator;

/**
 * Declarations made on classes (object and interface types). Kept here rather than in type-graphql's
 * class extensions, which let a base class's (Node's) override its subclasses' own.
 */
const typeDeclarations = new Map<object, Visibility>();

function declare(visibility: Visibility): Decorator {
  const onField = Extensions({ [VISIBILITY_EXTENSION]: visibility }) as MethodDecorator & PropertyDecorator;
  return ((target: object, propertyKey?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (propertyKey === undefined) typeDeclarations.set(target, visibility);
    else onField(target, propertyKey, descriptor!);
  }) as Decorator;
}

/** Copies the declarations made on classes onto the built schema's types (see graphql/schema.ts). */
export function applyTypeDeclarations(schema: GraphQLSchema, classes: readonly { target: object; name: string }[]): void {
  for (const { target, name } of classes) {
    const visibility = typeDeclarations.get(target);
    const type = schema.getType(name);
    if (!visibility || !type) continue;
    (type as { extensions: Record<string, unknown> }).extensions = { ...type.extensions, [VISIBILITY_EXTENSION]: visibility };
  }
}

/** Anyone may read it, anonymous callers included. */
export const Public = (): Decorator => declare({ kind: 'PUBLIC' });
/** Any caller with credentials may read it. */
export const SignedIn = (): Decorator => declare({ kind: 'SIGNED_IN' });
/** Only callers with one of these roles (and administrators) may read it. */
export const RolesOnly = (...roles: Role[]): Decorator => declare({ kind: 'ROLES', roles });
/** Personal data: shown whole, masked or not at all, by the caller and the record's region. */
export const PersonalData = (data: 'NAME' | 'PHONE' | 'ID_NUMBER'): Decorator => declare({ kind: 'PERSONAL', data });

export function visibilityOf(element: { extensions?: Record<string, unknown> | null }): Visibility | undefined {
  return element.extensions?.[VISIBILITY_EXTENSION] as Visibility | undefined;
}

/** Whether a caller may read something with this declaration (personal data: its record decides). */
export function mayRead(principal: Principal, visibility: Visibility | undefined): boolean {
  if (!visibility) return false;
  switch (visibility.kind) {
    case 'PUBLIC':
    case 'PERSONAL':
      return true;
    case 'SIGNED_IN':
      return principal.kind !== 'anonymous';
    case 'ROLES':
      return hasRole(principal, Role.ADMIN) || visibility.roles.some((role) => hasRole(principal, role));
  }
}

/**
 * Everything `mayRead` reads of a caller, as a string: whether it is signed in, and the set of its
 * roles. Two callers with the same key get the same answer from checkSelectionVisibility, which
 * is how its answers are remembered per document (graphql/document-memo.ts): when mayRead starts
 * reading anything else of the principal, it must go into this key too.
 */
export function visibilityKeyOf(principal: Principal): string {
  if (principal.kind === 'anonymous') return 'anonymous';
  return `signed-in:${[...new Set(principal.roles)].sort().join(',')}`;
}

/** Object and interface types whose fields callers read (introspection types are GraphQL's own). */
function declaredTypes(schema: GraphQLSchema): (GraphQLObjectType | ReturnType<typeof getNamedType>)[] {
  return Object.values(schema.getTypeMap()).filter((type) => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'));
}

/**
 * Refuses a schema in which an object type, an interface or any of their fields has no visibility
 * declaration: the server does not start with one (see graphql/schema.ts).
 */
export function assertEveryFieldDeclared(schema: GraphQLSchema): void {
  const missing: string[] = [];
  for (const type of declaredTypes(schema)) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    if (!visibilityOf(type)) missing.push(type.name);
    for (const field of Object.values(type.getFields())) {
      if (!visibilityOf(field)) missing.push(`${type.name}.${field.name}`);
    }
  }
  if (missing.length) {
    throw new Error(`Every type and field must declare who may read it (@Public, @SignedIn, @RolesOnly or @PersonalData from auth/visibility.ts); missing: ${missing.join(', ')}`);
  }
}

/** A field or type the caller may not read, as the error names it. */
export interface VisibilityDenial {
  /** "Type.field", or "Type" when the type itself is not for the caller. */
  element: string;
  /** What the caller needs: to sign in, or one of these roles. */
  needs: 'SIGN_IN' | Role[];
}

function denialOf(element: string, visibility: Visibility | undefined): VisibilityDenial {
  if (!visibility) return { element, needs: [Role.ADMIN] };
  return { element, needs: visibility.kind === 'ROLES' ? [Role.ADMIN, ...visibility.roles] : 'SIGN_IN' };
}

/**
 * Checks an operation's whole selection — fragments and every possible type of an interface or
 * union followed — against the declarations, once, before anything runs. Returns the first field
 * or type the caller may not read, or null. Introspection is not covered here (see request-guard).
 */
export function checkSelectionVisibility(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, principal: Principal): VisibilityDenial | null {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName));
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return null;
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return null;
  const fragments = new Map<string, FragmentDefinitionNode>(
    document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
  );
  /** Type + selection pairs already checked (fragments spread many times are checked once). */
  const seen = new Set<string>();
  const visitSelections = (type: GraphQLCompositeType, selectionSet: SelectionSetNode, key: string): VisibilityDenial | null => {
    const seenKey = `${type.name}@${key}`;
    if (seen.has(seenKey)) return null;
    seen.add(seenKey);
    // Under an interface or union, only the concrete types the caller may read can turn up: the
    // others are refused when they are resolved (see Node's resolveType), so their fields are moot.
    const concreteTypes = isAbstractType(type) ? schema.getPossibleTypes(type).filter((concrete) => mayRead(principal, visibilityOf(concrete))) : [type];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        // A field of an interface is read from the concrete type each object has.
        for (const concrete of concreteTypes) {
          if (!isObjectType(concrete) && !isInterfaceType(concrete)) continue;
          const field: GraphQLField<unknown, unknown> | undefined = concrete.getFields()[name];
          if (!field) continue;
          if (!mayRead(principal, visibilityOf(field))) return denialOf(`${concrete.name}.${name}`, visibilityOf(field));
          const target = getNamedType(field.type) as GraphQLNamedType;
          if ((isObjectType(target) || isInterfaceType(target)) && !mayRead(principal, visibilityOf(target))) {
            return denialOf(target.name, visibilityOf(target));
          }
          if (selection.selectionSet && (isObjectType(target) || isInterfaceType(target) || isAbstractType(target))) {
            const denial = visitSelections(target as GraphQLCompositeType, selection.selectionSet, `${key}/${selection.alias?.value ?? name}`);
            if (denial) return denial;
          }
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined) : type;
        if (!condition) continue;
        // A fragment on a type the caller may not read applies to no object it will ever be given
        // (such objects are refused when resolved): shared fragments in a client's document are no reason to refuse it.
        if ((isObjectType(condition) || isInterfaceType(condition)) && !mayRead(principal, visibilityOf(condition))) continue;
        const denial = visitSelections(condition, selection.selectionSet, `${key}/…on ${condition.name}`);
        if (denial) return denial;
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        const condition = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
        if (!condition) continue;
        if ((isObjectType(condition) || isInterfaceType(condition)) && !mayRead(principal, visibilityOf(condition))) continue;
        const denial = visitSelections(condition, fragment.selectionSet, `${key}/…${fragment.name.value}`);
        if (denial) return denial;
      }
    }
    return null;
  };
  return visitSelections(root, operation.selectionSet, '');
}

/** Whether a caller may read records of this object type at all (node(id), nodes(ids), external refs). */
export function mayReadType(schema: GraphQLSchema, typeName: string, principal: Principal): boolean {
  const type = schema.getType(typeName);
  return !!type && (isObjectType(type) || isInterfaceType(type)) && mayRead(principal, visibilityOf(type));
}

/**
 * The refusal of a selection (or a record) the caller may not read: FORBIDDEN (HTTP 403), naming
 * the type or field and what it takes — to sign in, or one of the roles.
 */
export function visibilityError(denial: VisibilityDenial, locale: Locale): GraphQLError {
  const message =
    denial.needs === 'SIGN_IN'
      ? translate(locale, 'READ_NEEDS_SIGN_IN', { element: denial.element })
      : translate(locale, 'READ_NEEDS_ROLE', { element: denial.element, roles: denial.needs.join(', ') });
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', field: denial.element, http: { status: 403 } } });
}

/**
 * resolveType for interfaces: the object's own type, once the caller is found to be allowed to
 * read records of that type — node(id), nodes(ids) and any other interface-typed field obey the
 * same declarations as everything else, whatever ID they are handed.
 */
export function gatedResolveType(value: { __typename?: string }, context: { principal: Principal; locale: Locale }, info: GraphQLResolveInfo): string | undefined {
  const typeName = value.__typename;
  if (typeName && !mayReadType(info.schema, typeName, context.principal)) {
    const type = info.schema.getType(typeName);
    throw visibilityError(denialOf(typeName, type && (isObjectType(type) || isInterfaceType(type)) ? visibilityOf(type) : undefined), context.locale);
  }
  return typeName;
}

/**
 * Every "Type.field" a caller can reach from the roots (queries and mutations), by the same rules
 * the operations are checked with: the field's own declaration and its target type's. Personal
 * fields are marked " (personal: NAME)" etc. — reachable, their values shown whole, masked or null
 * by the record. The visibility test compares this, role by role, with a checked-in list.
 */
export function reachableFields(schema: GraphQLSchema, principal: Principal): string[] {
  const reached = new Set<string>();
  const visited = new Set<string>();
  const queue: GraphQLNamedType[] = [schema.getQueryType(), schema.getMutationType()].filter((type): type is GraphQLObjectType => !!type);
  while (queue.length) {
    const type = queue.shift()!;
    if (visited.has(type.name)) continue;
    visited.add(type.name);
    const concreteTypes = isAbstractType(type) ? [type, ...schema.getPossibleTypes(type).filter((concrete) => mayRead(principal, visibilityOf(concrete)))] : [type];
    for (const concrete of concreteTypes) {
      if (!isObjectType(concrete) && !isInterfaceType(concrete)) continue;
      for (const field of Object.values(concrete.getFields())) {
        const visibility = visibilityOf(field);
        if (!mayRead(principal, visibility)) continue;
        const target = getNamedType(field.type);
        if ((isObjectType(target) || isInterfaceType(target)) && !mayRead(principal, visibilityOf(target))) continue;
        reached.add(`${concrete.name}.${field.name}${visibility?.kind === 'PERSONAL' ? ` (personal: ${visibility.data})` : ''}`);
        if (isObjectType(target) || isInterfaceType(target) || isAbstractType(target)) queue.push(target);
        if (isAbstractType(target)) for (const possible of schema.getPossibleTypes(target)) if (mayRead(principal, visibilityOf(possible))) queue.push(possible);
      }
    }
  }
  return [...reached].sort();
}
