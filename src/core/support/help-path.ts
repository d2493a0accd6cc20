/** The path of the public help page on the Lifeguard service, for links in nudges and elsewhere. */

/** `/help/GB?age=child`: the page for a country key, worded for a reader group (omitted: for anyone). */
export function helpPath(countryKey: string, reader?: string): string {
  const path = `/help/${encodeURIComponent(countryKey)}`;
  return reader === undefined ? path : `${path}?age=${encodeURIComponent(reader)}`;
}
