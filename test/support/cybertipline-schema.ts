/**
 * NCMEC's CyberTipline XSD is read from the shared folder beside the checkout (its README states no licence
 * for redistribution, so it is not copied into the repository). Tests skip with this reason when it is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { sharedDataPath } from '../../scripts/shared-data-dir.ts';

export const cyberTiplineXsd = sharedDataPath('specs/ncmec/cybertipline-report.xsd');
const xmllint = '/usr/bin/xmllint';

/** Why schema tests cannot run here, or undefined when they can. */
export const cyberTiplineSkip: string | undefined = !existsSync(cyberTiplineXsd)
  ? `NCMEC schema not found at ${cyberTiplineXsd} (set LIFEGUARD_SHARED_DIR)`
  : !existsSync(xmllint)
    ? `${xmllint} not installed (Debian package libxml2-utils)`
    : undefined;

/** Validates XML text with `xmllint --schema`; returns xmllint's messages when invalid. */
export function validateCyberTiplineXml(xml: string): { ok: boolean; errors: string } {
  const r = spawnSync(xmllint, ['--noout', '--nonet', '--schema', cyberTiplineXsd, '-'], { input: xml, encoding: 'utf8' });
  return { ok: r.status === 0, errors: r.stderr };
}
