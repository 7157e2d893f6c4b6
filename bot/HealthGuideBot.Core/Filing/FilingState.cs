namespace HealthGuideBot.Core.Filing;

/// <summary>Where an outbox item stands, as shown on the user's card.</summary>
public enum FilingState
{
    /// <summary>Saved, not yet attempted.</summary>
    Pending,

    /// <summary>Attempted and failed transiently; will retry.</summary>
    Retrying,

    /// <summary>Done.</summary>
    Filed,

    /// <summary>Waiting for an administrator (an alert was raised).</summary>
    Parked,
}
