namespace HealthGuideBot.LoadTool.Load;

/// <summary>What the activities ask: the protocol path (one fixed text, "help") or the answer path (rotating questions).</summary>
internal enum Workload
{
    /// <summary>Every activity carries <c>--text</c> ("help" by default): a reply that needs no search.</summary>
    Protocol,

    /// <summary>Activities rotate through the evaluation questions: emergencies, policy questions and off-topic ones.</summary>
    Answers,
}
