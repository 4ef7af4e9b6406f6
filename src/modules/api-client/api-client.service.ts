import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { generateApiKey, hashApiKey, keyHint } from '../../auth/api-keys';
import { Role, isRole } from '../../auth/roles';
import { Department } from '../department/department.entity';
import { Region } from '../region/region.entity';
import { RegionLevel } from '../region/region-level';
import { ApiClient } from './api-client.entity';

/** A problem with a client definition, in words an operator at the console can act on. */
export class ApiClientError extends Error {}

export interface NewApiClient {
  name: string;
  roles: string[];
  departmentCode?: string | null;
  regionCode?: string | null;
}

/** A client as listed: never its key or hash. */
export interface ApiClientSummary {
  id: string;
  name: string;
  roles: Role[];
  departmentCode: string | null;
  regionCode: string | null;
  keyHint: string;
  active: boolean;
  createdAt: Date;
  keyRotatedAt: Date | null;
  revokedAt: Date | null;
}

/** The client and its new key; the key is shown once and cannot be recovered. */
export interface IssuedKey {
  client: ApiClientSummary;
  key: string;
}

function summarise(client: ApiClient, departmentCode: string | null, regionCode: string | null): ApiClientSummary {
  return {
    id: client.id,
    name: client.name,
    roles: client.roles,
    departmentCode,
    regionCode,
    keyHint: client.keyHint,
    active: client.active,
    createdAt: client.createdAt,
    keyRotatedAt: client.keyRotatedAt ?? null,
    revokedAt: client.revokedAt ?? null,
  };
}

/**
 * Creates an API client with a fresh key. A region operator needs a region scope (a district,
 * street or community); a department partner needs its department.
 */
export async function createApiClient(em: EntityManager, input: NewApiClient): Promise<IssuedKey> {
  const name = input.name.trim();
  if (!name) throw new ApiClientError('name is required');
  const roles = [...new Set(input.roles.map((role) => role.trim().toUpperCase()).filter(Boolean))];
  if (!roles.length) throw new ApiClientError(`give at least one role (${Object.values(Role).join(', ')})`);
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length) throw new ApiClientError(`unknown role(s) ${unknown.join(', ')}; roles are ${Object.values(Role).join(', ')}`);

  return em.transactional(async (tx) => {
    if (await tx.count(ApiClient, { name })) throw new ApiClientError(`a client named "${name}" already exists`);
    let department: Department | null = null;
    if (input.departmentCode) {
      department = await tx.findOne(Department, { code: input.departmentCode.trim() });
      if (!department) throw new ApiClientError(`no department has the code "${input.departmentCode}"`);
      if (!department.active) throw new ApiClientError(`department "${department.code}" is inactive`);
    }
    let region: Region | null = null;
    if (input.regionCode) {
      region = await tx.findOne(Region, { code: input.regionCode.trim() });
      if (!region) throw new ApiClientError(`no region has the code "${input.regionCode}"`);
      if (region.level === RegionLevel.PROVINCE) throw new ApiClientError('a region scope must be a city, district, street or community');
    }
    if (roles.includes(Role.REGION_OPERATOR) && !region) throw new ApiClientError('a REGION_OPERATOR client needs --region');
    if (roles.includes(Role.DEPARTMENT_PARTNER) && !department) throw new ApiClientError('a DEPARTMENT_PARTNER client needs --department');

    const key = generateApiKey();
    const client = tx.create(ApiClient, {
      id: randomUUID(),
      name,
      roles: roles as Role[],
      department,
      region,
      keyHash: hashApiKey(key),
      keyHint: keyHint(key),
    });
    await tx.flush();
    return { client: summarise(client, department?.code ?? null, region?.code ?? null), key };
  });
}

async function findClient(em: EntityManager, nameOrId: string): Promise<ApiClient> {
  const byId = /^[0-9a-f-]{36}$/.test(nameOrId) ? { id: nameOrId } : { name: nameOrId };
  const client = await em.findOne(ApiClient, byId, { populate: ['department', 'region'] });
  if (!client) throw new ApiClientError(`no client named or with id "${nameOrId}"`);
  return client;
}

/** Replaces a client's key: the old key stops working at once. */
export async function rotateApiClientKey(em: EntityManager, nameOrId: string): Promise<IssuedKey> {
  return em.transactional(async (tx) => {
    const client = await findClient(tx, nameOrId);
    if (!client.active) throw new ApiClientError(`client "${client.name}" is revoked; create a new one`);
    const key = generateApiKey();
    client.keyHash = hashApiKey(key);
    client.keyHint = keyHint(key);
    client.keyRotatedAt = new Date();
    await tx.flush();
    return { client: summarise(client, client.department?.code ?? null, client.region?.code ?? null), key };
  });
}

/** Revokes a client for good: its key stops working at once. */
export async function revokeApiClient(em: EntityManager, nameOrId: string): Promise<ApiClientSummary> {
  return em.transactional(async (tx) => {
    const client = await findClient(tx, nameOrId);
    if (!client.active) throw new ApiClientError(`client "${client.name}" is already revoked`);
    client.active = false;
    client.revokedAt = new Date();
    await tx.flush();
    return summarise(client, client.department?.code ?? null, client.region?.code ?? null);
  });
}

export async function listApiClients(em: EntityManager): Promise<ApiClientSummary[]> {
  const clients = await em.find(ApiClient, {}, { populate: ['department', 'region'], orderBy: { name: 'asc' } });
  return clients.map((client) => summarise(client, client.department?.code ?? null, client.region?.code ?? null));
}

/**
 * On the first start of the embedded database: when no client exists yet, creates an ADMIN client
 * and returns its key so the caller can print it once. Returns null when clients exist.
 */
export async function bootstrapAdminClient(em: EntityManager): Promise<IssuedKey | null> {
  if (await em.count(ApiClient, {})) return null;
  return createApiClient(em, { name: 'bootstrap-admin', roles: [Role.ADMIN] });
}
