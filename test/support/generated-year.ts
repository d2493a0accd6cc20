/**
 * A generated year of cases for statistics pages (benign: no media, made-up account ids), written straight
 * into the case store (events and read rows) so the cases can be spread over the months of any year. The
 * totals that matter are known by construction: 54 cases, 9 per source, 3 to 6 a month.
 */
import type { Assessment } from '../../src/core/cases/assessment.ts';
import type { IntakeData, NewCaseEvent } from '../../src/core/cases/case-event.ts';
import type { CaseEvidence, CaseSource } from '../../src/core/cases/case-sources.ts';
import type { ReviewPolicy } from '../../src/core/cases/review-policy.ts';
import { publicReportIdPrefix } from '../../src/core/support/public-report-choices.ts';
import { withWriteTransaction } from '../../src/queue/write-transaction.ts';
import { appendCaseEvents, lockCases, saveCaseRow } from '../../src/store/case-store.ts';
import type { Database } from '../../src/store/database.ts';

const hour = 3_600_000;
const kinds = ['known_content', 'conversation', 'live_stream', 'report', 'public_report', 'age_appeal'] as const;

const reportEvidence = (id: string): CaseEvidence => ({ kind: 'report', id, summary: 'a report', key: `report:${id}` });

/** What the generated year holds, by construction. */
export const generatedYearCounts = { reports: 54, perSource: 9, perMonth: [3, 4, 5, 6, 3, 4, 5, 6, 3, 4, 5, 6] } as const;

/** The events of each generated case opened in `year` (one list per case, in order). */
export function generatedYear(year: number): NewCaseEvent[][] {
  const out: NewCaseEvent[][] = [];
  let i = 0;
  for (let m = 0; m < 12; m++) {
    for (let k = 0; k < generatedYearCounts.perMonth[m]!; k++, i++) {
      const kind = kinds[i % kinds.length]!;
      const source: CaseSource = kind === 'public_report' ? 'report' : kind;
      const caseId = `case_gen_${year}_${String(i).padStart(3, '0')}`;
      const at = Date.UTC(year, m, 2 + k * 5, 9 + (i % 8));
      const evidence: CaseEvidence[] =
        kind === 'known_content' ? [{ kind: 'content', id: `upload-${i}`, summary: 'generated pattern', key: `content:upload-${i}` }]
        : kind === 'live_stream' ? [{ kind: 'frame', id: `frame-${i}`, summary: 'generated pattern', key: `frame:frame-${i}` }]
        : kind === 'report' || kind === 'public_report' ? [reportEvidence(`${kind === 'public_report' ? publicReportIdPrefix : 'api-report-'}${i}`)]
        : [];
      const intake: IntakeData = { source, priority: 'other', trigger: { source, severity: 'high', evidenceKinds: [] }, subjects: [{ type: 'account', id: `acct-gen-${i}` }], evidence, reasons: ['generated'], requiredRole: 'child_safety_reviewer' };
      const events: NewCaseEvent[] = [{ caseId, kind: 'opened', at, actor: 'system', data: intake }];
      const ev = (e: Omit<NewCaseEvent, 'caseId' | 'actor'> & { actor?: string }) => events.push({ caseId, actor: 'rev-gen', ...e } as NewCaseEvent);
      if (kind === 'age_appeal') {
        // Every sixth case: upheld, rejected and still open in turn.
        const turn = Math.floor(i / kinds.length) % 3;
        if (turn !== 2) ev({ kind: 'closed', at: at + 20 * hour, data: { outcome: turn === 0 ? 'actioned' : 'no_action' } });
      } else if (i % 5 < 3) {
        const assessment: Assessment = {
          ukCategory: (['A', 'B', 'C'] as const)[i % 3]!,
          ageBand: (['7-10', '11-13', '14-15', '16-17'] as const)[i % 4]!,
          sexAsSeen: (['female', 'male', 'female', 'male', 'unclear'] as const)[Math.floor(i / 3) % 5]!,
          selfGenerated: (['yes', 'no', 'unknown'] as const)[i % 3]!,
        };
        ev({ kind: 'assessed', at: at + 10 * 60_000, data: { assessment } });
        const dt = (1 + (i % 7)) * hour;
        ev({ kind: 'actioned', at: at + dt, data: { actionId: `a${i}`, action: { kind: 'suspend_account' }, target: { type: 'account', id: `acct-gen-${i}` }, status: 'done' } });
        if (kind === 'known_content' || kind === 'live_stream') {
          ev({ kind: 'actioned', at: at + dt + hour, data: { actionId: `r${i}`, action: { kind: 'mark_for_referral' }, target: { type: 'case', id: caseId }, status: 'done' } });
          // Half of them sent (the CyberTipline is the destination the service sends to), the rest only marked.
          if (Math.floor(i / kinds.length) % 2 === 0) ev({ kind: 'referral_sent', at: at + dt + 3 * hour + (i % 4) * hour, data: { destination: 'ncmec_cybertipline', referralId: `${caseId}:ncmec_cybertipline`, reportId: `tip-${i}` } });
        }
      } else {
        ev({ kind: 'actioned', at: at + 2 * hour, data: { actionId: `d${i}`, action: { kind: 'dismiss', reason: 'not_violating' }, target: { type: 'case', id: caseId }, status: 'done' } });
      }
      out.push(events);
    }
  }
  return out;
}

/** Writes the cases (events and read rows) into `database`. */
export async function seedCases(database: Database, policy: ReviewPolicy, cases: readonly NewCaseEvent[][]): Promise<void> {
  await withWriteTransaction(database, async (trx) => {
    await lockCases(trx, database.kind);
    for (const events of cases) await saveCaseRow(trx, '', await appendCaseEvents(trx, events), policy);
  });
}
