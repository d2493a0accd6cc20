import { assessConversation } from './src/core/grooming/index.ts';
import { loadShortChats, shortChatFiles } from './scripts/eval-short-chats.ts';
for (const [name, p] of Object.entries(shortChatFiles)) {
  for (const c of loadShortChats(p)) {
    const a = assessConversation(c.messages);
    const bad = (c.label === 'benign') === a.flagged;
    if (bad) console.log(name, c.id, c.lang, c.label, c.kind, 'risk', a.risk.toFixed(2), 'learned', a.learnedScore.toFixed(2), 'rules', a.rules?.map((r: any) => r.rule).join(','), 'sig', a.signals.map((s) => s.category).join(','), 'msgs', c.messages.length, 'lang', a.language);
  }
}
