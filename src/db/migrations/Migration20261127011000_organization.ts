import { Migration } from '@mikro-orm/migrations';

/**
 * Organizations (共建组织): party organizations, social organizations, enterprises and others that
 * co-build, manage and staff the stations. The unified social credit code is optional (some party
 * branches have none) and unique when present; a legal code that fails the GB 32100-2015 check
 * character is kept with a warning.
 */
export class Migration20261127011000_organization extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table organization (
        id uuid primary key,
        name varchar(100) not null check (length(btrim(name)) > 0),
        kind varchar(32) not null check (kind in ('COMMUNITY_PARTY_ORG','DUAL_REPORTING_PARTY_ORG','RESIDENT_UNIT_PARTY_ORG',
          'SOCIAL_ORG','VOLUNTEER_ORG','PROPERTY_SERVICE','ENTERPRISE','CHAMBER','PUBLIC_INSTITUTION','GOVERNMENT_AGENCY','OTHER')),
        credit_code char(18) unique check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
        credit_code_warning varchar(32) check (credit_code_warning in ('CHECK_CHARACTER_MISMATCH')),
        contact_name varchar(50),
        contact_phone varchar(20),
        region_id int references region(id) on delete restrict,
        active boolean not null default true,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (credit_code is not null or credit_code_warning is null)
      );`);
    this.addSql(`create index organization_region_idx on organization (region_id);`);
    this.addSql(`create index organization_kind_idx on organization (kind);`);
    this.addSql(`create index organization_name_trgm_idx on organization using gin (name gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists organization;`);
  }
}
