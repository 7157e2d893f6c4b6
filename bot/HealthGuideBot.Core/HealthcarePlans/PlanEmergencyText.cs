namespace HealthGuideBot.Core.HealthcarePlans;

/// <summary>Reading a plan's emergency section the same way on every output (card, summary page, full plan).</summary>
public static class PlanEmergencyText
{
    /// <summary>True when the plan's action to take says to call an ambulance: the summary then leads with "Call 999".</summary>
    public static bool SaysCallNineNineNine(PlanEmergency emergency)
    {
        ArgumentNullException.ThrowIfNull(emergency);
        return emergency.ActionToTake.Contains("999", StringComparison.Ordinal)
            || emergency.ActionToTake.Contains("ambulance", StringComparison.OrdinalIgnoreCase);
    }
}
