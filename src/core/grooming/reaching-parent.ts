/**
 * A caller trying to reach a parent: "is your mum home? my phone won't ring her", "are your parents home? i'm
 * trying to call them", "tell her to ring me". Grandparents, neighbours and teachers ask whether a parent is home
 * to talk to the parent ("is your dad home? i need a word with him about the bill", "ist deine mama da? sie wollte
 * noch was wegen dem termin wissen"); someone checking who is watching does not ask for the parent. So does someone the parents
 * sent: a babysitter or tutor at the door names the parents' arrangement ("are your parents home? i'm at the door,
 * they said 6", "sind deine eltern schon weg? deine mama hat gesagt um 7"). In such a message the supervision
 * checks weigh REACHING_FACTOR as much (they stay as evidence).
 */
import { dampWhere } from './damp-where.ts';

/** What is left of a supervision check in a message that tries to reach the parent. */
export const REACHING_FACTOR = 0.3;

/** The parent as the normaliser writes it ("mum", "mummy" → "mom"; "ur" → "your"). */
const P = String.raw`(them|her|him|your (mom|dad|parents|mother|father|mama|papa))`;

/** Trying to reach the parent, over normalised text (lower case, accents folded, apostrophes dropped), in en/de/nl/fr/es. */
const REACHING = new RegExp(
  String.raw`(?<= )(?:` +
    [
      String.raw`(trying to|try to|need to|want to|wanted to|have to|got to|can i|could i|let me|cant|couldnt) (call|ring|phone|reach|talk to|speak to|speak with|talk with|get hold of|get a hold of|get through to) ${P}`,
      String.raw`(my phone|my calls?|i) (wont|cant|couldnt|doesnt|isnt) (ring|reach|get through to|get hold of|connect to) (her|him|them)`,
      String.raw`(she|he|they|your (mom|dad)) (isnt|arent|wont|doesnt|dont|is not|are not) (answering|picking up|answer|pick up)`,
      String.raw`(tell|ask) ${P} to (call|ring|text|phone|message) me`,
      String.raw`(ich )?(erreiche|erreich) (sie|ihn|deine (mama|mom|mutter)|deinen (papa|dad|vater)) nicht`,
      String.raw`sag (ihr|ihm|deiner (mama|mom|mutter)|deinem (papa|dad|vater)) (sie|er) soll (mich )?(anrufen|zuruckrufen)`,
      String.raw`ik (kan|krijg) (haar|hem|je (moeder|vader|mama|papa|mom|dad)) niet (bereiken|te pakken)`,
      String.raw`(zeg|vraag) (haar|hem|je (moeder|vader|mama|papa|mom|dad)) (om )?(me|mij) (terug )?(te )?bellen`,
      String.raw`jarrive pas a (la|le|les) joindre`,
      String.raw`dis (lui |a ta (mere|maman|mom) |a ton (pere|papa|dad) )?de me rappeler`,
      String.raw`no (la|le|lo|les) (localizo|encuentro)`,
      String.raw`dile (a tu (madre|padre|mama|papa|mom|dad) )?que me llame`,
      // Wanting a word with the parent about something ("i need a word with her about the bill").
      String.raw`(want|need|wanted|would like|have) (a|a quick) (word|chat) with ${P}`,
      String.raw`(discuss|sort out|go over)( \S+){1,4} with ${P}`,
      String.raw`(ich )?(will|mochte|muss|wollte) (sie|ihn|deine (mama|mom|mutter|eltern)|deinen (papa|dad|vater)) (\S+ )?(anrufen|sprechen)`,
      String.raw`(will|mochte|muss|wollte) (\S+ ){0,2}mit (ihr|ihm|ihnen|deiner (mama|mom|mutter)|deinem (papa|dad|vater)|deinen eltern) (\S+ ){0,4}(reden|sprechen|besprechen|klaren)`,
      String.raw`(sie|er|deine (mama|mom|mutter)|dein (papa|dad|vater)) wollte (noch )?(was|etwas) (wegen|uber|zum|zur|zu)`,
      String.raw`(wil|moet|wou|wilde) (ze|haar|hem|je (moeder|vader|mama|papa|mom|dad|ouders)) (\S+ )?(bellen|spreken)`,
      String.raw`(wil|moet|wou|wilde) (\S+ ){0,5}met (haar|hem|ze|hun|je (moeder|vader|mama|papa|mom|dad|ouders)) (\S+ )?(bespreken|overleggen|regelen)`,
      String.raw`je (dois|veux|voudrais|voulais|aimerais) (lui|leur) (parler|telephoner)`,
      String.raw`je (dois|veux|voudrais|voulais|aimerais) parler a (ta (mere|maman|mom)|ton (pere|papa|dad)|tes parents)`,
      String.raw`(elle|il|ta (mere|maman|mom)|ton (pere|papa|dad)) voulait (savoir|me demander|te demander)`,
      String.raw`(quiero|necesito|tengo que|queria) (hablar con (ella|el|ellos|tu (madre|padre|mama|papa|mom|dad)|tus padres)|llamarla|llamarlo|llamarlos)`,
      String.raw`(ella|el|tu (madre|padre|mama|papa|mom|dad)) queria (saber|preguntar)`,
      // Sent by the parent: the arrangement is theirs ("they said 6", "your mum asked me to come at 7").
      String.raw`(they|${P}) (said|told me|asked me|booked me|wants me|want me|texted me)(?!( \S+){0,4} alone)`,
      String.raw`(sie|er|deine (mama|mom|mutter|eltern)|dein (papa|dad|vater)) (hat|haben) (gesagt|mich gebeten|mir geschrieben|mich gebucht)`,
      String.raw`(ze|zij|hij|je (moeder|vader|mama|papa|mom|dad|ouders)) (zei|zeiden|zeggen|vroeg|vroegen|heeft gezegd|hebben gezegd|heeft gevraagd|hebben gevraagd|appte|appten)`,
      String.raw`(ils|elle|il|ta (mere|maman|mom)|ton (pere|papa|dad)|tes parents) (mont dit|ma dit|mont demande|ma demande|ont dit|a dit)`,
      String.raw`(tu (madre|padre|mama|papa|mom|dad)|tus padres) (me dijo|me dijeron|me pidio|me pidieron|dijo|dijeron)`,
    ].join('|') +
    ')(?= )',
);

/**
 * Damps, in place, the supervision checks of a message that tries to reach the parent. `unsplit` is the message
 * before words run together were split, when they were: a split can cut a word of the pattern ("zei" → "ze i").
 */
export const dampReachingParent = dampWhere(REACHING, 'supervision_check', REACHING_FACTOR);
