using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Core.Emergencies;

/// <summary>
/// An emergency reply, built only from the approved document and the school profile.
/// Show it in this order: <see cref="CallNineNineNineLine"/> (when present), <see cref="Steps"/>,
/// <see cref="CallHandlerScript"/>, then the source with its review date.
/// </summary>
/// <param name="DocumentId">The emergency document answered from.</param>
/// <param name="Title">The document title.</param>
/// <param name="CallNineNineNineFirst">The document says calling 999 comes first.</param>
/// <param name="CallNineNineNineLine">When 999 comes first: the document's first "Call 999 if" line, shown before anything else.</param>
/// <param name="CallNineNineNineIf">All the "Call 999 if" lines, in document order.</param>
/// <param name="Steps">The numbered steps, in document order, placeholders filled.</param>
/// <param name="Signs">The "Signs" lines.</param>
/// <param name="AfterTheEmergency">The "After the emergency" lines.</param>
/// <param name="CallHandlerScript">Template F, filled from the school profile; empty if the knowledge base has no script.</param>
/// <param name="Source">The cited document and its "What to do" section.</param>
/// <param name="ScriptSource">The cited Template F section, when there is one.</param>
/// <param name="IsOverdue">True when the procedure or the script is past its next-review date.</param>
public sealed record EmergencyAnswer(
    string DocumentId,
    string Title,
    bool CallNineNineNineFirst,
    string? CallNineNineNineLine,
    IReadOnlyList<string> CallNineNineNineIf,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> Signs,
    IReadOnlyList<string> AfterTheEmergency,
    IReadOnlyList<string> CallHandlerScript,
    SourceReference Source,
    SourceReference? ScriptSource,
    bool IsOverdue)
{
    /// <summary>True only when both the procedure and the script are approved by the school (not sample content).</summary>
    public bool IsApproved => Source.IsApproved && (ScriptSource?.IsApproved ?? true);

    /// <summary>The lines the card shows first, in order: the 999 line (when it comes first) then the steps.</summary>
    public IEnumerable<string> ActionLines =>
        CallNineNineNineLine is null ? Steps : Steps.Prepend(CallNineNineNineLine);
}
