/** German signal lexicon (see en.ts for how weights are used). Written without umlauts: text is folded. */
import type { LexiconData } from '../lexicon.ts';

export const de: LexiconData = {
  language: 'de',
  abbreviations: { hdl: 'hab dich lieb', hdgdl: 'hab dich lieb', vllt: 'vielleicht', biste: 'bist du', haste: 'hast du', bisch: 'bist', kp: 'kein plan' },
  numberWords: {
    funf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwolf: 12, dreizehn: 13, vierzehn: 14,
    funfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19, zwanzig: 20,
  },
  macros: {
    ELTERN: 'eltern|mutter|mama|mami|vater|papa|papi|bruder|schwester|oma|opa|familie',
    PLATFORM: 'snapchat|whatsapp|telegram|discord|instagram|kik|signal|skype|tiktok|facetime|threema|nummer|handynummer',
    BILD: 'foto|fotos|pic|pics|bild|bilder|selfie|selfies|video|videos',
  },
  patterns: {
    age_probe: [[0.75, 'wie alt bist (du)?', 'wie alt', 'dein alter', 'wie alt bist du eigentlich'], [0.6, '@minor in welche klasse gehst du', '@minor welche klasse', 'bist du (noch )?(minderjahrig|unter 18|uber 18|volljahrig)']],
    age_disclosure: [[0.7, 'ich bin # !(min|minuten|km|euro|uhr|stunden|mal)', 'bin # !(min|minuten|km|euro|uhr|stunden|mal)', '# jahre (alt)?', '# jahre', 'ich werde # ', 'ich bin erst #'], [0.6, '@+6 ich bin in der # (te )?klasse', '@+6 ich gehe in die # (te )?klasse']],
    personal_info: [[0.6, 'wo wohnst du', 'deine adresse', 'auf welche schule gehst du', 'welche schule', 'deine (handynummer|telefonnummer)', 'wie heisst du (richtig|mit nachnamen)'], [0.35, 'woher kommst du', 'aus welcher stadt']],
    supervision_check: [[0.85, 'sind (deine )?({ELTERN}) (zu hause|zuhause|da|weg|wach|daheim)', 'ist (deine |dein )?({ELTERN}) (zu hause|zuhause|da|weg|wach|daheim)', 'bist du allein', 'bist du alleine', 'allein zu hause', 'alleine zu hause', 'ist (noch )?jemand (bei dir|zu hause|da)', 'wann kommen (deine )?({ELTERN}) (nach hause|heim|zuruck)', '(lesen|kontrollieren) (deine )?({ELTERN}) (deine nachrichten|deine chats|dein handy)', 'schliess (die|deine) tur ab', 'bist du in deinem zimmer']],
    secrecy: [[0.9, 'sag es niemandem', 'sags niemandem', 'sag (niemandem|keinem) (davon|was)', 'erzahl (es )?niemandem', 'sag (es )?nicht deinen ({ELTERN})', 'unser (kleines )?geheimnis', 'das bleibt unter uns', 'niemand muss (es|das) wissen', '(losch|losche) (den chat|die nachrichten|alles|unseren chat)', '(deine )?({ELTERN}) (wurden|wurde) das nicht verstehen'], [0.5, 'unter uns', 'geheim', 'geheimnis']],
    platform_move: [[0.65, 'schreib mir (auf|bei) {PLATFORM}', 'hast du {PLATFORM}', 'add mich (auf|bei) {PLATFORM}', 'lass uns (auf|bei|uber) {PLATFORM} (schreiben|reden|weiterschreiben)', 'gib mir deine (nummer|handynummer|{PLATFORM})'], [0.6, 'privat (schreiben|chatten|reden)', 'im privaten chat']],
    image_request: [[0.8, 'schick (mir )?(mal )?(ein |eins |ein paar )?({BILD}) (von dir)?', 'zeig (mir )?dich', 'zeig mal', 'mach (die|deine) (kamera|cam|webcam) an', 'videoanruf', 'was hast du an', 'hast du (eine )?(kamera|cam|webcam)']],
    body_compliment: [[0.85, '@minor (so |sehr )?reif fur dein alter', '@minor erwachsen fur dein alter', '@minor nicht wie die anderen (madchen|jungs|kinder)'], [0.6, 'du bist (so |sehr |echt )?(hubsch|sexy|heiss|wunderschon)', 'du siehst (so |sehr |echt )?(gut|hubsch|sexy|heiss) aus', '(schoner|geiler) korper']],
    trust_building: [[0.85, 'alter ist nur eine zahl', 'niemand versteht dich so (wie ich|gut wie ich)', '(deine )?({ELTERN}) verstehen dich nicht'], [0.6, 'du kannst mir vertrauen', 'vertrau mir', 'du bist (etwas )?besonders', 'du bist was besonderes'], [0.4, 'hab dich lieb', 'ich liebe dich', 'ich vermisse dich']],
    sexual_talk: [[0.8, 'bist du (noch )?jungfrau', 'hast du schon mal (sex|geküsst|gekusst)'], [0.5, 'sex', 'nackt', 'geil']],
    meeting: [[0.75, 'ich (hol|hole) dich ab', 'ich kann dich abholen', 'komm zu mir', 'sag (deinen )?({ELTERN}) du bist bei (einer freundin|einem freund)', 'schleich dich raus'], [0.6, 'wollen wir uns treffen', 'lass uns (mal )?treffen', 'treffen wir uns', 'wann konnen wir uns sehen']],
    gifts: [[0.75, 'ich (kauf|kaufe|schenk|schenke) dir', 'ich (geb|gebe) dir (geld|robux|vbucks|coins|ein geschenk)', 'willst du (robux|vbucks|geld|coins)', 'gratis (robux|vbucks|coins)', 'ich bezahl dich']],
    threat: [[0.95, 'ich (schick|schicke|zeig|zeige) (die|deine) ({BILD}) ~2 (an|allen) (alle|deine eltern|deine schule|deine freunde)?', 'sonst (zeig|schick|poste) ich', 'alle werden (es|die bilder|die fotos) sehen', 'ich weiss wo du wohnst'], [0.8, 'wenn du nicht (schickst|zahlst|bezahlst)']],
    stream_pressure: [[0.8, 'fur # (likes|follower|coins|rosen)', 'geh (ins|in das) (bad|badezimmer|klo)', 'zieh (dein |deine |das |die )?(shirt|top|socken|pulli|hose|jacke) aus', 'zieh es aus', 'zeig (uns |mir )?(deine )?(fusse|beine|bauch)', '(kamera|cam) (runter|nach unten)'], [0.7, 'ich fordere dich heraus', 'mach es fur'], [0.5, 'dreh dich um', 'steh auf']],
  },
};
