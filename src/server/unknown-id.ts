/** The 404 of an id the service does not know, with the stable `not_found` code. */
import { notFound, type LifeguardError } from '../core/lifeguard-error.ts';

export const unknownId = (what: string, id: string): LifeguardError => notFound('not_found', `no ${what} with id '${id}'`, { id });
