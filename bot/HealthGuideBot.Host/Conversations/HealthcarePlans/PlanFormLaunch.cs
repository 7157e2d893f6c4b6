namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>
/// How the next <see cref="PlanFormDialog"/> begins on this turn: the conversation checks access, then puts the
/// starting state here (scoped: one per turn) before asking the dialog manager to begin the form.
/// </summary>
internal sealed class PlanFormLaunch
{
    public PlanFormState? Pending { get; set; }

    /// <summary>Set when the form opens for a review: changes made in the version under review, to show on the first card.</summary>
    public IReadOnlyList<string>? PreviousChanges { get; set; }
}
