using static HealthGuideBot.Core.Emergencies.EmergencyDocumentIds;
using static HealthGuideBot.Core.Emergencies.EmergencyTriggerKind;

namespace HealthGuideBot.Core.Emergencies;

/// <summary>
/// The router's keyword and phrase table per emergency document, and the cue words that tell an emergency happening
/// now ("help", "what do I do", "she's having…") from a question about policy ("what is the policy on…", "where are
/// spare inhalers kept"). Written for very high recall: when in doubt a message goes to the emergency card, whose
/// content is approved, rather than to search. Tuned against tests/HealthGuideBot.Knowledge.Tests/Evaluation.
/// </summary>
internal sealed class EmergencyRoutingTable
{
    public required IReadOnlyList<EmergencyPhraseRule> Phrases { get; init; }

    public required IReadOnlyList<EmergencyNearRule> NearRules { get; init; }

    /// <summary>Words that say something is happening now and needs action.</summary>
    public required IReadOnlyList<string> StrongCues { get; init; }

    /// <summary>Phrases that say the same ("what do I do").</summary>
    public required IReadOnlyList<string> StrongPhrases { get; init; }

    /// <summary>Words that say a particular person is involved ("she", "pupil", "my").</summary>
    public required IReadOnlyList<string> WeakCues { get; init; }

    /// <summary>Words that mark a question about policy, records or training.</summary>
    public required IReadOnlyList<string> PolicyCues { get; init; }

    public required IReadOnlyList<string> PolicyPhrases { get; init; }

    /// <summary>
    /// Occasions that make a message about arrangements ("inhaler on a trip", "EpiPen for the residential") unless it
    /// describes an emergency happening: they never hold back acute wording ("choking on the school trip").
    /// </summary>
    public required IReadOnlyList<string> OccasionCues { get; init; }

    /// <summary>First words that make a message a question.</summary>
    public required IReadOnlyList<string> Interrogatives { get; init; }

    /// <summary>Words that do not count towards a message's length ("asthma attack help" is a one-word message).</summary>
    public required IReadOnlyList<string> Fillers { get; init; }

    /// <summary>Real words that are one typo away from a trigger and must never be "corrected" into one.</summary>
    public required IReadOnlyList<string> ProtectedWords { get; init; }

