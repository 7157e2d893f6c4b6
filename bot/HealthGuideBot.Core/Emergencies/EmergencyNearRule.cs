namespace HealthGuideBot.Core.Emergencies;

/// <summary>A word from <paramref name="First"/> within <paramref name="Window"/> words of one from <paramref name="Second"/>
/// ("hit … head", "sugar … low").</summary>
internal sealed record EmergencyNearRule(
    string DocumentId, EmergencyTriggerKind Kind, int Window, IReadOnlyList<string> First, IReadOnlyList<string> Second);
