import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { localIdOf, notAnId, toConnection, toPageRequest, type ConnectionResult } from '../../graphql/relay';
import { OrganizationType, type OrganizationRecord } from '../organization/organization.types';
import { todayInChina } from '../station/station.service';
import { StationType, type StationRecord } from '../station/station.types';
import { CoBuildingsArgs, CreateCoBuildingInput, EndCoBuildingInput, UpdateCoBuildingInput } from './co-building.inputs';
import { listCoBuildings, organizationCoBuildingsParams, toCoBuildingConnection } from './co-building.reader';
import * as coBuildings from './co-building.service';
import {
  CoBuildingConnection,
  CoBuildingType,
  CreateCoBuildingPayload,
  EndCoBuildingPayload,
  UpdateCoBuildingPayload,
  type CoBuildingPayload,
  type CoBuildingRecord,
} from './co-building.types';

@Resolver(() => CoBuildingType)
export class CoBuildingResolver {
  @SignedIn()
  @Query(() => CoBuildingType, { nullable: true, description: '按 ID 查共建关系 A co-building by ID' })
  coBuilding(@Arg('id', () => ID, { description: '共建关系 ID Co-building ID' }) id: string, @Ctx() ctx: Context): Promise<CoBuildingRecord | null> {
    const localId = localIdOf(id, 'CoBuilding');
    if (!localId) throw notAnId('id', 'CoBuilding');
    return ctx.loaders.coBuildingById.load(localId);
  }

  @SignedIn()
  @Query(() => CoBuildingConnection, { description: '共建关系列表（按生效日期从新到旧）Co-buildings, newest first by first day in force' })
  async coBuildings(@Args(() => CoBuildingsArgs) args: CoBuildingsArgs, @Ctx() ctx: Context): Promise<ConnectionResult<CoBuildingRecord>> {
    return toConnection(await listCoBuildings(ctx.db, args.filter, toPageRequest(args, 2)));
  }

  @SignedIn()
  @FieldResolver(() => OrganizationType, { description: '共建组织 The organization' })
  async organization(@Root() coBuilding: CoBuildingRecord, @Ctx() ctx: Context): Promise<OrganizationRecord> {
    const organization = await ctx.loaders.organizationById.load(coBuilding.organizationId);
    if (!organization) throw new Error(`Organization ${coBuilding.organizationId} of co-building ${coBuilding.dbId} is missing`);
    return organization;
  }

  @SignedIn()
  @FieldResolver(() => StationType, { description: '驿站 The station' })
  async station(@Root() coBuilding: CoBuildingRecord, @Ctx() ctx: Context): Promise<StationRecord> {
    const station = await ctx.loaders.stationById.load(coBuilding.stationId);
    if (!station) throw new Error(`Station ${coBuilding.stationId} of co-building ${coBuilding.dbId} is missing`);
    return station;
  }

  @Public()
  @Mutation(() => CreateCoBuildingPayload, {
    description: '新建共建关系；同一组织在同一驿站的同一角色同时只能有一段有效关系 Record a co-building; one per organization, station and role at a time',
  })
  createCoBuilding(@Arg('input', () => CreateCoBuildingInput, { description: '新共建关系 The new co-building' }) input: CreateCoBuildingInput, @Ctx() ctx: Context): Promise<CoBuildingPayload> {
    return coBuildings.createCoBuilding(ctx, input);
  }

  @Public()
  @Mutation(() => UpdateCoBuildingPayload, { description: '修改共建关系（须带读取时的版本号）Change a co-building; pass the version you read' })
  updateCoBuilding(@Arg('input', () => UpdateCoBuildingInput, { description: '要修改的字段 Fields to change' }) input: UpdateCoBuildingInput, @Ctx() ctx: Context): Promise<CoBuildingPayload> {
    return coBuildings.updateCoBuilding(ctx, input);
  }

  @Public()
  @Mutation(() => EndCoBuildingPayload, { description: '结束共建关系（设置最后有效日）End a co-building on a given day' })
  endCoBuilding(@Arg('input', () => EndCoBuildingInput, { description: '要结束的共建关系 The co-building to end' }) input: EndCoBuildingInput, @Ctx() ctx: Context): Promise<CoBuildingPayload> {
    return coBuildings.endCoBuilding(ctx, input);
  }
}

/** Station.coBuildings: one query per page of stations. */
@Resolver(() => StationType)
export class StationCoBuildingsResolver {
  @SignedIn()
  @FieldResolver(() => [CoBuildingType], { description: '驿站的共建关系（按角色、生效日期排列）Co-building relations of the station, by role and start date' })
  coBuildings(
    @Root() station: StationRecord,
    @Ctx() ctx: Context,
    @Arg('includeInactive', () => Boolean, {
      defaultValue: false,
      description: '是否包含今天不在有效期内的（已结束或尚未开始）Include relations not in force today (ended, or not begun yet)',
    })
    includeInactive: boolean,
  ): Promise<CoBuildingRecord[]> {
    return ctx.loaders.stationCoBuildings({ activeOnly: !includeInactive, today: todayInChina() }).load(station.dbId);
  }
}

/** Organization.coBuildings: one windowed query and one grouped count per page of organizations. */
@Resolver(() => OrganizationType)
export class OrganizationCoBuildingsResolver {
  @SignedIn()
  @FieldResolver(() => CoBuildingConnection, { description: '组织的共建关系（按生效日期从新到旧）Co-buildings of the organization, newest first' })
  async coBuildings(
    @Root() organization: OrganizationRecord,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 20, description: '条数（1–100）Number of items (1–100)' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '从此游标之后开始 Return items after this cursor' }) after?: string | null,
  ): Promise<ConnectionResult<CoBuildingRecord>> {
    const params = organizationCoBuildingsParams(first, after);
    const rows = await ctx.loaders.organizationCoBuildingPages(params).load(organization.dbId);
    return toCoBuildingConnection(rows, params, () => ctx.loaders.organizationCoBuildingCount.load(organization.dbId));
  }
}
