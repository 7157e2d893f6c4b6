namespace HealthGuideBot.Core.Emergencies;

/// <summary>Why the router decided as it did: for tests and tuning, never logged with the message.</summary>
/// <param name="DocumentId">The emergency document, or null when the message is not an emergency.</param>
/// <param name="Candidate">The best-scoring document even when it was not routed to.</param>
/// <param name="Score">The candidate's score (sum of trigger weights).</param>
/// <param name="StrongestTrigger">The strongest trigger matched for the candidate.</param>
/// <param name="StrongCues">How many "happening now" cues the message has.</param>
/// <param name="HasPolicyCue">Whether the message reads as a question about policy.</param>
/// <param name="IsShort">Whether the message has at most three meaningful words.</param>
public sealed record EmergencyRouting(
    string? DocumentId,
    string? Candidate,
    int Score,
    EmergencyTriggerKind? StrongestTrigger,
    int StrongCues,
    bool HasPolicyCue,
    bool IsShort);
