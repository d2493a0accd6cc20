/**
 * What a search box shows when a query matches a keyword list of terms used to look for child sexual abuse
 * material: a plain warning and where to get confidential help to stop, as regulators' codes ask. Shown
 * instead of results; never an accusation (the words may have been typed for other reasons).
 */

export interface Deterrence {
  message: string;
  resources: { name: string; contact: string; url: string }[];
}

const stopItNowUk = { name: 'Stop It Now (confidential, anonymous)', contact: '0808 1000 900', url: 'https://www.stopitnow.org.uk' };
const stopItNowUs = { name: 'Stop It Now (confidential)', contact: '1-888-773-8368', url: 'https://www.stopitnow.org' };

const message =
  'No results. These search words are linked to sexual images of children. Looking at, sharing or making such images is illegal and harms real children. If you are worried about your own thoughts or behaviour, confidential help is available.';

/** The deterrence text and help resources for a searcher's country (ISO 3166-1 alpha-2; default: international). */
export function searchDeterrence(country?: string): Deterrence {
  const c = (country ?? '').toUpperCase();
  const resources = c === 'GB' || c === 'UK' || c === 'IE' ? [stopItNowUk] : c === 'US' ? [stopItNowUs] : [stopItNowUs, stopItNowUk];
  return { message, resources };
}
