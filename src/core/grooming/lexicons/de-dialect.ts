/**
 * Swiss German, Bavarian and Austrian chat forms folded to standard German, so the German lexicon, frames and
 * gloss read "säg niemertem nüt" as "sag niemandem nichts" and "kimm alloa" as "komm allein". Written for this
 * project from general knowledge of the dialects (no data set). Keys are normalised words (lowercase, accents
 * folded: ä→a, ö→o, ü→u); values are standard German words.
 *
 * The normaliser's word tables are shared by every language, so a key must not be a word of another lexicon
 * or gloss map (de-dialect.test.ts checks): forms that are also English, Dutch, French or Spanish words
 * ("i", "mi", "di", "de", "des", "is", "us", "net", "host", "mini") are left out here and read by the German
 * patterns only (`withDialect` below).
 */
import { wordMapEntries } from '../word-map-entries.ts';

const source = `
nod nicht | nid nicht | ned nicht | niid nicht | nuet nichts | nuut nichts | nut nichts | nunt nichts | nuscht nichts
niemer niemand | niemert niemand | niemertem niemandem | niemerem niemandem | niemertm niemandem | niemerd niemand
neamd niemand | neamad niemand | neamand niemand | niamd niemand | neamdem niemandem | neamandem niemandem
koana keiner | koaner keiner | koane keine | koan kein | koam keinem
opper jemand | oppert jemand | opperem jemandem | oppis etwas | opis etwas | eppes etwas | ebbes etwas | ebbs etwas
isch ist | hesch hast | hasch hast | hetsch hattest | hend haben | chasch kannst | chansch kannst | channsch kannst
chonnd konnen | chond konnen | chunsch kommst | chunnsch kommst | chum komm | chumm komm | chome kommen | chunt kommt
muesch musst | mues muss | muess muss | muend mussen | muasst musst | muast musst | muass muss | muas muss
wotsch willst | wetsch willst | wosch willst | wilsch willst | wuist willst | wuisst willst | sottsch solltest
gsehsch siehst | gseh sehen | weisch weisst | woast weisst | woasst weisst | woas weiss | waasst weisst
sagsch sagst | sogst sagst | sog sag | sogs sags | gsogt gesagt | verzell erzahl | verzall erzahl | verzelle erzahlen | verzellsch erzahlst
elei allein | eleige allein | elaigge allein | aleini allein | allei allein | ellei allein | alloa allein | alloans allein | aloa allein | alluan allein
dihei daheim | deheim daheim | dehei daheim | dahoam daheim | dahoim daheim | dahuam daheim | hoam heim | hoamkommen heimkommen | hoambringa heimbringen | hoamfahrn heimfahren | hoambringen heimbringen
zoag zeig | zoagst zeigst | zoagn zeigen
eltere eltern | eltre eltern | eltan eltern | mueter mutter | muetter mutter | vatter vater | muadda mutter | vadda vater
dini deine | dinere deiner | dina deine | dei dein | deina deiner | deim deinem | minere meiner
zwusche zwischen | nume nur | numme nur | abig abend | znacht abends | schriib schreib | schrib schreib | schriibsch schreibst
schribsch schreibst | schreibsch schreibst | lueg schau | luegt schaut | luege schauen | luegsch schaust | foteli foto | fotali foto
fotelis fotos | fotis fotos | bildli bild | gsi gewesen | gha gehabt | gschenk geschenk | uberraschig uberraschung | debi dabei
schaffed arbeiten | mangisch manchmal | ihne ihnen | hob hab | hobn haben | hod hat | kimm komm | kumm komm | kummst kommst
kimmst kommst | mogst magst | konnst kannst | kaunst kannst | heid heute | heit heute | heint heute | oda oder | bissl bisschen
bisserl bisschen | madl madchen | ollas alles | ois alles | wos was | wia wie | gschwind schnell | nimmer nicht mehr
buidl bild | buidln bilder | oid alt | oide alte | scho schon | oba aber | donn dann | moch mach | mochst machst | mochn machen
oans eins | oane eine | jetz jetzt | amoi einmal | amol einmal | san sind | gsagt gesagt | morgn morgen | voi voll | guat gut | guad gut | derf darf
zua zu | gsehn gesehen | lei nur | mog mag | redn reden | gschickt geschickt | glei gleich | versprochn versprochen | spui spiel | spuin spielen
hoit halt | sehn sehen | dassd dass du | mitm mit dem | freind freund | freindin freundin | freindinnen freundinnen | freinde freunde | siagt sieht
macha machen | koa kein | schicka schicken | schickn schicken | nachrichtn nachrichten | gmacht gemacht | ausschaust aussiehst | woass weiss
woasch weisst | kriagst kriegst | liab lieb | woin wollen | sogn sagen | sagn sagen | meim meinem | imma immer | mogsch magst | schui schule
olle alle | miassn mussen | miasst musst | schee schon | daham daheim | kloa klein | ausziagst ausziehst | wennsch wenn du
hobs habs | kimmt kommt | treffa treffen | zruck zuruck | schreibm schreiben | segn sehen | siach sehe | zerst zuerst | wiast wirst | essn essen
ych ich | nei nein | eifach einfach | ohni ohne | bim beim | nit nicht | morn morgen | dy dein | dyni deine | dym deinem
dynere deiner | machsch machst | schicksch schickst | guet gut | susch sonst | suscht sonst | wott will | kei kein | wusse wissen
zue zu | zame zusammen | mim mit dem | schuel schule | churz kurz | samstig samstag | sunntig sonntag | fritig freitag | cho kommen
chli bisschen | gseit gesagt | wohnsch wohnst | zersch zuerst | zerscht zuerst | mached machen | zyt zeit | mau mal | ke kein | goht geht
gheimnis geheimnis | worde geworden | bruuche brauchen | allne allen | geburi geburtstag | okei okay | meinsch meinst
mittwuch mittwoch | schriibe schreiben | frundin freundin | frundinne freundinnen | chommer kommen wir | weli welche | ghackt gehackt
wurdsch wurdest | lueged schauen | bescht beste | gseht sieht | saged sagen | treffed treffen | chunnt kommt | grosi oma | gschank geschenk
eigentlech eigentlich | viu viel | druf drauf | brueder bruder | sigsch bist | verstaht versteht | gsehnd sehen | gosch gehst | chume komme
chauf kauf | neui neue | kennsch kennst | nochher nachher | suess suss | uf auf | vo von | bi bei | dr der | ds das | dine deine
mald meld | malde melde | ufem auf dem | ufm auf dem | dim deinem | wurded wurden | verstah verstehen | verstoh verstehen | gschribe geschrieben | gschriebn geschrieben
aufgnomma aufgenommen | aufgnumma aufgenommen | aufgnommen aufgenommen | wennst wenn du | klassngruppn klassengruppe | klassngruppe klassengruppe 
hosd hast | drii drin | kriagn kriegen | kriagt kriegt | sunst sonst | schul schule | kana keiner | aufdrahst aufdrehst | woch woche | siecht sieht | schuach schuhe | rosn rosen | munzn munzen | nachtgwand schlafanzug | nochad nachher | nachad nachher | zuasperrst zusperrst | neie neue
`;

