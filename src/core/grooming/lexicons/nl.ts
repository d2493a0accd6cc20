/** Dutch signal lexicon (see en.ts for how weights are used). */
import type { LexiconData } from '../lexicon.ts';

export const nl: LexiconData = {
  language: 'nl',
  abbreviations: { mss: 'misschien', wrm: 'waarom', hvj: 'hou van je', ff: 'even' },
  numberWords: {
    vijf: 5, zes: 6, zeven: 7, negen: 9, tien: 10, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15,
    zestien: 16, zeventien: 17, achttien: 18, negentien: 19, twintig: 20,
  },
  macros: {
    OUDERS: 'ouders|moeder|mama|mom|vader|papa|pap|broer|zus|oma|opa|familie',
    PLATFORM: 'snapchat|whatsapp|telegram|discord|instagram|kik|signal|skype|tiktok|facetime|nummer|telefoonnummer',
    FOTO: 'foto|pic|pics|fotos|selfie|selfies|video|videos|filmpje',
  },
  patterns: {
    age_probe: [[0.75, 'hoe oud ben (je|jij)', 'hoe oud', 'wat is je leeftijd', 'je leeftijd'], [0.6, '@minor in welke (klas|groep) zit je', '@minor welke groep']],
    age_disclosure: [[0.7, 'ik ben # !(min|minuten|km|euro|uur|keer)', '# jaar (oud)?', 'ik word #', 'ik ben pas #'], [0.6, '@+4 ik zit in groep #']],
    personal_info: [[0.6, 'waar woon (je|jij)', 'je adres', 'op welke school zit je', 'welke school', 'je (telefoonnummer|nummer)', 'hoe heet je echt'], [0.35, 'waar kom je vandaan', 'uit welke stad']],
    supervision_check: [[0.85, 'zijn (je )?({OUDERS}) thuis', 'is (je )?({OUDERS}) thuis', 'ben je alleen', 'alleen thuis', 'is er iemand (thuis|bij je)', 'wanneer (komen|komt) (je )?({OUDERS}) thuis', '(kijken|lezen) (je )?({OUDERS}) (op|in|mee) (je )?(telefoon|berichten)', 'doe (je|de) deur op slot', 'ben je op je kamer']],
    secrecy: [[0.9, 'vertel het aan niemand', 'zeg het tegen niemand', 'niet tegen (je )?({OUDERS}) zeggen', 'ons (kleine )?geheim', 'niemand hoeft het te weten', 'verwijder (de chat|de berichten|alles|ons gesprek)', '(je )?({OUDERS}) (zouden|zou) het niet begrijpen'], [0.5, 'onder ons', 'tussen ons', 'geheim']],
    platform_move: [[0.65, 'heb je {PLATFORM}', 'voeg me toe op {PLATFORM}', 'laten we (verder )?(praten|chatten|appen) (op|via) {PLATFORM}', 'geef me je {PLATFORM}', 'app me'], [0.6, 'prive (chatten|praten|bericht)', 'in een prive chat']],
    image_request: [[0.8, 'stuur (me )?(een |wat )?({FOTO}) (van jezelf)?', 'laat (jezelf|je) zien', 'zet je (camera|cam|webcam) aan', 'videobellen', 'wat heb je aan', 'heb je een (camera|cam|webcam)']],
    body_compliment: [[0.85, '@minor (heel |zo )?volwassen voor je leeftijd', '@minor niet zoals andere (meisjes|jongens|kinderen)'], [0.6, 'je bent (zo |heel )?(mooi|knap|sexy|heet)', 'je ziet er (zo |heel )?(mooi|knap|sexy|goed) uit', 'mooi lichaam']],
    trust_building: [[0.85, 'leeftijd is (maar|slechts) een getal', 'niemand begrijpt je zoals ik', '(je )?({OUDERS}) begrijpen je niet'], [0.6, 'je kunt me vertrouwen', 'vertrouw me', 'je bent (heel )?speciaal'], [0.4, 'ik hou van je', 'ik mis je']],
    sexual_talk: [[0.8, 'ben je (nog )?maagd', 'heb je (ooit )?(seks|gezoend)'], [0.5, 'seks', 'naakt', 'geil']],
    meeting: [[0.75, 'ik (kom je ophalen|haal je op)', 'kom naar mijn (huis|kamer|auto)', 'zeg (tegen )?(je )?({OUDERS}) dat je bij een (vriendin|vriend) bent', 'stiekem naar buiten'], [0.6, 'zullen we afspreken', 'laten we afspreken', 'wanneer kunnen we (elkaar )?zien']],
    gifts: [[0.75, 'ik koop (een|iets) voor je', 'ik geef je (geld|robux|vbucks|een cadeau)', 'wil je (robux|vbucks|geld)', 'gratis (robux|vbucks)', 'ik betaal je']],
    threat: [[0.95, 'ik stuur (je|de) ({FOTO}) naar (iedereen|je ouders|je school|je vrienden)', 'anders stuur ik', 'iedereen gaat (het|ze) zien', 'ik weet waar je woont'], [0.8, 'als je niet (stuurt|betaalt)']],
    stream_pressure: [[0.8, 'voor # (likes|volgers|coins)', 'ga naar de (badkamer|wc|douche)', 'doe (je )?(shirt|top|sokken|trui|broek) uit', 'trek (het|je shirt|je trui) uit', 'laat (je )?(voeten|benen|buik) zien', 'camera naar beneden'], [0.7, 'ik daag je uit'], [0.5, 'draai je om', 'sta op']],
  },
};
