namespace HealthGuideBot.Host.Conversations.Help;

/// <summary>One thing the bot does, as the help card lists it.</summary>
/// <param name="Id">The topic's id, carried in card action data.</param>
/// <param name="Title">The short title.</param>
/// <param name="Summary">One sentence: what it does for the person asking.</param>
/// <param name="WhoFor">Which staff it is for.</param>
/// <param name="Available">False while the feature is still being built: the card says so instead of pretending.</param>
/// <param name="Examples">Things a member of staff might type.</param>
/// <param name="StartVerb">The verb of a button on the help card that starts the feature at once, if it has one.</param>
/// <param name="StartTitle">That button's title.</param>
internal sealed record HelpTopic(string Id, string Title, string Summary, string WhoFor, bool Available, IReadOnlyList<string> Examples, string? StartVerb = null, string? StartTitle = null)
{
    /// <summary>What HealthGuideBot does, in the order the help card shows it.</summary>
    public static IReadOnlyList<HelpTopic> All { get; } =
    [
        new("emergencies", "Emergencies", "Tell me what is happening and I show the school's approved steps at once, with \"call 999\" first where it applies and the school's script for the 999 call.", "All staff", Available: true,
            ["asthma attack", "child having a fit", "anaphylaxis what do I do", "pupil collapsed"]),
        new("questions", "Policy and pathway questions", "Ask about the medical conditions policy, medicines, healthcare plans or referral pathways; I answer from the school's approved documents and cite the section, or tell you who to ask.", "All staff", Available: true,
            ["can I give a pupil paracetamol?", "who writes a healthcare plan?", "what happens after 15 days off sick?"]),
        new("plans", "Individual Healthcare Plans", "Create, view and review healthcare plans step by step; teachers see the emergency part of the plans of the pupils they teach.", "Nurses and SENCOs create; teachers view", Available: true,
            ["new healthcare plan", "create an IHP for Sam Taylor", "continue my draft", "does Sam have a healthcare plan?"],
            StartVerb: "plans.form.start", StartTitle: "Start a healthcare plan"),
        new("referrals", "Referrals", "Complete a referral to CAMHS, educational psychology, school nursing, Early Help or the multi-agency panel by answering my questions one at a time.", "SENCOs, DSLs and nurses", Available: false,
            ["I need to refer a pupil to CAMHS", "what's the status of my referral?"]),
    ];

    /// <summary>The topic with this id, or null.</summary>
    public static HelpTopic? Find(string? id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));
}