/** Dialect form → standard German (one or more words), for the German lexicon's abbreviations. */
export const deDialect: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(wordMapEntries(source).map(([k, v]) => [k, v.join(' ')])));

/**
 * Words of the German patterns that dialect writes in a form another language also uses, so it cannot be folded
 * for every text ("i" for ich, "des" for das, "de" for den, "net" for nicht): each German pattern accepts them
 * where it names the standard word (`withDialect`). The rest of the pattern is still German, so "i" or "de" in
 * an English or Dutch sentence matches nothing new.
 */
const variants: Readonly<Record<string, string>> = {
  ich: 'i|ig', mich: 'mi', dich: 'di', mir: 'ma|mer|mr', wir: 'mia|mer|mr', das: 'des', die: 'd', den: 'de', der: 'de',
  nicht: 'net', ist: 'is', hast: 'host', hat: 'hot|het', mein: 'mei', meine: 'mei|mini', ein: 'a|e', eine: 'a|e',
  auch: 'au|aa', uns: 'us|eus', mal: 'moi|mol',
};
const variantRe = new RegExp(`(?<![a-z{*])(${Object.keys(variants).join('|')})(?![a-z}*])`, 'g');

/** A German pattern that also accepts the dialect forms of its words (see `variants`). */
export function withDialect(pattern: string): string {
  return pattern.replace(variantRe, (w) => `(${w}|${variants[w]})`);
}
