/** The exchanges for the HTTP API and the worker: create (validated per kind, credentials sealed), fetch now, schedule. */
import { invalidInput, unavailable } from '../core/lifeguard-error.ts';
import type { MediaCipher } from '../crypto/media-cipher.ts';
import { exchangeKinds, type ExchangeKind } from '../exchanges/exchange-kinds.ts';
import { createExchangeWorker, sealCredentials, type ExchangeWorker } from '../exchanges/exchange-worker.ts';
import type { Database } from '../store/database.ts';
import { createExchangeStore } from '../store/exchange-store.ts';
import { createExchangePushStore } from '../store/exchange-push-store.ts';
import type { Logger } from './logger.ts';
import type { BankService, ExchangeService } from './services.ts';

export function createExchangeService(o: { database: Database; banks: BankService; logger: Logger; cipher?: MediaCipher; now: () => number }): { service: ExchangeService; worker: ExchangeWorker } {
  const store = createExchangeStore(o.database);
  const pushes = createExchangePushStore(o.database);
  const worker = createExchangeWorker({
    bankStore: o.banks.store,
    exchanges: store,
    pushes,
    pushKeyPrefix: () => o.banks.store.instanceId(),
    ...(o.cipher ? { cipher: o.cipher } : {}),
    now: o.now,
    onChange: () => o.banks.changed(),
    onError: (name, err) => o.logger.warn('exchange fetch failed', { exchange: name, err }),
  });
  const service: ExchangeService = {
    store,
    pushes,
    async create(input) {
      const kind = exchangeKinds[input.kind as ExchangeKind];
      if (!kind) throw invalidInput('unknown_exchange_kind', `unknown exchange kind '${input.kind}'; known: ${Object.keys(exchangeKinds).join(', ')}`);
      const settings = kind.settings.safeParse(input.settings);
      if (!settings.success) throw invalidInput('invalid_exchange_settings', `settings: ${settings.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const credentials = kind.credentials.safeParse(input.credentials ?? {});
      if (!credentials.success) throw invalidInput('invalid_exchange_credentials', `credentials: ${credentials.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const hasCredentials = Object.keys(credentials.data).length > 0;
      if (hasCredentials && !o.cipher) throw unavailable('feature_unavailable', 'this process has no key to seal credentials with');
      if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(input.name)) throw invalidInput('invalid_exchange_name', 'an exchange name is 1-64 lower-case letters, digits, ".", "_" or "-"');
      const bank = (await o.banks.store.getBank(input.bank)) ?? (input.createBank ? await o.banks.store.createBank(input.bank) : await o.banks.store.requireBank(input.bank));
      return store.create(
        {
          name: input.name,
          kind: input.kind,
          bankId: bank.id,
          settings: settings.data as Record<string, unknown>,
          sealedCredentials: hasCredentials ? sealCredentials(o.cipher!, input.name, credentials.data) : null,
          intervalSeconds: input.intervalSeconds,
        },
        new Date(o.now()),
      );
    },
    runNow: (name) => worker.runNow(name),
  };
  return { service, worker };
}
