import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PUBLIC_NODE_TYPES, signInToRead } from '../../auth/public-reads';
import type { Context } from '../../graphql/context';
import { badInput, Node } from '../../graphql/relay';
import { OrganizationType, type OrganizationRecord } from '../organization/organization.types';
import { upsertOrganization } from '../organization/organization.service';
import { upsertPlatform } from '../platform/platform.service';
import { PlatformInterface, type PlatformRecord } from '../platform/platform.types';
import { upsertServiceItem, upsertStationServiceItem } from '../service-item/service-item.service';
import { ServiceItemType, StationServiceItemType, type ServiceItemRecord, type StationServiceItemRecord } from '../service-item/service-item.types';
import { ExternalRecordType } from './external-ref.enums';
import {
  AddExternalRefInput,
  RemoveExternalRefInput,
  UpsertOrganizationInput,
  UpsertPlatformInput,
  UpsertServiceItemInput,
  UpsertStationServiceItemInput,
} from './external-ref.inputs';
import { normaliseExternalRef } from './external-ref.rules';
import { addExternalRef, loadExternalRecord, removeExternalRef } from './external-ref.service';
import {
  AddExternalRefPayload,
  ExternalRefType,
  RemoveExternalRefPayload,
  UpsertOrganizationPayload,
  UpsertPlatformPayload,
  UpsertServiceItemPayload,
  UpsertStationServiceItemPayload,
  type AddExternalRefResult,
  type ExternalRecord,
  type ExternalRefRecord,
  type RemoveExternalRefResult,
  type UpsertOrganizationResult,
  type UpsertPlatformResult,
  type UpsertServiceItemResult,
  type UpsertStationServiceItemResult,
} from './external-ref.types';

const EXTERNAL_REFS_DESCRIPTION = '外部编号：各合作部门系统对这条记录的编号（按系统名称排序）IDs partner systems have for this record, by system name';

@Resolver()
export class ExternalRefResolver {
  @Query(() => Node, {
    nullable: true,
    description: '按外部编号查记录（合作部门对账用）；没有则为空 The record a partner system’s ID names, for syncing; null when there is none',
  })
  async recordByExternalRef(
    @Arg('type', () => ExternalRecordType, { description: '记录类型 Kind of record' }) type: ExternalRecordType,
    @Arg('system', { description: '外部系统名称 System name' }) system: string,
    @Arg('externalId', { description: '该系统中的记录编号 The record’s ID in that system' }) externalId: string,
    @Ctx() ctx: Context,
  ): Promise<ExternalRecord | null> {
    if (ctx.principal.kind === 'anonymous' && !PUBLIC_NODE_TYPES.has(type)) throw signInToRead();
    const key = normaliseExternalRef(system, externalId);
    if (key.issues.includes('SYSTEM_INVALID')) throw badInput('`system` must be 2–64 letters, digits, ".", "_" or "-", starting with a letter or digit', 'system');
    if (key.issues.length) throw badInput('`externalId` must be 1–128 characters, not blank', 'externalId');
    const ref = await ctx.loaders.externalRefByKey.load({ type, system: key.system, externalId: key.externalId });
    return ref ? loadExternalRecord(ctx, type, ref.recordId) : null;
  }

  @Mutation(() => UpsertPlatformPayload, {
    description:
      '按外部编号同步整合平台：没有则新建，有则改成所给的值；重复调用不重复新建，数据相同时不写入 Create or update a platform by the partner’s external reference; repeats create nothing more and write nothing when the data is the same',
  })
  upsertPlatform(@Arg('input', () => UpsertPlatformInput, { description: '平台及其外部编号 The platform and its external reference' }) input: UpsertPlatformInput, @Ctx() ctx: Context): Promise<UpsertPlatformResult> {
    return upsertPlatform(ctx, input);
  }

  @Mutation(() => UpsertServiceItemPayload, {
    description:
      '按外部编号同步服务事项：没有则新建，有则改成所给的值；重复调用不重复新建，数据相同时不写入 Create or update a service item by the partner’s external reference; repeats create nothing more and write nothing when the data is the same',
  })
  upsertServiceItem(@Arg('input', () => UpsertServiceItemInput, { description: '事项及其外部编号 The item and its external reference' }) input: UpsertServiceItemInput, @Ctx() ctx: Context): Promise<UpsertServiceItemResult> {
    return upsertServiceItem(ctx, input);
  }

