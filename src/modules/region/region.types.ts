import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Public } from '../../auth/visibility';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { RegionLevel } from './region-level';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { Region } from './region.entity';

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: '行政区划层级 Administrative level of a region',
  valuesConfig: {
    PROVINCE: { description: '省级 Province' },
    CITY: { description: '地级市 Prefecture-level city' },
    DISTRICT: { description: '区县级（区、县、县级市、开发区）County-level division' },
    STREET: { description: '乡镇街道 Street, town or township' },
    COMMUNITY: { description: '社区、村 Community or village committee' },
    GRID: { description: '网格 Grid under a community' },
  },
});

/** A region row as the read paths carry it. */
export interface RegionRecord {
  __typename: 'Region';
  id: string;
  dbId: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: number | null;
  path: string;
}

const REGION_PROPERTIES = ['id', 'code', 'name', 'level', 'parent', 'path'] as const;
export type RegionRow = RowOf<Region, (typeof REGION_PROPERTIES)[number]>;
export const REGION_COLUMNS = columnsOf(Region, 'r', REGION_PROPERTIES);

export function toRegionRecord(row: RegionRow): RegionRecord {
  return {
    __typename: 'Region',
    id: toGlobalId('Region', row.id),
    dbId: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    path: row.path,
  };
}

/** Codes of a region's ancestors, top first (the path holds them). */
export function ancestorCodes(record: Pick<RegionRecord, 'path'>): string[] {
  return record.path.split('/').filter(Boolean).slice(0, -1);
}

@Public()
@ObjectType('Region', {
  implements: Node,
  simpleResolvers: true,
  description: '行政区划 An administrative region (GB/T 2260; 12-digit statistical codes for streets and communities)',
})
export class RegionType extends Node {
  @Public()
  @Field({ description: '区划代码 GB/T 2260 code (6 digits) or statistical code (12 digits)' })
  code!: string;

  @Public()
  @Field({ description: '名称 Name, e.g. 樊城区, 安居社区' })
  name!: string;

  @Public()
  @Field(() => RegionLevel, { description: '层级 Administrative level' })
  level!: RegionLevel;
}

export const RegionConnection = connectionTypeOf(RegionType, 'Region', '行政区划');
