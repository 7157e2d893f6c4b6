namespace HealthGuideBot.Core.Emergencies;

/// <summary>The ids of the emergency documents the router can send a message to (knowledge/emergencies/).</summary>
public static class EmergencyDocumentIds
{
    public const string Anaphylaxis = "emergency-anaphylaxis";
    public const string Asthma = "emergency-asthma";
    public const string Choking = "emergency-choking";
    public const string Collapse = "emergency-collapse";
    public const string HeadInjury = "emergency-head-injury";
    public const string Hyperglycaemia = "emergency-hyperglycaemia";
    public const string Hypoglycaemia = "emergency-hypoglycaemia";
    public const string MentalHealth = "emergency-mental-health";
    public const string Seizure = "emergency-seizure";

    /// <summary>Calling 999: holds the Template F script every emergency answer includes.</summary>
    public const string EmergencyServices = "procedure-emergency-services";

    /// <summary>
    /// When two conditions score the same, the first in this list wins: the one where minutes matter most and whose
    /// card also covers the other (a collapse card covers CPR whatever caused it).
    /// </summary>
    public static IReadOnlyList<string> Priority { get; } =
    [
        Collapse, Anaphylaxis, Choking, Seizure, Asthma, MentalHealth, Hypoglycaemia, HeadInjury, Hyperglycaemia,
        EmergencyServices,
    ];
}
