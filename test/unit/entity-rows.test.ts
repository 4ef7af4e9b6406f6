import 'reflect-metadata';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { columnsOf, type PrefixedRowOf, type RowOf } from '../../src/db/entity-rows';
import { VersionedEntity } from '../../src/db/base-entity';
import { Station } from '../../src/modules/station/station.entity';
import { PERSON_COLUMNS } from '../../src/modules/person/person.types';

@Entity({ tableName: 'row_probe_parent' })
class RowProbeParent {
  @PrimaryKey({ type: 'integer' })
  id!: number;
}

@Entity({ tableName: 'row_probe' })
class RowProbe extends VersionedEntity {
  @Property({ type: 'string', fieldName: 'display_name' })
  displayName!: string;

  @Property({ type: 'string', fieldName: 'legacy_label' })
  label!: string;

  @ManyToOne({ entity: () => RowProbeParent, fieldName: 'parent_id', nullable: true })
  parent?: RowProbeParent | null;
}

describe('rows derived from the entities', () => {
  it('prefixes every column when asked, to sit beside a joined table', () => {
    expect(columnsOf(RowProbe, 'p', ['id', 'displayName', 'parent'], { prefix: 'probe_' })).toBe(
      'p.id as probe_id, p.display_name as probe_display_name, p.parent_id as probe_parent_id',
    );
    expect(columnsOf(Station, 's', ['code', 'openedOn'], { prefix: 'st_' })).toBe("s.code as st_code, to_char(s.opened_on, 'YYYY-MM-DD') as st_opened_on");
    const row: PrefixedRowOf<RowProbe, 'id' | 'parent', 'probe_'> = { probe_id: 'x', probe_parent_id: null };
    expect(Object.keys(row)).toEqual(['probe_id', 'probe_parent_id']);
  });

  it("names each property by its column, the base classes' included, a relation by its key column", () => {
    expect(columnsOf(RowProbe, 'r', ['id', 'displayName', 'parent', 'version', 'createdAt'])).toBe('r.id, r.display_name, r.parent_id, r.version, r.created_at');
    const row: RowOf<RowProbe, 'id' | 'displayName' | 'parent' | 'createdAt'> = { id: 'x', display_name: 'y', parent_id: null, created_at: '2026-01-01T00:00:00Z' };
    expect(Object.keys(row)).toEqual(['id', 'display_name', 'parent_id', 'created_at']);
  });

  it('reads a calendar date as YYYY-MM-DD text', () => {
    expect(columnsOf(Station, 's', ['code', 'openedOn'])).toBe("s.code, to_char(s.opened_on, 'YYYY-MM-DD') as opened_on");
  });

  it('refuses a property stored under another name than its row type would give it', () => {
    expect(() => columnsOf(RowProbe, 'r', ['label'])).toThrow('RowProbe.label is stored in legacy_label, not label');
  });

  it('refuses a name that is not a mapped property', () => {
    expect(() => columnsOf(RowProbe, 'r', ['nothing' as never])).toThrow('RowProbe.nothing is not a mapped property');
  });

  it('gives the readers the columns they selected by hand before', () => {
    expect(PERSON_COLUMNS).toBe('p.id, p.name, p.role, p.phone, p.is_party_member, p.organization_id, p.region_id, p.active, p.version, p.created_at, p.updated_at');
  });
});
