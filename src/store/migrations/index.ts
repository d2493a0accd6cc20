/**
 * The migration registry, in order. Append new migrations; never edit one that has shipped.
 * Each migration must run on both SQLite and PostgreSQL (tests run the store suite on both).
 */
import type { Migration, MigrationProvider } from 'kysely';
import { m0001Banks } from './0001-banks.ts';
import { m0002Service } from './0002-service.ts';
import { m0003Auth } from './0003-auth.ts';
import { m0004DerivedAge } from './0004-derived-age.ts';
import { m0005PipelineSnapshots } from './0005-pipeline-snapshots.ts';
import { m0006Cases } from './0006-cases.ts';
import { m0007People } from './0007-people.ts';
import { m0009ListsExchanges } from './0009-lists-exchanges.ts';
import { m0011Referrals } from './0011-referrals.ts';
import { m0012ReferralQueue } from './0012-referral-queue.ts';
import { m0013ExchangePush } from './0013-exchange-push.ts';
import { m0014AgeTokenNonces } from './0014-age-token-nonces.ts';

const migrations: Record<string, Migration> = {
  '0001_banks': m0001Banks,
  '0002_service': m0002Service,
  '0003_auth': m0003Auth,
  '0004_derived_age': m0004DerivedAge,
  '0005_pipeline_snapshots': m0005PipelineSnapshots,
  '0006_cases': m0006Cases,
  '0007_people': m0007People,
  '0009_lists_exchanges': m0009ListsExchanges,
  '0011_referrals': m0011Referrals,
  '0012_referral_queue': m0012ReferralQueue,
  '0013_exchange_push': m0013ExchangePush,
  '0014_age_token_nonces': m0014AgeTokenNonces,
};

export const migrationProvider: MigrationProvider = { getMigrations: async () => migrations };
