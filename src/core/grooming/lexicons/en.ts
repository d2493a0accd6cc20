/**
 * English signal lexicon. Weights are the strength of one occurrence in (0, 1]; context (who says it to whom)
 * and combinations are applied later by the risk model, so a single phrase here is never a verdict.
 */
import type { LexiconData } from '../lexicon.ts';

const units =
  '!(min|mins|minute|minutes|hour|hours|hr|hrs|h|km|miles|mile|mi|meters|metres|percent|pm|am|dollars|bucks|euros|pounds|quid|kg|lbs|lb|times|x|days|day|weeks|week|months|month|seconds|secs|sec|ft|feet|foot|inches|inch|cm|oclock|more|of|out|on|in|and|or|to|at|for|minutes|k)';

export const en: LexiconData = {
  language: 'en',
  abbreviations: {
    u: 'you', ur: 'your', urs: 'yours', r: 'are', yu: 'you', yuo: 'you', youre: 'you are', urself: 'yourself',
    pls: 'please', plz: 'please', plx: 'please', pleez: 'please',
    wbu: 'what about you', hbu: 'how about you', wyd: 'what are you doing', wru: 'where are you', hru: 'how are you',
    rn: 'right now', atm: 'at the moment', bf: 'boyfriend', gf: 'girlfriend', bff: 'best friend', bday: 'birthday',
    pic: 'pic', pix: 'pics', pik: 'pic', piks: 'pics', pictures: 'pics', picture: 'pic', photos: 'pics', photo: 'pic',
    vid: 'video', vids: 'videos', msg: 'message', msgs: 'messages', txt: 'text', ppl: 'people', prnts: 'parents',
    rents: 'parents', 'b4': 'before', 'l8r': 'later', 'gr8': 'great', 'm8': 'mate', '2day': 'today', '2nite': 'tonight',
    '2moro': 'tomorrow', '2morrow': 'tomorrow', tmrw: 'tomorrow', tmr: 'tomorrow', '4u': 'for you', 'w8': 'wait',
    cuz: 'because', coz: 'because', cos: 'because', bc: 'because', bcuz: 'because', thru: 'through',
    wanna: 'want to', gonna: 'going to', gotta: 'got to', lemme: 'let me', gimme: 'give me', wat: 'what', wut: 'what',
    whatcha: 'what are you', wht: 'what', dat: 'that', da: 'the', ya: 'you', yah: 'yeah', luv: 'love', lv: 'love',
    ily: 'i love you', ilu: 'i love you', ilysm: 'i love you', omw: 'on my way', irl: 'in real life', sc: 'snapchat',
    snap: 'snapchat', insta: 'instagram', ig: 'instagram', wa: 'whatsapp', whatsap: 'whatsapp', tt: 'tiktok',
    iam: 'i am', ima: 'im going to',
    sexi: 'sexy', sxy: 'sexy', secks: 'sex', noods: 'nudes', noodz: 'nudes', nudez: 'nudes', nudies: 'nudes',
    vbucks: 'vbucks', bby: 'baby', bae: 'baby', yrs: 'years', yr: 'year', yrold: 'year old',
    mum: 'mom', mam: 'mom', mommy: 'mom', mummy: 'mom', momma: 'mom', mother: 'mom', father: 'dad', daddy: 'dad',
    tele: 'telegram', tg: 'telegram', disc: 'discord', hmu: 'hit me up', piccy: 'pic', piccie: 'pic',
    piccies: 'pics', piccys: 'pics', pixs: 'pics', picz: 'pics', snd: 'send', sendd: 'send',
    screenie: 'screenshot', screenies: 'screenshots', ss: 'screenshot', vbux: 'vbucks', btc: 'bitcoin', facetym: 'facetime',
    skool: 'school', gurl: 'girl', grl: 'girl', boi: 'boy', cam: 'cam', webcam: 'cam', wc: 'cam',
  },
  numberWords: {
    five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
    fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
  },
  macros: {
    PARENT: 'mom|dad|parents|parent|folks|family|brother|sister|sis|grandma|grandpa|nan|stepdad|stepmom|guardian|carer|foster parents',
    PIC: 'pic|pics|selfie|selfies|image|images|nudes|nude|video|videos|snapchat|snaps',
    SEND: 'send|show|give|post|share|take|sent',
    PLATFORM:
      'snapchat|whatsapp|whats app|kik|telegram|discord|element|matrix|instagram|skype|facetime|signal|wickr|viber|wechat|tiktok|messenger|facebook|email|e mail|number|phone number|cell|cell number|mobile|yahoo|msn|aim|hangouts|zoom|omegle|line|twitter|reddit|session|threema',
    CLOTHES: 'bikini|swimsuit|swimming costume|underwear|undies|pajamas|pyjamas|bra|panties|towel|nightie|skirt|shorts|leggings',
    BODYPART: 'body|legs|lips|figure|curves|butt|bum|ass|chest|boobs|feet|thighs|hips|belly|tummy|skin',
    SHARE: 'send|share|post|show|leak|forward|upload|spread|publish|sending|sharing|posting|leaking|uploading|forwarding|showing',
    MATERIAL: 'pic|pics|nudes|nude|video|videos|recording|recordings|clip|clips|stream|screenshots|screenshot|snaps|snapchat|images|image|selfies|selfie|recording of you|live stream',
    OBJ: 'it|them|this|that|these|those|everything|all of it|the one|the ones|what i have|your ({MATERIAL})|the ({MATERIAL})|those ({MATERIAL})|these ({MATERIAL})|all your ({MATERIAL})|ur ({MATERIAL})|your (chats|messages|texts|secrets)',
    AUDIENCE:
      'everyone|everybody|the whole school|online|everywhere|the internet|social media|your (school|family|{PARENT}|friends|followers|contacts|class|classmates|teachers|teacher|class group|group chat|page|profile|coach|team|whole school|class chat|school chat)|all your (friends|followers|contacts|classmates)',
    PAYMENT: 'gift card|gift cards|steam card|steam cards|amazon card|amazon cards|itunes card|itunes cards|google play card|google play cards|paysafe|paysafecard|paysafe cards|bitcoin|crypto|btc|cashapp|paypal|venmo',
    THINGS:
      'homework|worksheet|work sheet|notes|timetable|schedule|id|id card|student card|passport|certificate|document|documents|permission slip|signed form|registration form|medical form|insurance card|licence|license|dog|puppy|puppies|cat|kitten|kittens|bunny|rabbit|hamster|pet|pets|fish|horse|cake|food|dinner|lunch|car|bike|house|garden|drawing|book|answers|screen|receipt|ticket|tickets|map|menu|essay|project|assignment|whiteboard|board|kit|kits|shoes|trainers|venue|view|lake|trip|match|game|score|results|report|form|letter|bill|invoice|recipe|painting|room number|new haircut|nails',
    CURRENCY: 'robux|vbucks|v bucks|coins|gems|diamonds|tokens|credits|skins|gift card|gift cards|itunes card|steam card|paypal|cashapp|venmo|roses|stars|points',
  },
  patterns: {
    age_probe: [
      [0.75, 'how old are you', 'how old r you', 'how old is you', 'how old you are', 'what is your age', 'whats your age', 'your age', 'age please', 'what age are you'],
      [0.7, 'asl', 'a s l', 'age sex location', 'age sex loc'],
      [0.6, 'when were you born', 'what year were you born', '@minor what grade are you (in)?', '@minor what grade you in', '@minor what year are you in', '@minor are you in (middle|high|elementary|primary|secondary|junior) school', 'are you still in school', 'how young are you'],
      [0.55, 'are you (over|under|above|below) #', 'are you (even|really|actually)? # !(min|minutes|km|miles)', 'you (must|gotta|have to) be (like )?#', 'you look (like|about)? # !(min|minutes)', 'you sound (so )?young', 'are you a (kid|minor|teen|teenager)', 'are you legal', 'you are young', 'you look young'],
    ],
    age_disclosure: [
      [0.7, `im # ${units}`, `i am # ${units}`, `im only # ${units}`, `i am only # ${units}`, `im just # ${units}`, '# (yo|years old|year old|yrs old|year|years|y o)', 'im # and', 'turning # (this|next|in|on)', 'ill be # (this|next|in|on)', 'just turned #', 'i turn # (this|next|in|on)'],
      [0.6, '# (f|m|female|male|girl|boy)', 'age #', 'my age is #', 'i am age #'],
      [0.6, '@+5 im in # (th|st|nd|rd)? grade', '@+5 in # (th|st|nd|rd)? grade', '@+5 # (th|st|nd|rd) grade', '@+5 im a # (th|st|nd|rd) grader', '@+4 im in year # !(of)', '@+4 in year # at school'],
      [0.6, 'im in (middle|junior|elementary|primary) school', 'im (a|still a) (minor|kid)', 'im underage', 'i am underage', 'im not 18', 'i am not 18', 'im not old enough'],
    ],
    personal_info: [
      [0.6, 'where do you live', 'where you live', 'what is your address', 'whats your address', 'your (home )?address', 'what street', 'which street', 'send me your location', 'share your location', 'your zip code', 'your postcode', 'your post code'],
      [0.55, 'what school do you (go to|attend)', 'which school', 'what school', 'whats your school', 'your school called', 'where do you go to school', 'where is your school'],
      [0.5, 'whats your (real|full|last)? name', 'what is your (real|full|last)? name', 'your (real|full|last) name', 'whats your number', 'your phone number', 'give me your number'],
      [0.35, 'where are you from', 'where you from', 'what (city|town|state|country)', 'whereabouts', 'what part of', 'near you', 'how far (are you|from)'],
    ],
    supervision_check: [
      [0.85, '(when|while) (no one|nobody|no body) (is|s) (home|around|there|watching|awake|in)', '(do|does) (they|she|he) (check|read|look at|go through|see) (your|ur) (phone|messages|texts|chats|dms)', '(is|are)? (your )?{PARENT} (out|away|asleep|gone|working) (tonight|today|now|right now|late|all night|this weekend)', 'are (your )?{PARENT} (home|around|there|in|awake|asleep|sleeping|gone|out|away|at work|watching|looking|nearby|near|in the room|downstairs|upstairs)', 'is (your )?{PARENT} (home|around|there|in|awake|asleep|sleeping|gone|out|away|at work|watching|looking|nearby|near|in the room|downstairs|upstairs)', 'your {PARENT} (home|around|there|awake|asleep|gone|out|away|watching|nearby)'],
      [0.85, 'are you (home )?alone', 'you (home )?alone', 'home alone', 'anyone (else )?(home|around|with you|there|watching|in the room)', 'is anyone (else )?(home|around|with you|there|watching|in the room)', 'anybody (home|around|with you|watching)', 'who (else )?is (home|there|with you|in the room)', 'by yourself', 'the house to yourself', 'house to yourself'],
      [0.8, 'when (do|does|will) (your )?{PARENT} (get|come|be) (home|back)', 'when (are|is) (your )?{PARENT} (home|back|leaving|going out)', 'what time (do|does) (your )?{PARENT} (go to|get|come) (bed|sleep|work|home|back)', 'where are (your )?{PARENT}', 'where is (your )?{PARENT}'],
      [0.85, '(do|does) (your )?{PARENT} (check|read|look at|see|go through|monitor|know about) your (phone|messages|texts|chats|computer|laptop|tablet|ipad|account)', 'can (your )?{PARENT} see (this|your screen|what you|your messages)', '(do|does) (your )?{PARENT} know (you are|youre|about|you talk)', 'are (your )?{PARENT} strict', 'is (your )?{PARENT} strict'],
      [0.75, 'are you in your (room|bedroom|bed)', 'is your door (locked|closed|shut)', '(lock|close|shut) (the|your) door', 'can you (lock|close) (the|your) door'],
    ],
    secrecy: [
      [0.9, '(so|that|then) (your )?{PARENT} (dont|do not|cant|cannot|wont|doesnt|does not|will not) (see|know|find out|notice)', '(no need|dont need|you dont have|you do not have|dont have) to tell (anyone|anybody|your {PARENT}|them|her|him)', '(your )?{PARENT} (doesnt|dont|does not|do not) (need|have) to know', 'dont mention (me|this|us|it|our chat) to', '(this|it|that|everything) (stays|is|remains) (between us|between you and me|our secret)', 'dont tell (anyone|anybody|(your )?{PARENT}|your friends|no one|nobody|them|your teacher)', 'do not tell (anyone|anybody|(your )?{PARENT}|your friends|no one|nobody|them)', 'dont (let|you let) (them|(your )?{PARENT}|anyone|anybody) (know|see|find out)', 'promise (you )?(wont|will not|not to|you will not) tell', 'you cant tell (anyone|anybody|(your )?{PARENT}|no one|them)', 'never tell (anyone|anybody|(your )?{PARENT})'],
      [0.85, 'keep (this|it|that|us|our chat|our chats|our talks|what we) ~2 (a )?(secret|between us|between you and me|private|quiet|to yourself|on the down low|on the dl)', 'our (little )?secret', 'between (us|you and me|me and you) ~1 (ok|okay|right|yeah)?', 'just between (us|you and me|me and you)', 'no one (needs|has|have) to know', 'nobody (needs|has|have) to know', 'no one will (know|find out)', 'nobody will (know|find out)', '(your )?{PARENT} (wouldnt|would not|wont|will not|dont|do not) (understand|get it|approve)', 'they (wouldnt|would not|wont|will not) understand'],
      [0.8, '(disappearing|vanishing|self destructing|secret|hidden) (messages|mode|chat|chats|photos)', '(turn on|use|switch on|put on) (vanish|disappearing|secret) (mode|messages|chat)', 'delete (the|this|these|our|my|your|all)? (chat|chats|messages|message|texts|conversation|convo|history|pics|pic|photos|app)', 'delete (it|them|everything) after', 'clear (the|your) (history|chat|messages)', 'hide (it|this|the app|our chats|our messages|your phone) from', 'use (a )?(secret|hidden|vanish|disappearing) (mode|chat|account|app)', 'vanish mode'],
      [0.6, 'no one can see', 'nobody can see', 'no one will see (us|it|this)', 'nobody will see (us|it|this)'],
      [0.6, 'just (us|the two of us|you and me|me and you)'],
      [0.5, 'can you keep a secret', 'keep a secret', 'good at (keeping )?secrets', 'secret', 'secrets', 'secretly'],
      [0.3, 'shh', 'shhh'],
    ],
    platform_move: [
      [0.65, '(hit me up|add me|message me|msg me|dm me|find me|follow me|text me|write me|call me) (on|in|at|over|via) {PLATFORM}', '(whats|what is|drop|send me|give me|tell me) (your|ur) (at|handle|username|user name|user|tag|id|{PLATFORM} name|{PLATFORM} handle)', '{PLATFORM} (instead|is better|is more private|its more private)', '(its|it is) more private (on|there)', 'add me on {PLATFORM}', '(whats|what is|give me|send me|drop) your {PLATFORM}', 'do you have {PLATFORM}', 'you (have|got) {PLATFORM}', 'lets (talk|chat|move|go|continue|switch|text) (on|to|over to|in) {PLATFORM}', '(talk|chat|text|message|dm|write|pm) me on {PLATFORM}', 'my {PLATFORM} is', 'switch to {PLATFORM}', 'download {PLATFORM}', 'get {PLATFORM}', 'move to {PLATFORM}', 'on {PLATFORM} instead'],
      [0.6, 'more private', '(private|priv) (chat|room|message|messages|call)', 'somewhere (more )?private', 'where (we|no one) can (talk|be|see) (alone|private|privately|us)?', 'go private', 'move (this|it)? to (private|dm|dms|pm)', 'message me (privately|in private)', '(a|another|other|different) (app|site|platform|account)', 'less people', 'fewer people', 'not on here'],
      [0.35, 'dm me', 'pm me', 'text me', 'call me', 'can i call you', 'inbox me'],
    ],
    image_request: [
      [0.8, '{SEND} (me )?(a |an |some |more |another |one |a few |a couple |a couple of |few |one more |1 more |2 |3 |some more |new |recent |your )?(pic|pics|selfie|selfies|nudes|nude|snaps|video|videos|picture) !(of (the|your|my|our|his|her|this|that|these|those|a|an)? ~2 ({THINGS})|from the|to the group)', '(got|have|any|u got|you got) (any )?(new |recent )?(pics|nudes|selfies|snaps)', 'show me what you look like', '(turn|put|switch|get) (your|the|ur)? (cam|camera|video|webcam) on', 'switch on (your|the) (cam|camera|webcam)', 'can you (turn|put|switch) (on )?(your|the) (cam|camera|webcam)', '(move|point|tilt|turn) (the|your) (cam|camera) ~3 (see|down|lower|closer|more|of you|at you)', 'show (me|us) (your|ur) (room|bedroom|bed) (on (cam|camera|video))?', 'for (a |some |a few |one |more |your |1 |2 )(pic|pics|nudes|selfie|selfies|video|videos)', '{SEND} (me )?(a )?(pic|pics|video) of (you|yourself|your !(~1 ({THINGS})))', '{SEND} (me )?(a |some )?(full body|body|naked|nude|private|sexy|cute|hot|bed|bedroom|bathroom|mirror) (pic|pics|selfie|selfies|video|videos|shot|shots)', 'can i see (you|a pic|your face|your body|more|you in|what you look like)', 'let me see (you|your|more|what you)', 'show me (you|your|yourself|more|what you look like|what youre wearing)', 'take (a |some )?(pic|pics|selfie|video) (for me|of you|of yourself)', 'full body (pic|pics|selfie|selfies|shot|shots)', 'nudes', 'naked (pic|pics|selfie|video|photos)'],
      [0.6, '(then|now|so|just) (show me|send (it|them|one|more))', 'send one (of you|of yourself|pls|please|now|first)', 'send one', 'move the (cam|camera)'],
      [0.75, 'turn on (your |the )?(cam|camera|video)', 'video call', 'videocall', 'cam on', 'on cam', 'on camera', 'get on (cam|video|facetime)', 'go on cam', 'cam (to cam|chat)', 'c2c', 'video (call|chat)', 'facetime me', 'do you have (a )?cam', 'you (have|got) (a )?cam', 'on cam'],
      [0.7, 'what are you wearing', 'what you wearing', 'whatcha wearing', '(you|pic|pics) in (a |your )?({CLOTHES})', 'in your ({CLOTHES})', 'wearing (a |your )?({CLOTHES})'],
    ],
    body_compliment: [
      [0.85, '@minor (mature|grown up|grownup|older|advanced|developed) for your age', '@minor (mature|grown up|older) for (a|#) ~1 (year old|yo|kid|girl|boy)?', '@minor not like other (girls|boys|kids)', 'you (seem|act|sound|look|are) (so |really |very |more )?(mature|older|grown up|grown|grownup|developed)', 'dont (act|seem|sound|look) (like a kid|your age|#)', 'you dont look #', 'so mature'],
      [0.6, 'you (are|look) (so |really |very |super )?(hot|sexy|beautiful|gorgeous|stunning|fine|fit)', 'your ({BODYPART}) (is|are|looks|look) (so |really |very )?(hot|sexy|nice|beautiful|perfect|amazing|cute|fit)', '(nice|love your|sexy|hot|perfect|cute) ({BODYPART})', '(beautiful|pretty|hot|sexy|cute) (girl|boy|face|eyes|smile)', 'you have a (nice|great|beautiful|hot|sexy) (body|figure|face|smile)'],
      [0.4, 'you (are|look) (so |really |very |super )?(pretty|cute|adorable|lovely|handsome)', 'youre (so )?(pretty|cute|beautiful|hot)'],
    ],
    trust_building: [
      [0.85, 'age (is|s) (just|only) a number', 'age doesnt matter', 'age does not matter', 'age means nothing', 'no one (understands|gets|knows) you like (i|me)', 'only i (understand|care about|get|love) you', 'your {PARENT} (dont|do not|doesnt|does not|never) (understand|listen|care)', 'i (understand|get) you better'],
      [0.6, 'you can trust me', 'trust me', 'i (would|will) never hurt you', 'i wont hurt you', 'you can tell me anything', 'im (always )?here for you', 'i care (about|for) you', 'we have a (special )?(connection|bond)', 'you are (so )?special', 'youre (so )?special', 'you (are|re) the only one', 'our (little )?(thing|relationship)', 'be my (girlfriend|boyfriend|baby|girl|boy)', 'are you my (girl|boy|girlfriend|boyfriend)', 'our (special )?friendship', 'i (could|can) teach you'],
      [0.4, 'i love you', 'love you', 'i miss you', 'miss you', 'thinking (about|of) you', 'you are (so )?sweet', 'youre (so )?sweet'],
      [0.2, 'baby', 'sweetie', 'sweetheart', 'honey', 'princess', 'kiss'],
    ],
    sexual_talk: [
      [0.8, 'have you (ever )?(had sex|done it|been touched|touched yourself|seen a|kissed a)', 'are you (still )?a virgin', 'are you virgin', 'do you (touch|play with|pleasure) yourself', 'do you masturbate', 'make you feel good', 'touch (you|yourself|me|it)', 'turn (you|me) on', 'turned on', 'teach you (about )?(sex|things|how)', 'want (you|to) (on top|in bed|naked)', 'in bed (with|together)'],
      [0.5, 'sex', 'sexual', 'horny', 'naked', 'nude', 'sexemoji', 'cum', 'dick', 'cock', 'pussy', 'tits', 'blowjob', 'orgasm', 'hard for you', 'strip', 'undress', 'fuck me', 'make love', 'kinky', 'boner'],
      [0.3, 'sexy', 'suck', 'lick', 'kiss you', 'cuddle', 'in bed', 'bra size', 'what size'],
    ],
    meeting: [
      [0.75, 'come (alone|by yourself|on your own)', '(meet|see) (me )?(alone|just us|just the two of us)', 'sneak out', 'tell (your )?{PARENT} (you are|youre|your) (at|staying|sleeping|going) ~2 friend*', 'come (to|over to) my (place|house|flat|apartment|car|hotel|room)', 'i (can|could|will|ll) (pick you up|come get you|drive to you|come to you|come see you|come to your)', '@minor (pick you up|meet you|see you) (after|before) school', 'ill (buy|pay for|get) (you )?(a |the |your )?(ticket|bus|train|uber|taxi|ride)', 'get (a|the) (bus|train|uber|taxi) to (me|my)', 'meet (me|up)? (in person|irl|in real life|alone)', 'see you (in person|irl|in real life)'],
      [0.6, '(lets|let us|we (should|could|can|will)) meet', 'meet (up|me|you)', 'wanna meet', 'want to meet', 'when can (we|i) (meet|see you)', 'where can we meet', 'come over', 'hang out (alone|just us)', 'my (place|house|flat|apartment|hotel|car)', 'when are you free', 'are you free (tonight|tomorrow|this weekend|after school)'],
      [0.35, 'pick you up', 'meet at', 'see you (at|after|tomorrow)', 'hang out'],
    ],
    gifts: [
      [0.6, '(model|modeling|modelling|talent|casting) (agency|agent|scout|contract|shoot|job|work|company)', 'you could (be|become) a model', 'test (shots|shoot|shoots|pics|photos)', 'im a (talent )?(scout|photographer|model agent|modeling agent)', '(a|an|my) portfolio', 'for (my|our|the) portfolio', '(pays|pay|paid) for (test|photo|the)', 'become (famous|an influencer|a star)'],
      [0.75, '(send|give) you (a |an )?# ({CURRENCY})', '(a|an|one) # ({CURRENCY})', '# ({CURRENCY}) for', 'i (can|could|will|ll) (buy|get|send|give) you (a |an |some |the |free )?(gift|present|phone|new phone|money|cash|{CURRENCY}|card|clothes|makeup|game|games|console|bikini|underwear)', 'do you want (some |free )?({CURRENCY}|money|cash|a gift|a present|a new phone)', '(free|some) ({CURRENCY})', 'i (can )?pay you', 'ill pay (you|for)', 'in exchange for', 'for (some )?({CURRENCY}|money|cash)'],
      [0.5, 'ill (buy|get|send|give) you', 'i (bought|got) you (a|something)', 'send you (money|a gift|a present|{CURRENCY})', 'gift', 'present for you', 'surprise for you'],
      [0.35, '{CURRENCY}', 'money', 'cash'],
    ],
    sextortion: [
      [0.95, '(or|unless|otherwise|else|if not) ~2 (i|ill|i will|im going to|im gonna|i am going to|im|i am) ~1 ({SHARE}) ~3 ({OBJ}|to ({AUDIENCE}))', '(or|otherwise|else) ~1 ({AUDIENCE}) ~2 (sees|see|will see|gets|get|will get|is going to see|are going to see|gonna see) ({OBJ})', '(ill|i will|im going to|im gonna|i am going to|im|i am) ({SHARE}) ({OBJ}) ~4 (to|with|on|in|all over) ~1 ({AUDIENCE})', '(ill|i will|im going to|im gonna|i am going to) ({SHARE}) ({OBJ}) (online|everywhere|on the internet)', '({AUDIENCE}) ~4 (will|gonna|going to|is going to|are going to) (see|get|have|watch) ({OBJ})', 'if you (block|report|ignore|tell|leave|delete) ~2 (i|ill|i will) ~1 ({SHARE}|expose)', '(ill|i will|im going to) expose you', 'or ~2 (i|ill|i will) expose you', '(ill|i will|im going to) (leak|post|upload) (your|ur) ({MATERIAL})'],
      [0.7, 'your ({MATERIAL}) (are|is) (on|in|saved on) my (phone|computer|laptop|drive|pc|cloud)', 'i (hacked|got into|have access to|accessed|broke into) your (account|insta|instagram|snapchat|phone|email|cloud|icloud|discord|tiktok|facebook|page)', 'want ({AUDIENCE}) to see'],
      [0.6, 'i (have|got|saved|kept|recorded|screenshotted|screenshot|downloaded|still have|captured|took|screen recorded) (your|ur|all your|the|those|these|a|that) ~2 ({MATERIAL})', 'i (screenshotted|recorded|saved|screen recorded|captured) (everything|it all|all of it|you)', 'i (have|got) (screenshots|recordings|a recording|a video|videos|pics|proof) of you', 'remember the (video|pics|pic|photos) you sent', 'pay (me )?~3 (or|unless|within|by tonight|by tomorrow)', '(send|transfer|pay) (me )?~2 (money|bitcoin|crypto|cash|{PAYMENT})', '(in|with) ({PAYMENT})', 'you have # (hours|hrs|h|minutes|mins|days) (to|or)', 'buy (steam|amazon|itunes|google play|apple|paysafe) (cards|card)', 'do (what|everything|as) i (say|tell you|want|ask)', 'do what im telling you', 'send (what|everything|whatever) i (ask|want|say)', '(one|1) more (pic|video|pics|videos) or', 'dont (block|ignore) me (or|if)'],
    ],
    threat: [
      [0.95, 'i know where you (live|go to school)'],
      [0.8, 'if you (dont|do not|wont|refuse to) (send|pay|show) ~3 (ill|i will|everyone|your)', 'send (me )?(money|more) or', 'ill tell (everyone|your {PARENT}|your school|your friends)', 'ill find you', 'ill ruin you', 'i know your (school|address|moms name|dads name|house)', 'you will regret', 'youll regret', 'ruin your life', 'youll be in (so much )?trouble', 'no one will believe you', 'nobody will believe you'],
      [0.5, 'or else', 'last chance', 'you owe me', 'you (have|need|better) to (pay|send|do it|show)', 'pay me'],
    ],
    stream_pressure: [
      [0.8, '(do it|show|strip|dance|take it off|i will|ill|we will) for # (likes|follows|followers|subs|gifts|coins|roses|hearts|stars)', 'for # (likes|follows|followers|subs|gifts|coins|roses|hearts)', 'go to (the|your) (bathroom|toilet|shower|bedroom|bed|restroom|loo)', 'take (it|that|them|your ({CLOTHES}|shirt|top|clothes|socks|pants|hoodie|jumper|sweater|jacket)) off', 'take off (your|ur|the) ({CLOTHES}|shirt|top|clothes|socks|pants|hoodie|jumper|sweater|jacket)', 'lift (your|ur) (shirt|top|leg|legs|skirt)', 'show (us|me)? (your )?({BODYPART}|room|bed|bathroom|bedroom)', 'move the (camera|cam) (down|lower)', '(point|put|tilt) the (camera|cam) (down|lower)', 'closer to the (camera|cam)'],
      [0.7, '(i|we) dare you', 'dare you to', 'do it (now|do it)', 'everyone (wants|is waiting for) you to', 'chat (wants|says)', 'do what (we|chat) (say|says)', 'if you (dont|do not) ~2 (ill|i will|we will) (leave|unfollow|report)', 'for (likes|follows|followers|subs|gifts|coins|roses)', 'wear (a|your) ({CLOTHES})', 'put on (a|your) ({CLOTHES})', 'kiss the (camera|cam|screen)'],
      [0.5, '3 2 1', '10 9 8', '5 4 3', 'countdown', 'turn around', 'stand up', '(lie|lay) (down|on the bed)', 'do a (split|splits|bridge|handstand|backbend)', 'show us', 'truth or dare'],
    ],
  },
  frames: {
    audience: ['everyone', 'everybody', 'every one', 'online', 'the internet', 'internet', 'everywhere', 'public', 'social media', 'all over', 'the group chat', 'the class chat', 'the class group', 'the school', 'the whole school', 'whole school', 'the whole class', 'viral'],
    audienceNouns: ['school', 'schools', 'class', 'classmates', 'family', 'parents', 'mom', 'dad', 'brother', 'sister', 'grandma', 'grandpa', 'friends', 'followers', 'contacts', 'teachers', 'teacher', 'coach', 'team', 'group chat', 'class chat', 'class group', 'school chat', 'instagram', 'page', 'profile', 'story', 'year group', 'club', 'boyfriend', 'girlfriend', 'principal', 'uncle', 'aunt', 'cousins', 'church'],
    possessives: ['your', 'yours'],
    intensifiers: ['whole', 'entire', 'all', 'every', 'own'],
    material: ['pic', 'pics', 'image', 'images', 'nudes', 'nude', 'video', 'videos', 'clip', 'clips', 'recording', 'recordings', 'screenshot', 'screenshots', 'screen recording', 'snaps', 'selfie', 'selfies', 'footage', 'stream', 'live', 'copy', 'chats'],
    pronouns: ['it', 'them', 'this', 'that', 'these', 'those', 'everything', 'all of it', 'its', 'theyre', 'they'],
    conditions: ['unless', 'otherwise', 'or else', 'else', 'only if', 'if not', 'or i'],
    ors: ['or'],
    ifs: ['if you', 'if ya'],
    ifTriggers: ['dont', 'do not', 'wont', 'will not', 'cant', 'refuse', 'block', 'ignore', 'report', 'tell', 'leave', 'delete', 'unfriend', 'unfollow', 'unadd', 'stop', 'say no', 'talk', 'snitch', 'try', 'go to'],
    imperatives: ['block me', 'ignore me', 'report me', 'tell anyone', 'tell anybody', 'tell someone', 'tell your', 'unfriend me', 'unadd me', 'delete me', 'leave', 'stop replying', 'stop answering', 'say no', 'try me', 'go to the police', 'snitch'],
    ands: ['and'],
    expose: ['send', 'sent', 'sending', 'post', 'posted', 'posting', 'share', 'shared', 'sharing', 'leak', 'leaked', 'leaking', 'upload', 'uploaded', 'forward', 'forwarded', 'spread', 'publish', 'published', 'show', 'showing', 'shown', 'goes', 'go', 'going', 'gets', 'get', 'getting', 'sees', 'see', 'seeing', 'watch', 'watches', 'ends up', 'end up', 'lands', 'land', 'hits', 'its on', 'is on', 'are on', 'be on', 'will be', 'drop', 'put', 'receive', 'receives', 'find out'],
    demands: ['pay', 'paid', 'money', 'cash', 'euros', 'dollars', 'bucks', 'quid', 'pounds', 'gift card', 'gift cards', 'amazon cards', 'amazon card', 'steam card', 'steam cards', 'itunes', 'bitcoin', 'crypto', 'cashapp', 'paypal', 'venmo', 'paysafe', 'paysafecard', 'vbucks', 'robux', 'more', 'another', 'one more', 'do what i', 'do as i', 'unblock'],
    requests: ['send', 'show', 'share', 'drop', 'take', 'give', 'let me see', 'wanna see', 'want to see', 'can i see'],
    images: ['pic', 'pics', 'selfie', 'selfies', 'nudes', 'nude', 'video', 'videos', 'image', 'images'],
    ofYou: ['of you', 'of yourself', 'of your'],
    ofThing: ['of the', 'of my', 'of our', 'of us', 'of his', 'of her', 'of this', 'of that', 'of a', 'of an', 'of these', 'of those', 'of their', 'of them', 'of it', 'of mine', 'from the', 'from my', 'from our', 'from yesterday', 'from last', 'with the'],
    things: ['homework', 'worksheet', 'notes', 'timetable', 'schedule', 'id', 'id card', 'student card', 'passport', 'certificate', 'document', 'documents', 'permission slip', 'form', 'dog', 'puppy', 'puppies', 'cat', 'kitten', 'bunny', 'rabbit', 'hamster', 'pet', 'pets', 'fish', 'horse', 'cake', 'food', 'dinner', 'lunch', 'car', 'bike', 'house', 'garden', 'drawing', 'book', 'answers', 'screen', 'receipt', 'ticket', 'tickets', 'map', 'menu', 'essay', 'project', 'assignment', 'whiteboard', 'board', 'kit', 'shoes', 'trainers', 'view', 'trip', 'match', 'game', 'score', 'results', 'report', 'letter', 'bill', 'recipe', 'painting', 'haircut', 'nails', 'new haircut', 'serve', 'swing', 'routine', 'goal'],
    exchange: ['for', 'in exchange for', 'in return for'],
    articles: ['a', 'one', '1', 'some', 'just one', 'another', 'a few', '2', '3'],
    cams: ['cam', 'camera', 'webcam'],
    camOn: ['on', 'turn on', 'switch on', 'put on'],
  },
};
