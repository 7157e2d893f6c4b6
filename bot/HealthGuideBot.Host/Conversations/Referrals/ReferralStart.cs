namespace HealthGuideBot.Host.Conversations.Referrals;

/// <summary>
/// What a referral starts with, handed from <see cref="ReferralConversation"/> to <see cref="ReferralDialog"/>
/// within one turn (scoped): the service and pupil when the user named them, and health-related absence days when
/// the attendance trigger's card sent them.
/// </summary>
internal sealed class ReferralStart
{
    public string? ServiceId { get; set; }

    public string? PupilId { get; set; }

    /// <summary>A name the user typed ("Sam"), looked up in the pupil directory.</summary>
    public string? PupilName { get; set; }

    public int? HealthAbsenceDays { get; set; }
}