  @Mutation(() => UpsertStationServiceItemPayload, {
    description:
      '按外部编号同步下沉记录：没有则下沉（该驿站已有该事项时关联到已有记录），有则改成所给的值 Push an item down by the partner’s external reference, attaching the reference to an existing push-down of the pair, or update the referenced one',
  })
  upsertStationServiceItem(
    @Arg('input', () => UpsertStationServiceItemInput, { description: '下沉记录及其外部编号 The push-down and its external reference' }) input: UpsertStationServiceItemInput,
    @Ctx() ctx: Context,
  ): Promise<UpsertStationServiceItemResult> {
    return upsertStationServiceItem(ctx, input);
  }

  @Mutation(() => UpsertOrganizationPayload, {
    description:
      '按外部编号同步组织：没有则新建，有则改成所给的值；重复调用不重复新建，数据相同时不写入 Create or update an organization by the partner’s external reference; repeats create nothing more and write nothing when the data is the same',
  })
  upsertOrganization(
    @Arg('input', () => UpsertOrganizationInput, { description: '组织及其外部编号 The organization and its external reference' }) input: UpsertOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<UpsertOrganizationResult> {
    return upsertOrganization(ctx, input);
  }

  @Mutation(() => AddExternalRefPayload, { description: '给已有记录关联外部编号（须有修改该记录的权限）Attach a partner system’s ID to an existing record; needs the right to change the record' })
  addExternalRef(@Arg('input', () => AddExternalRefInput, { description: '记录与外部编号 The record and the ID' }) input: AddExternalRefInput, @Ctx() ctx: Context): Promise<AddExternalRefResult> {
    return addExternalRef(ctx, input);
  }

  @Mutation(() => RemoveExternalRefPayload, { description: '删除记录在某外部系统中的编号（须有修改该记录的权限）Remove a record’s ID in one partner system; needs the right to change the record' })
  removeExternalRef(@Arg('input', () => RemoveExternalRefInput, { description: '记录与外部系统 The record and the system' }) input: RemoveExternalRefInput, @Ctx() ctx: Context): Promise<RemoveExternalRefResult> {
    return removeExternalRef(ctx, input);
  }
}

@Resolver(() => PlatformInterface)
export class PlatformExternalRefsResolver {
  @FieldResolver(() => [ExternalRefType], { description: EXTERNAL_REFS_DESCRIPTION })
  externalRefs(@Root() platform: PlatformRecord, @Ctx() ctx: Context): Promise<ExternalRefRecord[]> {
    return ctx.loaders.externalRefs(ExternalRecordType.PLATFORM).load(platform.dbId);
  }
}

@Resolver(() => ServiceItemType)
export class ServiceItemExternalRefsResolver {
  @FieldResolver(() => [ExternalRefType], { description: EXTERNAL_REFS_DESCRIPTION })
  externalRefs(@Root() item: ServiceItemRecord, @Ctx() ctx: Context): Promise<ExternalRefRecord[]> {
    return ctx.loaders.externalRefs(ExternalRecordType.SERVICE_ITEM).load(item.dbId);
  }
}

@Resolver(() => StationServiceItemType)
export class StationServiceItemExternalRefsResolver {
  @FieldResolver(() => [ExternalRefType], { description: EXTERNAL_REFS_DESCRIPTION })
  externalRefs(@Root() record: StationServiceItemRecord, @Ctx() ctx: Context): Promise<ExternalRefRecord[]> {
    return ctx.loaders.externalRefs(ExternalRecordType.STATION_SERVICE_ITEM).load(record.dbId);
  }
}

@Resolver(() => OrganizationType)
export class OrganizationExternalRefsResolver {
  @FieldResolver(() => [ExternalRefType], { description: EXTERNAL_REFS_DESCRIPTION })
  externalRefs(@Root() organization: OrganizationRecord, @Ctx() ctx: Context): Promise<ExternalRefRecord[]> {
    return ctx.loaders.externalRefs(ExternalRecordType.ORGANIZATION).load(organization.dbId);
  }
}
