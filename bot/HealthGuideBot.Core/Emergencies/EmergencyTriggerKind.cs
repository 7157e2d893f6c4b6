namespace HealthGuideBot.Core.Emergencies;

/// <summary>How strongly a word or phrase points at an emergency happening now. The value is its weight.</summary>
public enum EmergencyTriggerKind
{
    /// <summary>Context for one condition ("inhaler", "nut", "diabetic"); routes only with other evidence.</summary>
    Supporting = 1,

    /// <summary>Names a condition ("asthma", "hypo", "seizure"); routes when the message is short or says something is happening.</summary>
    Topic = 2,

    /// <summary>Describes an emergency happening ("choking", "collapsed", "can't breathe"); routes unless the message is plainly a policy question.</summary>
    Acute = 3,
}
