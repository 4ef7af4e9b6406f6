import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { GeoPointInput } from '../../geo/geo.types';
import { ConnectionArgs } from '../../graphql/relay';
import { SortDirection } from '../station/station.inputs';
import { DeliberationVenueKind } from './deliberation-venue.enums';

export enum DeliberationVenueSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}

registerEnumType(DeliberationVenueSortField, {
  name: 'DeliberationVenueSortField',
  description: '议事场所排序字段 What to sort deliberation venues by (ties are broken by ID)',
  valuesConfig: {
    NAME: { description: '按名称（Unicode 码点顺序）By name, in code-point order' },
    CREATED_AT: { description: '按登记时间 By when it was recorded' },
  },
});

@InputType('DeliberationVenueOrder', { description: '议事场所排序 Ordering of a deliberation venue list' })
export class DeliberationVenueOrder {
  @Field(() => DeliberationVenueSortField, { defaultValue: DeliberationVenueSortField.NAME, description: '排序字段 Field to sort by' })
  field!: DeliberationVenueSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '排序方向 Direction' })
  direction!: SortDirection;
}

@InputType('DeliberationVenueFilter', { description: '议事场所筛选条件（各条件同时满足）Deliberation venue filters; all given conditions must hold' })
export class DeliberationVenueFilter {
  @Field({ nullable: true, description: '行政区划代码：所在社区在该区划内（含下级）的场所 Region code: venues in this region or anywhere below it' })
  regionCode?: string;

  @Field(() => [DeliberationVenueKind], { nullable: true, description: '类别之一 Any of these kinds' })
  kind?: DeliberationVenueKind[];

  @Field({ nullable: true, description: '是否启用；不填表示全部 Active or archived; both when left out' })
  active?: boolean;

  @Field(() => ID, { nullable: true, description: '所属驿站 ID Station ID' })
  stationId?: string;
}

@ArgsType()
export class DeliberationVenuesArgs extends ConnectionArgs {
  @Field(() => DeliberationVenueFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: DeliberationVenueFilter;

  @Field(() => DeliberationVenueOrder, { nullable: true, description: '排序，默认按名称 Ordering; by name by default' })
  orderBy?: DeliberationVenueOrder;
}

@ArgsType()
export class NestedDeliberationVenuesArgs extends ConnectionArgs {
  @Field({ nullable: true, description: '是否启用；不填表示全部 Active or archived; both when left out' })
  active?: boolean;
}

@InputType('CreateDeliberationVenueInput', { description: '登记议事场所 A new deliberation venue' })
export class CreateDeliberationVenueInput {
  @Field({ description: '场所名称（至多100字）Name, at most 100 characters' })
  name!: string;

  @Field(() => DeliberationVenueKind, { description: '场所类别 Kind' })
  kind!: DeliberationVenueKind;

  @Field({ description: '所在社区（村）12位区划代码 The 12-digit code of its community or village' })
  regionCode!: string;

  @Field(() => ID, { nullable: true, description: '所属驿站 ID（须在该社区，未归档）Station ID; in that community, not archived' })
  stationId?: string | null;

  @Field(() => String, { nullable: true, description: '地址（至多200字）Address, at most 200 characters' })
  address?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: '位置（可用 GCJ-02/BD-09 输入，按 WGS-84 存储）Location; GCJ-02 or BD-09 accepted, stored as WGS-84' })
  location?: GeoPointInput | null;
}

@InputType('UpdateDeliberationVenueInput', { description: '修改议事场所：只改所给字段；所在社区不可改 Change the given fields; the community stays' })
export class UpdateDeliberationVenueInput {
  @Field(() => ID, { description: '场所 ID Deliberation venue ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field({ nullable: true, description: '场所名称 Name' })
  name?: string;

  @Field(() => DeliberationVenueKind, { nullable: true, description: '场所类别 Kind' })
  kind?: DeliberationVenueKind;

  @Field(() => ID, { nullable: true, description: '所属驿站 ID；传 null 表示清空 Station ID; null clears it' })
  stationId?: string | null;

  @Field(() => String, { nullable: true, description: '地址；传 null 表示清空 Address; null clears it' })
  address?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: '位置；传 null 表示清空 Location; null clears it' })
  location?: GeoPointInput | null;

  @Field({ nullable: true, description: '是否启用；true 可恢复已归档场所 Active; true restores an archived venue' })
  active?: boolean;
}

@InputType('ArchiveDeliberationVenueInput', { description: '归档议事场所 Archive a deliberation venue' })
export class ArchiveDeliberationVenueInput {
  @Field(() => ID, { description: '场所 ID Deliberation venue ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;
}