    public static EmergencyRoutingTable Default { get; } = new()
    {
        Phrases =
        [
            // Anaphylaxis.
            new(Anaphylaxis, Acute, ExpandSynonyms: true, ["anaphylaxis"]),
            new(Anaphylaxis, Acute, false, [
                "allergic reaction", "allergic reactions", "having a reaction", "bad reaction", "reaction to nuts",
                "anaphylactic", "throat closing", "throat is closing", "throat closing up", "throat tight", "cant swallow",
            ]),
            new(Anaphylaxis, Topic, false, ["allergic", "allergy", "allergies", "hives", "urticaria", "nettle rash", "anaphylaxsis", "anaphalaxis"]),
            new(Anaphylaxis, Supporting, ExpandSynonyms: true, ["epipen"]),
            new(Anaphylaxis, Supporting, false, [
                "nut", "nuts", "peanut", "peanuts", "sesame", "shellfish", "sting", "stung", "bee", "wasp", "latex",
                "swelling", "swollen", "puffy", "rash", "blotchy", "itchy", "allergen", "adrenaline",
            ]),

            // Asthma.
            new(Asthma, Topic, ExpandSynonyms: true, ["asthma", "wheezing", "breathless"]),
            new(Asthma, Acute, false, [
                "asthma attack", "asthmatic attack", "cant breathe", "cannot breathe", "can not breathe", "unable to breathe",
                "struggling to breathe", "struggling to breath", "difficulty breathing", "trouble breathing",
                "hard to breathe", "problems breathing", "cant catch breath", "cant catch his breath", "cant catch her breath",
                "cant get his breath", "cant get her breath", "cant get breath", "tight chest", "chest is tight", "chest tight",
                "gasping for air", "fighting for breath", "breathing fast",
            ]),
            new(Asthma, Supporting, ExpandSynonyms: true, ["blue inhaler", "spacer"]),
            new(Asthma, Supporting, false, [
                "inhaler", "inhalers", "puffs", "cough", "coughing", "breathing", "breath", "breathe", "chest", "wheezy",
            ]),

            // Choking.
            new(Choking, Acute, ExpandSynonyms: true, ["choking"]),
            new(Choking, Acute, false, [
                "stuck in throat", "stuck in his throat", "stuck in her throat", "stuck in their throat", "food stuck",
                "something stuck", "heimlich", "choke", "chokes", "choked", "chocking", "chokeing",
            ]),
            new(Choking, Supporting, false, ["back blows", "abdominal thrusts", "gagging", "swallowed", "grape", "sweet", "lodged"]),

            // Collapse and CPR.
            // Being unresponsive is part of many emergencies (a seizure, a severe hypo, a head injury): on its own it is
            // the collapse card, but acute evidence of a specific condition wins. Not breathing always means CPR.
            new(Collapse, Acute, ExpandSynonyms: true, ["not breathing", "cardiac arrest"]),
            new(Collapse, Topic, ExpandSynonyms: true, ["unconscious"]),
            new(Collapse, Topic, false, ["collapsed", "collapses", "collapse", "colapsed", "not responding", "unresponsive", "passed out", "fainted"]),
            new(Collapse, Acute, false, [
                "wont wake", "wont wake up", "cant wake", "cant wake him",
                "cant wake her", "not waking", "not waking up", "wont respond", "not moving", "lifeless", "gone blue",
                "turned blue", "turning blue", "lips are blue", "lips blue", "blue lips", "no pulse", "heart stopped",
                "not breathing", "stopped breathing", "dropped to the floor", "fell to the floor", "went limp", "floppy",
                "knocked unconscious", "out cold", "keeled over", "need cpr", "needs cpr", "start cpr", "doing cpr",
            ]),
            new(Collapse, Topic, ExpandSynonyms: true, ["cpr"]),
            new(Collapse, Supporting, ExpandSynonyms: true, ["defib", "recovery position"]),
            new(Collapse, Supporting, false, ["faint", "blue", "grey", "limp", "pulse"]),

            // Head injury.
            new(HeadInjury, Acute, ExpandSynonyms: true, ["head injury"]),
            new(HeadInjury, Acute, false, [
                "concussion", "concussed", "knocked out", "headbutted", "head butted", "head butt", "headbutt", "head wound", "cut head", "head bleeding", "bleeding head",
                "hit his head", "hit her head", "banged his head", "banged her head", "bumped his head", "bumped her head",
                "head injuries", "skull",
            ]),

            // Hyperglycaemia.
            new(HeadInjury, Supporting, false, ["dizzy", "drowsy", "confused", "being sick", "vomiting", "headache"]),

            // Hyperglycaemia.
            new(Hyperglycaemia, Topic, ExpandSynonyms: true, ["hyper"]),
            new(Hyperglycaemia, Acute, ExpandSynonyms: true, ["dka"]),
            new(Hyperglycaemia, Topic, false, ["ketones", "ketone", "high bg", "bg high", "sugar high", "sugars high", "high sugars", "sugar levels high"]),
            new(Hyperglycaemia, Supporting, false, ["very thirsty", "thirsty", "weeing", "pear drops", "fruity breath", "insulin pump"]),

            // Hypoglycaemia.
            new(Hypoglycaemia, Topic, ExpandSynonyms: true, ["hypo"]),
            new(Hypoglycaemia, Acute, false, ["having a hypo", "going hypo", "gone hypo", "hypo now", "severe hypo", "low bg", "bg low", "sugar low", "sugars low", "low sugars", "sugar crash"]),
            new(Hypoglycaemia, Supporting, ExpandSynonyms: true, ["glucose tablets", "glucagon", "diabetes"]),
            new(Hypoglycaemia, Supporting, false, ["shaky", "shaking", "sweaty", "sweating", "clammy", "trembling", "wobbly", "dizzy", "pale", "confused", "grumpy"]),
            new(Hyperglycaemia, Supporting, ExpandSynonyms: true, ["diabetes"]),

            // Self-harm and suicidal thoughts.
            new(MentalHealth, Acute, ExpandSynonyms: true, ["self-harm", "suicidal", "overdose"]),
            new(MentalHealth, Acute, false, [
                "wants to die", "want to die", "wanted to die", "wanting to die", "wants to be dead", "want to be dead",
                "better off dead", "end it all", "dont want to live", "doesnt want to live", "dont want to be alive",
                "doesnt want to be alive", "not want to be here", "dont want to be here", "doesnt want to be here anymore",
                "kill herself", "kill himself", "kill themselves", "kill myself", "killing herself", "killing himself",
                "killing themselves", "killing myself", "suicide", "suicide attempt", "tried to kill", "harming herself",
                "harming himself", "harming themselves", "self harming", "selfharming", "selfharm", "cut herself",
                "cut himself", "cut themselves", "cutting herself", "cutting himself", "cutting themselves",
                "cutting myself", "hurting herself", "hurting himself", "hurting themselves", "taken an overdose",
                "took an overdose", "swallowed pills", "swallowed tablets", "took pills", "took tablets", "hang herself",
                "hang himself", "hanging herself", "hanging himself", "jump off", "ligature",
            ]),
            new(MentalHealth, Supporting, false, ["cutting", "cuts on her arms", "cuts on his arms", "scars", "burns"]),

            // Seizure.
            new(Seizure, Topic, ExpandSynonyms: true, ["fit", "epilepsy"]),
            new(Seizure, Topic, false, ["fits", "epileptic fit", "absence seizure", "tonic clonic"]),
            new(Seizure, Acute, false, [
                "fitting", "seizing", "convulsing", "having a fit", "having a seizure", "having seizure", "having fit",
                "had a fit", "had a seizure", "in a fit", "in a seizure", "started fitting", "seizure now", "jerking",
                "shaking all over", "eyes rolling", "eyes rolled", "foaming at the mouth", "frothing at the mouth",
                "status epilepticus",
            ]),
            new(Seizure, Supporting, ExpandSynonyms: true, ["buccal midazolam"]),
            new(Seizure, Supporting, false, ["twitching", "shaking", "stiff", "rigid", "jerks", "blank", "staring"]),

            // Calling 999 (Template F).
            new(EmergencyServices, Topic, ExpandSynonyms: true, ["999 script"]),
            new(EmergencyServices, Topic, false, [
                "call 999", "call an ambulance", "calling 999", "calling an ambulance", "ring 999", "ring an ambulance",
                "phone 999", "phone an ambulance", "dial 999", "call handler", "what to say to 999", "tell the ambulance",
                "say to the ambulance", "tell 999", "what to tell",
                "what do i say to 999", "what do i tell 999", "ambulance directions",
            ]),
            new(EmergencyServices, Supporting, false, ["999", "ambulance", "paramedics", "112"]),
        ],
        NearRules =
        [
            new(Anaphylaxis, Acute, 3, ["swelling", "swollen", "swelled", "swell", "puffy", "puffed", "puffing"], ["lips", "lip", "tongue", "throat", "face", "eyes", "mouth"]),
            new(Anaphylaxis, Acute, 12,
                ["cant", "cannot", "struggling", "difficulty", "trouble", "breathe", "breathing", "breath", "wheezing", "wheezy", "swelling", "swollen", "throat", "tongue", "lips", "hives", "rash", "blotchy", "vomiting", "collapsed"],
                ["allergic", "allergy", "allergies", "nut", "nuts", "peanut", "peanuts", "sting", "stung", "bee", "wasp", "sesame", "shellfish", "latex", "epipen", "aai", "reaction", "egg", "milk", "kiwi"]),
            new(Asthma, Acute, 3, ["cant", "cannot", "struggling", "difficulty", "trouble", "unable", "hard", "barely", "problem", "problems", "difficult"], ["breathe", "breath", "breathing", "breth", "breating"]),
            new(Choking, Acute, 4, ["stuck", "lodged", "caught", "blocked"], ["throat", "windpipe", "airway", "gullet"]),
            new(HeadInjury, Acute, 4,
                ["hit", "hits", "banged", "bang", "bumped", "bump", "knocked", "knock", "bashed", "smacked", "cracked", "whacked", "fell", "fallen", "landed", "injured", "injury", "kicked", "blow", "struck", "headbutted", "lump", "bleeding", "cut", "gash", "egg", "bruise"],
                ["head", "skull", "forehead"]),
            // Glucose words name a measurement outright; "level" and "reading" are ordinary school words ("falling behind
            // in reading", "reading level is low"), so they count only beside a number ("reading 2.9", "levels 25"). The
            // glucose words reach one word further, over them: "his sugar levels are really high".
            new(Hyperglycaemia, Acute, 4, ["sugar", "sugars", "glucose", "bg", "bm", "ketones", "ketone"], ["high", "higher", "hi", "rising", "positive", "moderate", "large", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30"]),
            new(Hyperglycaemia, Acute, 3, ["levels", "level", "reading", "readings"], ["15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30"]),
            new(Hypoglycaemia, Acute, 4, ["sugar", "sugars", "glucose", "bg", "bm", "libre", "dexcom", "cgm"], ["low", "lower", "lows", "dropping", "dropped", "falling", "crashing", "crashed", "1", "2", "3"]),
            new(Hypoglycaemia, Acute, 3, ["levels", "level", "reading", "readings", "meter", "monitor"], ["1", "2", "3"]),
            new(Hypoglycaemia, Acute, 2, ["having", "had", "going", "gone", "in", "bad"], ["hypo"]),
            new(MentalHealth, Acute, 3, ["kill", "killing", "hurt", "hurting", "harm", "harming", "cut", "cutting", "hang", "hanging", "strangle", "burn", "burning", "burnt"], ["herself", "himself", "themselves", "themself", "myself", "yourself"]),
            new(MentalHealth, Acute, 3, ["cuts", "cut", "cutting", "scratches", "scratching", "burns", "scars", "marks", "slashes"], ["arms", "arm", "wrists", "wrist", "legs", "leg", "thighs", "thigh", "stomach"]),
            new(MentalHealth, Acute, 3, ["end", "ending", "take", "taking", "took"], ["life"]),
            new(MentalHealth, Acute, 4, ["took", "taken", "swallowed", "ate"], ["pills", "tablets", "paracetamol", "medicine", "overdose"]),
            new(Seizure, Acute, 3, ["having", "had", "has", "started", "in", "another", "keeps"], ["fit", "fits", "seizure", "seizures", "convulsion", "convulsions"]),
            new(Collapse, Acute, 3, ["not", "isnt", "stopped", "no", "barely"], ["breathing"]),
            new(Collapse, Topic, 3, ["not", "isnt", "no", "wont"], ["responding", "responsive", "moving", "waking"]),
        ],
        StrongCues =
        [
            "help", "helpp", "urgent", "urgently", "now", "quick", "quickly", "asap", "emergency", "hurry", "sos", "999", "112",
            "ambulance", "paramedics", "having", "cant", "cannot", "wont", "isnt", "stopped", "gone", "turning", "turned",
            "started", "starting", "keeps", "struggling", "suddenly", "just", "please", "pls", "plz", "omg", "collapsed",
            "fell", "happening", "currently", "still", "lasting", "lasted", "minutes", "mins", "found",
        ],
        StrongPhrases =
        [
            "what do i do", "what do we do", "what should i do", "what should we do", "what to do", "what now", "right now",
            "how do i help", "what can i do", "what do i need to do", "how do i treat", "what do you do", "what do i say",
            "what should i say", "what do i tell", "what should i tell",
        ],
        WeakCues =
        [
            "he", "she", "hes", "shes", "they", "theyre", "his", "her", "him", "them", "kid", "kids", "child", "boy", "girl",
            "pupil", "student", "son", "daughter", "lad", "toddler", "someone", "somebody", "person", "teacher", "colleague",
            "my", "our", "year", "yr", "reception", "nursery",
        ],
        PolicyCues =
        [
            "policy", "policies", "training", "train", "trained", "course", "courses", "consent", "form", "forms", "template",
            "templates", "store", "stored", "storing", "storage", "kept", "keep", "keeping", "record", "records", "recording",
            "log", "register", "registers", "expiry", "expire", "expired", "expires", "dispose", "disposal", "allowed",
            "permitted", "spare", "refer", "referral", "referrals", "review", "reviewed", "reviewing", "reviews", "insurance",
            "liability", "responsible", "responsibility", "responsibilities", "duty", "duties", "law", "legal", "legally",
            "statutory", "guidance", "guidelines", "governors", "prevent", "preventing", "prevention", "difference",
            "explain", "information", "info", "leaflet", "awareness", "plan", "plans", "ihp", "ihcp", "ehcp", "carry",
            "carrying", "order", "ordering", "buy", "supply", "attendance", "absence", "absent", "return", "returning",
            "reintegration", "letter", "letters", "meaning", "definition", "typical", "typically", "usually", "generally",
            "cause", "causes", "triggers", "camhs", "mhst", "senco", "support", "counselling", "counsellor", "wellbeing",
            "lesson", "lessons", "curriculum", "assembly", "procedure", "procedures", "who", "certificate", "qualified",
        ],
        PolicyPhrases =
        [
            "what is", "what are", "how often", "how many", "how long", "who is responsible", "do we", "does the school",
            "can staff", "are staff", "is it ok", "am i allowed", "can i give", "should we", "how do i refer", "what counts as",
        ],
        OccasionCues =
        [
            "trip", "trips", "outing", "outings", "excursion", "excursions", "residential", "residentials", "visit",
            "visits", "journey", "journeys", "holiday", "holidays", "abroad", "flight", "flights", "plane", "coach",
            "minibus", "camp", "camping",
        ],
        Interrogatives =
        [
            "is", "are", "does", "do", "can", "could", "should", "how", "what", "who", "when", "where", "which", "why",
            "whats", "whos", "will", "would", "may", "am",
        ],
        Fillers =
        [
            "a", "an", "the", "help", "please", "pls", "plz", "urgent", "now", "quick", "quickly", "emergency", "omg", "sos",
            "attack", "my", "our", "this", "that", "kid", "child", "pupil", "student", "boy", "girl", "he", "she", "hes",
            "shes", "is", "has", "having", "got", "in", "on", "at", "of", "and", "oh", "god", "no", "someone", "somebody",
            "i", "think", "bad", "really", "very", "going", "im", "we", "us", "here", "there", "hi", "hello", "it", "its",
            "asap", "hurry", "again",
        ],
        ProtectedWords =
        [
            "sitting", "setting", "hitting", "putting", "getting", "cooking", "looking", "booking", "fitted", "fitness",
            "fitter", "shaping", "making", "taking", "waking", "baking", "joking", "poking", "smoking", "stroking",
            "checking", "chalking", "sticking", "clocking", "blocking", "locking", "rocking", "knocking", "shocking",
            "meeting", "feeling", "healing", "hearing", "wearing", "bearing", "seeing", "seating", "heating", "beating",
            "cheating", "eating", "treating", "hyperactive", "hypothetical", "hypothesis", "asthmatics", "staff",
            "choice", "choices", "chose", "chosen", "close", "closing", "collapsible", "college", "colleagues", "colleague",
            "inhale", "inhaled", "breathes", "wheel", "wheels", "while", "white", "head", "heads", "heard",
            "ready", "reading", "readings", "fire", "first", "fist", "gift", "lift", "shift", "sift", "seize", "seized",
            "size", "sizes", "server", "severe", "several", "sever", "allergen", "alert", "allergens", "allergist",
            "hyperlink", "hype", "hypoallergenic", "diabetes", "password", "passwords", "passed", "passing", "unconsciously",
            "suicidal", "overdue", "overdo", "overdone", "harmless", "harmful", "smoke", "choke", "joke", "jokes", "poke",
            "asthma", "seizure", "seizures", "faint", "fainted", "paint", "painted", "saint", "flint", "confused",
            "confusion", "conscious", "consciousness", "responsive", "responding", "breathing", "choosing", "concerned",
            "concern", "concerns", "focused", "refused", "amused", "accused", "excused", "infused",
            // "save for later" is a command of every form: never "latex".
            "later", "latest", "lately",
        ],
    };
}
