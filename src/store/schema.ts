/** The Kysely database type: one interface per area, each owned by the code that migrates its tables. */
import type { AgeTables } from './tables/age-tables.ts';
import type { BankTables } from './tables/bank-tables.ts';
import type { PeopleTables } from './tables/people-tables.ts';
import type { AuthTables } from './tables/auth-tables.ts';
import type { ServiceTables } from './tables/service-tables.ts';
import type { CaseTables } from './tables/case-tables.ts';
import type { ReferralTables } from './tables/referral-tables.ts';

export interface Schema extends BankTables, ServiceTables, AuthTables, AgeTables, CaseTables, PeopleTables, ReferralTables {}
