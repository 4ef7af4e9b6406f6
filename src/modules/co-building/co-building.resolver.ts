import { plannedField } from '../../graphql/plan/planned-field';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { planConnection, planOne } from '../../graphql/plan/planner';
import { localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { OrganizationType, type OrganizationRecord } from '../organization/organization.types';
import { StationType, type StationRecord } from '../station/station.types';
import { CoBuildingsArgs, CreateCoBuildingInput, EndCoBuildingInput, OrganizationCoBuildingsArgs, StationCoBuildingsArgs, UpdateCoBuildingInput } from './co-building.inputs';
import { coBuildingList } from './co-building.reader';
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
  coBuilding(
    @Arg('id', () => ID, { description: '共建关系 ID Co-building ID' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    const localId = localIdOf(id, 'CoBuilding');
    if (!localId) throw notAnId('id', 'CoBuilding');
    return planOne(ctx, info, 'CoBuilding', 'id', localId, 'uuid');
  }

  @SignedIn()
  @Query(() => CoBuildingConnection, {
    description: '共建关系列表（默认按生效日期从新到旧）Co-buildings, newest first by first day in force unless ordered otherwise',
  })
  coBuildings(@Args(() => CoBuildingsArgs) args: CoBuildingsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, coBuildingList(args.filter, args.orderBy, toPageRequest(args, 2)));
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
  createCoBuilding(
    @Arg('input', () => CreateCoBuildingInput, { description: '新共建关系 The new co-building' }) input: CreateCoBuildingInput,
    @Ctx() ctx: Context,
  ): Promise<CoBuildingPayload> {
    return coBuildings.createCoBuilding(ctx, input);
  }

  @Public()
  @Mutation(() => UpdateCoBuildingPayload, { description: '修改共建关系（须带读取时的版本号）Change a co-building; pass the version you read' })
  updateCoBuilding(
    @Arg('input', () => UpdateCoBuildingInput, { description: '要修改的字段 Fields to change' }) input: UpdateCoBuildingInput,
    @Ctx() ctx: Context,
  ): Promise<CoBuildingPayload> {
    return coBuildings.updateCoBuilding(ctx, input);
  }

  @Public()
  @Mutation(() => EndCoBuildingPayload, { description: '结束共建关系（设置最后有效日）End a co-building on a given day' })
  endCoBuilding(
    @Arg('input', () => EndCoBuildingInput, { description: '要结束的共建关系 The co-building to end' }) input: EndCoBuildingInput,
    @Ctx() ctx: Context,
  ): Promise<CoBuildingPayload> {
    return coBuildings.endCoBuilding(ctx, input);
  }
}

/**
 * Station.coBuildings for stations the planner did not read (a mutation's payload, a record from a
 * loader): the planned field, for all such stations of a list in one statement.
 */
@Resolver(() => StationType)
export class StationCoBuildingsResolver {
  @SignedIn()
  @FieldResolver(() => CoBuildingConnection, {
    description: '驿站的共建关系（按角色、生效日期排列）Co-building relations of the station, by role and start date',
  })
  coBuildings(
    @Root() station: StationRecord,
    @Args(() => StationCoBuildingsArgs) _args: StationCoBuildingsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Station', station.dbId, 'uuid');
  }
}

/** Organization.coBuildings for organizations the planner did not read, as Station.coBuildings. */
@Resolver(() => OrganizationType)
export class OrganizationCoBuildingsResolver {
  @SignedIn()
  @FieldResolver(() => CoBuildingConnection, {
    description: '组织的共建关系（默认按生效日期从新到旧）Co-buildings of the organization, newest first by first day in force unless ordered otherwise',
  })
  coBuildings(
    @Root() organization: OrganizationRecord,
    @Args(() => OrganizationCoBuildingsArgs) _args: OrganizationCoBuildingsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Organization', organization.dbId, 'uuid');
  }
}
