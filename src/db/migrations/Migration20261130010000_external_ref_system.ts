import { Migration } from '@mikro-orm/migrations';

/**
 * External reference systems (外部系统) get an owner: a department that alone may write IDs in
 * its system, so that no other department can take IDs the owner will use or give the owner's
 * records an ID in its system first. Every system a reference names gets a row here (the
 * reference's new foreign key), and the first add or upsert by a partner department claims an
 * UNCLAIMED system; administrators assign, move or share systems.
 *
 * Existing systems: a system whose references all name records of one department (platforms,
 * service items, push-downs by their item's department) goes to that department — only it (or an
 * administrator) could have attached IDs to those records. A system that names organizations
 * (which have no department) or records of several departments cannot be given to anyone
 * without guessing, so it stays UNCLAIMED until a partner department writes in it or an
 * administrator assigns it; administrators should review those after upgrading
 * (`externalRefSystems(filter: { status: [UNCLAIMED] })`).
 */
export class Migration20261130010000_external_ref_system extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table external_ref_system (
        system varchar(64) primary key check (system ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$'),
        status varchar(16) not null check (status in ('UNCLAIMED', 'OWNED', 'SHARED')),
        department_id uuid references department (id) on delete restrict,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint external_ref_system_owner check ((status = 'OWNED') = (department_id is not null))
      );`);
    this.addSql(`create index external_ref_system_department_idx on external_ref_system (department_id) where department_id is not null;`);
    this.addSql(`
      with ref_department as (
        select r.system, r.created_at,
          case r.record_type
            when 'Platform' then (select p.department_id from platform p where p.id = r.record_id)
            when 'ServiceItem' then (select i.department_id from service_item i where i.id = r.record_id)
            when 'StationServiceItem' then (
              select i.department_id from station_service_item s join service_item i on i.id = s.service_item_id where s.id = r.record_id)
          end as department_id
        from external_ref r
      )
      insert into external_ref_system (system, status, department_id, created_at, updated_at)
      select system,
        case when count(department_id) = count(*) and count(distinct department_id) = 1 then 'OWNED' else 'UNCLAIMED' end,
        case when count(department_id) = count(*) and count(distinct department_id) = 1 then min(department_id::text)::uuid end,
        min(created_at),
        now()
      from ref_department
      group by system;`);
    this.addSql(`alter table external_ref add constraint external_ref_system_fk foreign key (system) references external_ref_system (system);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table external_ref drop constraint if exists external_ref_system_fk;`);
    this.addSql(`drop table if exists external_ref_system;`);
  }
}
