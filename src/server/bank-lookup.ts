/** The bank named in a route, or 404 `not_found`. */
import type { Bank } from '../core/banks/types.ts';
import type { BankStore } from '../store/bank-store.ts';
import { unknownId } from './unknown-id.ts';

export async function bankOr404(store: BankStore, name: string): Promise<Bank> {
  const bank = await store.getBank(name);
  if (bank === undefined) throw unknownId('bank', name);
  return bank;
}
