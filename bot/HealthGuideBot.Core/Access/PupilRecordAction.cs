namespace HealthGuideBot.Core.Access;

/// <summary>What a member of staff wants to do with a pupil's health records.</summary>
public enum PupilRecordAction
{
    /// <summary>See the one-page emergency summary ("care plan on a page") or learn that a plan exists.</summary>
    ViewEmergencySummary,

    /// <summary>Read the whole healthcare plan.</summary>
    ViewPlan,

    /// <summary>Create, edit or review a healthcare plan.</summary>
    EditPlan,

    /// <summary>Start, complete or submit a referral.</summary>
    Refer,

    /// <summary>Read a referral and its status.</summary>
    ViewReferral,
}
